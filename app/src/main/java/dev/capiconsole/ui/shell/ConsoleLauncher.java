package dev.capiconsole.ui.shell;

import dev.capiconsole.ui.common.Texts;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.application.Application;

/** Opens the desktop window, or says plainly why it cannot. */
public final class ConsoleLauncher {

    private ConsoleLauncher() {
    }

    /** Runs the window until it closes; returns the process exit code. */
    public static int launch() {
        return launch(false, null);
    }

    /**
     * Runs the window until it closes, starting the embedded lab at once if asked, in the given language
     * ({@code en}, {@code zh-CN}; null: the remembered one, else the system's); returns the exit code.
     */
    public static int launch(boolean startLab, String language) {
        if (language != null && Texts.language(language).isEmpty()) {
            System.err.println("capi-console: unknown language '" + language + "': use en or zh-CN.");
            return 2;
        }
        Optional<String> problem = displayProblem(System.getProperty("os.name"), System.getenv(),
                command(System.getProperty("jpackage.app-path")));
        if (problem.isPresent()) {
            System.err.println(problem.get());
            return 2;
        }
        try {
            List<String> arguments = new ArrayList<>();
            if (startLab) {
                arguments.add(ConsoleApplication.START_LAB);
            }
            if (language != null) {
                arguments.add(ConsoleApplication.LANGUAGE + Texts.language(language).orElseThrow().toLanguageTag());
            }
            Application.launch(ConsoleApplication.class, arguments.toArray(String[]::new));
            return 0;
        } catch (UnsupportedOperationException e) {
            // JavaFX's way of saying the display named in DISPLAY cannot be reached.
            System.err.println("capi-console cannot open its window on display '" + System.getenv("DISPLAY") + "': "
                    + e.getMessage() + ". Is the X server running and may this user connect to it?");
            return 2;
        }
    }

    public static Optional<String> displayProblem(String osName, Map<String, String> environment, String command) {
        boolean unixDesktop = !osName.startsWith("Windows") && !osName.startsWith("Mac");
        if (unixDesktop && isBlank(environment.get("DISPLAY")) && isBlank(environment.get("WAYLAND_DISPLAY"))) {
            return Optional.of("""
                    capi-console cannot open its window: no display (DISPLAY and WAYLAND_DISPLAY are not set).
                    Start it from a desktop session, or under a virtual display: xvfb-run -a %s
                    Without a display, use its commands instead: %s --help""".formatted(command, command));
        }
        return Optional.empty();
    }

    /** How to name this program in advice: the installed command, else the run script of a checkout. */
    public static String command(String jpackageAppPath) {
        return jpackageAppPath == null ? "app/capi-console" : "capi-console";
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
