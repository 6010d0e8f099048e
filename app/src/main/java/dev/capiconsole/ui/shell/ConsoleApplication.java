package dev.capiconsole.ui.shell;

import dev.capiconsole.connection.KubeconfigSet;
import dev.capiconsole.lab.LabOptions;
import dev.capiconsole.settings.Settings;
import dev.capiconsole.ui.common.Texts;
import java.util.Locale;
import javafx.application.Application;
import javafx.stage.Stage;

/** The JavaFX entry point; the window itself is built by {@link ConsoleWindow}. */
public final class ConsoleApplication extends Application {

    static final String START_LAB = "--start-lab";
    static final String LANGUAGE = "--lang=";

    private ConsoleWindow window;

    @Override
    public void start(Stage stage) {
        Settings settings = Settings.load();
        chooseLanguage(settings);
        window = ConsoleWindow.open(stage, settings, LabOptions.defaults());
        window.viewModel().loadKubeconfigs(defaultKubeconfigs(settings), false);
        if (getParameters().getRaw().contains(START_LAB)) {
            window.viewModel().startLab();
        }
    }

    /** {@code --lang} is remembered for later starts; without it the remembered one, else the system's. */
    private void chooseLanguage(Settings settings) {
        getParameters().getRaw().stream().filter(arg -> arg.startsWith(LANGUAGE)).findFirst()
                .ifPresent(arg -> settings.put(Texts.LANGUAGE_KEY, arg.substring(LANGUAGE.length())));
        Texts.use(settings.get(Texts.LANGUAGE_KEY).flatMap(Texts::language).orElse(Locale.getDefault()));
    }

    /** The files opened last time, else those kubectl would read. */
    private static java.util.List<java.nio.file.Path> defaultKubeconfigs(Settings settings) {
        return settings.get(ShellViewModel.LAST_KUBECONFIG_KEY)
                .map(value -> java.util.Arrays.stream(value.split(java.io.File.pathSeparator))
                        .map(java.nio.file.Path::of).toList())
                .orElseGet(() -> KubeconfigSet.defaultFiles(System.getenv(),
                        java.nio.file.Path.of(System.getProperty("user.home"))));
    }

    @Override
    public void stop() {
        if (window != null) {
            window.close();
        }
    }
}
