package dev.capiconsole.ui.shell;

import dev.capiconsole.connection.KubeconfigSet;
import dev.capiconsole.lab.LabOptions;
import dev.capiconsole.settings.Settings;
import javafx.application.Application;
import javafx.stage.Stage;

/** The JavaFX entry point; the window itself is built by {@link ConsoleWindow}. */
public final class ConsoleApplication extends Application {

    static final String START_LAB = "--start-lab";

    private ConsoleWindow window;

    @Override
    public void start(Stage stage) {
        Settings settings = Settings.load();
        window = ConsoleWindow.open(stage, settings, LabOptions.defaults());
        window.viewModel().loadKubeconfigs(defaultKubeconfigs(settings), false);
        if (getParameters().getRaw().contains(START_LAB)) {
            window.viewModel().startLab();
        }
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
