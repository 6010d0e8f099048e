package dev.capiconsole.ui.clusters;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capiconsole.connection.ManagementCluster;
import dev.capiconsole.controllerlogs.LogLevel;
import dev.capiconsole.controllerlogs.LogLine;
import dev.capiconsole.controllerlogs.LogSubject;
import dev.capiconsole.testing.Await;
import dev.capiconsole.ui.common.TaskExecutor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The controller logs tab without a window: a folder laid out as a lab's data directory (its kubeconfig and the
 * managers' log files) is a lab connection, so the view-model follows real files.
 */
class ControllerLogsViewModelTest {

    private static final String KUBECONFIG = """
            apiVersion: v1
            kind: Config
            clusters:
            - name: lab
              cluster:
                server: https://127.0.0.1:1
            users:
            - name: admin
              user:
                token: unused
            contexts:
            - name: lab
              context:
                cluster: lab
                user: admin
            current-context: lab
            """;
    private static final DateTimeFormatter KLOG = DateTimeFormatter.ofPattern("MMdd HH:mm:ss.SSSSSS");

    @TempDir
    Path lab;

    private final SimpleObjectProperty<ManagementCluster> connected = new SimpleObjectProperty<>();
    private ControllerLogsViewModel model;
    private Path coreLog;
    private final Instant now = Instant.now();

    @BeforeEach
    void labFolder() throws Exception {
        Files.writeString(lab.resolve("kubeconfig"), KUBECONFIG);
        coreLog = lab.resolve("logs/capi-controller-manager.log");
        Files.createDirectories(coreLog.getParent());
        Files.writeString(coreLog, String.join("\n",
                line('I', now.minus(Duration.ofHours(2)), "\"Old\" Machine=\"default/web-1\" reconcileID=\"r0\""),
                line('I', now.minusSeconds(60), "\"Reconciling\" Machine=\"default/web-1\" reconcileID=\"r1\""),
                line('E', now.minusSeconds(59), "\"Reconciler error\" err=\"boom\" reconcileID=\"r1\""),
                line('I', now.minusSeconds(58), "\"Other\" Machine=\"default/web-12\" reconcileID=\"r2\""),
                line('W', now.minusSeconds(57), "\"Careful\" Machine=\"default/web-1\" reconcileID=\"r3\"")) + "\n");
        model = new ControllerLogsViewModel(connected, TaskExecutor.sameThread());
        connected.set(new ManagementCluster("lab", "https://127.0.0.1:1", lab.resolve("kubeconfig"), KUBECONFIG,
                "v1.36.3", true));
    }

    private static String line(char level, Instant time, String body) {
        return level + KLOG.format(LocalDateTime.ofInstant(time, ZoneId.systemDefault())) + "   42 x.go:1] " + body;
    }

    private List<String> messages() {
        return model.lines().stream().map(LogLine::message).toList();
    }

    @Test
    void followsOnlyWhileShownTheLinesAboutTheObjectWithinTheWindowAndFilters() throws Exception {
        model.show(new LogSubject("Machine", "default", "web-1"));
        assertThat(model.stateProperty().get()).startsWith("Select an object");

        model.activeProperty().set(true);
        Await.until(Duration.ofSeconds(10), "the recent lines about web-1",
                () -> messages().equals(List.of("Reconciling", "Reconciler error", "Careful")));
        assertThat(model.stateProperty().get()).isEqualTo(
                "3 of 4 lines about Machine default/web-1, from the lab's log files, live.");

        model.levelProperty().set(LogLevel.WARNING);
        Await.until(Duration.ofSeconds(5), "warnings and errors", () ->
                messages().equals(List.of("Reconciler error", "Careful")));
        model.textProperty().set("BOOM");
        Await.until(Duration.ofSeconds(5), "the text filter", () -> messages().equals(List.of("Reconciler error")));
        model.textProperty().set("");
        model.levelProperty().set(LogLevel.INFO);

        model.windowProperty().set(ControllerLogsViewModel.Window.ALL);
        Await.until(Duration.ofSeconds(10), "the old line too", () -> messages().contains("Old"));

        Files.writeString(coreLog, line('I', Instant.now(), "\"Appended\" Machine=\"default/web-1\"") + "\n",
                StandardOpenOption.APPEND);
        Await.until(Duration.ofSeconds(10), "the appended line, live", () -> messages().contains("Appended"));

        model.activeProperty().set(false);
        assertThat(model.lines()).isEmpty();
    }

    @Test
    void aroundAnInstantShowsTwoMinutesEitherSideUntilCleared() {
        model.activeProperty().set(true);
        model.show(new LogSubject("Machine", "default", "web-1"));
        model.showAround(now.minus(Duration.ofHours(2)).plusSeconds(90));

        Await.until(Duration.ofSeconds(10), "only the old line", () -> messages().equals(List.of("Old")));
        assertThat(model.aroundProperty().get()).isNotNull();

        model.clearAround();
        Await.until(Duration.ofSeconds(10), "the window's lines again", () -> messages().size() == 3);
        assertThat(model.aroundProperty().get()).isNull();
    }

    @Test
    void aRowWithoutAnObjectShowsNothing() {
        model.activeProperty().set(true);
        model.show(null);
        assertThat(model.lines()).isEmpty();
        assertThat(model.stateProperty().get()).startsWith("Select an object");
    }
}
