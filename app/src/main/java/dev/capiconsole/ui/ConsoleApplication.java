package dev.capiconsole.ui;

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
        window = ConsoleWindow.open(stage, Settings.load(), LabOptions.defaults());
        if (getParameters().getRaw().contains(START_LAB)) {
            window.viewModel().startLab();
        }
    }

    @Override
    public void stop() {
        if (window != null) {
            window.close();
        }
    }
}
