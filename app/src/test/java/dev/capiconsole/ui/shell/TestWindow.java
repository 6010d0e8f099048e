package dev.capiconsole.ui.shell;

import dev.capiconsole.lab.LabOptions;
import dev.capiconsole.settings.Settings;
import dev.capiconsole.testing.Await;
import dev.capiconsole.ui.lab.LabViewModel;
import java.nio.file.Path;
import java.time.Duration;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;

/** The console's window as GUI tests open it: settings and lab data in the test's folder, the light theme. */
public final class TestWindow {

    private TestWindow() {
    }

    /** The window with its settings in {@code folder/config} and the lab's data in {@code folder/lab}. */
    public static ConsoleWindow open(Stage stage, Path folder) {
        return open(stage, folder, "lab");
    }

    /** The window with its settings in {@code folder/config} and the lab's data in {@code folder/labFolder}. */
    public static ConsoleWindow open(Stage stage, Path folder, String labFolder) {
        ConsoleWindow window = ConsoleWindow.open(stage, Settings.load(folder.resolve("config")),
                LabOptions.defaults().withDataDir(folder.resolve(labFolder)));
        // TestFX hands every test the same stage: a size an earlier test set would otherwise stay.
        stage.sizeToScene();
        window.viewModel().themeProperty().set(Theme.LIGHT);
        return window;
    }

    /** Starts the lab from the welcome page (the window attaches to the test's running lab) and waits to connect. */
    public static void startLab(FxRobot robot, ConsoleWindow window) {
        robot.clickOn("#start-lab");
        Await.until(Duration.ofMinutes(2), "the lab running in the window",
                () -> window.viewModel().lab().stateProperty().get() == LabViewModel.State.RUNNING);
        Await.until(Duration.ofSeconds(30), "the window connected",
                () -> window.viewModel().connectedProperty().get() != null);
    }
}
