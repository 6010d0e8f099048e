package dev.capiconsole.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capiconsole.ui.shell.StartupProbe;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The start-up probe the installer test and the benchmark use: a snapshot and a time once the first frame is up. */
@ExtendWith(ApplicationExtension.class)
class StartupProbeGuiTest {

    @TempDir
    Path dir;

    private final CountDownLatch done = new CountDownLatch(1);

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(new Label("probe"), 320, 200));
        stage.show();
        StartupProbe.attach(stage, dir.resolve("shots/first.png").toString(), done::countDown);
    }

    @Test
    void theFirstFrameIsSavedWithTheTimeSinceTheProcessStarted(FxRobot robot) throws Exception {
        assertThat(done.await(20, TimeUnit.SECONDS)).as("the probe reports within 20 s").isTrue();
        Path png = dir.resolve("shots/first.png");
        Image image = new Image(png.toUri().toString());
        assertThat(image.isError()).isFalse();
        assertThat(image.getWidth()).isGreaterThanOrEqualTo(320);
        assertThat(image.getHeight()).isGreaterThanOrEqualTo(200);

        Properties report = new Properties();
        try (var in = Files.newBufferedReader(dir.resolve("shots/first.txt"))) {
            report.load(in);
        }
        long firstFrame = Long.parseLong(report.getProperty("first_frame_ms"));
        assertThat(firstFrame).isPositive();
        assertThat(Long.parseLong(report.getProperty("first_frame_epoch_ms"))
                - Long.parseLong(report.getProperty("process_start_epoch_ms"))).isEqualTo(firstFrame);
        assertThat(report.getProperty("window")).isEqualTo((int) image.getWidth() + "x" + (int) image.getHeight());
    }

    @Test
    void withoutTheVariableNothingHappens(FxRobot robot) {
        robot.interact(() -> StartupProbe.attach(new Stage(), null, () -> {
            throw new AssertionError("must not run");
        }));
        assertThat(dir.resolve("none.png")).doesNotExist();
    }
}
