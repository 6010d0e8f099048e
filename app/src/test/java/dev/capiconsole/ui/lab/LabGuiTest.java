package dev.capiconsole.ui.lab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capiconsole.lab.Lab;
import dev.capiconsole.testing.Await;
import dev.capiconsole.ui.common.Screenshots;
import dev.capiconsole.ui.lab.LabViewModel;
import dev.capiconsole.ui.shell.ConsoleWindow;
import dev.capiconsole.ui.shell.TestWindow;
import dev.capiconsole.ui.shell.View;
import java.nio.file.Path;
import java.time.Duration;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** "Start the embedded lab" from the welcome page, against the real lab, until the window is connected. */
@ExtendWith(ApplicationExtension.class)
class LabGuiTest {

    @TempDir
    static Path folder;

    private Stage stage;
    private ConsoleWindow window;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        window = TestWindow.open(stage, folder);
    }

    @AfterEach
    void closeWindow() {
        window.close();
    }

    @Test
    void startingTheLabFromTheWelcomePageConnectsTheWindow(FxRobot robot) {
        robot.clickOn("#start-lab");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.viewModel().currentViewProperty().get()).isEqualTo(View.LAB);

        Await.until(Duration.ofMinutes(10), "the lab running or failed", () -> {
            LabViewModel.State state = window.viewModel().lab().stateProperty().get();
            return state == LabViewModel.State.RUNNING || state == LabViewModel.State.FAILED;
        });
        assertThat(window.viewModel().lab().failureProperty().get()).isNull();
        assertThat(window.viewModel().lab().progress()).anyMatch(line -> line.startsWith("Lab ready in"));
        assertThat(robot.lookup("#connection-state").queryAs(Label.class).getText())
                .startsWith("Connected to capi-console-lab").contains("Kubernetes v1.36.")
                .contains("Cluster API installed");
        assertThat(robot.lookup("#management-cluster-name").queryAs(Label.class).getText())
                .isEqualTo("capi-console-lab");
        robot.clickOn("#lab-sample");
        Await.until(Duration.ofMinutes(2), "the sample cluster created or refused", () -> window.viewModel().lab()
                .progress().stream()
                .anyMatch(line -> line.startsWith("Created Cluster default/sample-1") || line.startsWith("Could not")));
        assertThat(window.viewModel().lab().progress()).anyMatch(line -> line.startsWith("Created Cluster default/sample-1"));
        Screenshots.save(Screenshots.render(stage.getScene()), "lab-running");

        robot.clickOn("#lab-stop");
        Await.until(Duration.ofMinutes(1), "the lab stopped",
                () -> window.viewModel().lab().stateProperty().get() == LabViewModel.State.IDLE);
        assertThat(Lab.status(folder.resolve("lab"))).isEmpty();
        assertThat(robot.lookup("#connection-state").queryAs(Label.class).getText()).startsWith("Not connected");
    }
}
