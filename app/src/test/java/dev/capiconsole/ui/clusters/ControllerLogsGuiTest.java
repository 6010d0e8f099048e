package dev.capiconsole.ui.clusters;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capiconsole.controllerlogs.LogLine;
import dev.capiconsole.events.TimelineEvent;
import dev.capiconsole.lab.LabFixture;
import dev.capiconsole.testing.Await;
import dev.capiconsole.topology.ClusterSummary;
import dev.capiconsole.topology.Condition;
import dev.capiconsole.topology.DescribeRow;
import dev.capiconsole.ui.common.Screenshots;
import dev.capiconsole.ui.shell.ConsoleWindow;
import dev.capiconsole.ui.shell.TestWindow;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
import javafx.geometry.Orientation;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * "Why is it stuck?" in the window against the lab: a Machine's controller logs (live, then around a condition's
 * last transition) and the cluster's events timeline, with screenshots for the README.
 */
@ExtendWith(ApplicationExtension.class)
class ControllerLogsGuiTest {

    private static final String CLUSTER = "why";

    @TempDir
    static Path folder;

    private static LabFixture lab;
    private Stage stage;
    private ConsoleWindow window;

    @BeforeAll
    static void labWithACluster() throws Exception {
        lab = LabFixture.withReadyCluster(folder, CLUSTER, 1, 1);
    }

    @AfterAll
    static void stopLab() {
        if (lab != null) {
            lab.close();
        }
    }

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
    void aMachinesControllerLogsThenAroundAConditionThenTheClustersEvents(FxRobot robot) {
        TestWindow.startLab(robot, window);
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.CONTROL);
        TableView<ClusterSummary> clusters = robot.lookup("#cluster-table").queryAs(TableView.class);
        ClusterSummary summary = Await.value(Duration.ofSeconds(60), "cluster why in the table",
                () -> clusters.getItems().stream().filter(c -> c.name().equals(CLUSTER)).findFirst());
        robot.interact(() -> clusters.getSelectionModel().select(summary));
        // More room for the details, as an operator reading logs would drag it.
        robot.interact(() -> robot.lookup("#clusters-view .split-pane").queryAllAs(SplitPane.class).stream()
                .filter(split -> split.getOrientation() == Orientation.VERTICAL).findFirst().orElseThrow()
                .setDividerPositions(0.12, 0.42));
        TreeTableView<DescribeRow> tree = robot.lookup("#describe-tree").queryAs(TreeTableView.class);
        TreeItem<DescribeRow> machine = Await.value(Duration.ofSeconds(30), "a Machine row in the tree",
                () -> Optional.ofNullable(find(tree.getRoot(), r -> r.kind() == DescribeRow.Kind.OBJECT
                        && r.node().object() != null && r.node().kind().equals("Machine"))));
        String name = machine.getValue().node().name();
        robot.interact(() -> tree.getSelectionModel().select(machine));

        robot.clickOn("#details-logs-tab");
        TableView<LogLine> lines = robot.lookup("#logs-table").queryAs(TableView.class);
        robot.interact(() -> window.viewModel().clusters().logs().windowProperty()
                .set(ControllerLogsViewModel.Window.ALL));
        // Each manager's file is read on its own, so the core manager's lines may come after another's.
        Await.until(Duration.ofSeconds(30), "the core manager's lines about the Machine", () -> lines.getItems()
                .stream().anyMatch(l -> l.manager().equals("capi-controller-manager")));
        assertThat(lines.getItems()).allMatch(l -> l.text().contains(name) || l.key("reconcileID") != null);
        assertThat(robot.lookup("#logs-state").queryLabeled().getText())
                .contains("about Machine default/" + name).contains("the lab's log files");
        String word = lines.getItems().get(0).message().split(" ")[0];
        robot.clickOn("#logs-filter").write(word);
        Await.until(Duration.ofSeconds(10), "only lines with '" + word + "'", () -> !lines.getItems().isEmpty()
                && lines.getItems().stream().allMatch(l -> l.text().toLowerCase(Locale.ROOT)
                        .contains(word.toLowerCase(Locale.ROOT))));
        robot.interact(() -> window.viewModel().clusters().logs().textProperty().set(""));
        Await.until(Duration.ofSeconds(10), "every line again", () -> lines.getItems().size() > 1);
        Screenshots.save(Screenshots.render(stage.getScene()), "controller-logs");

        TableView<Condition> conditions = robot.lookup("#details-conditions").queryAs(TableView.class);
        robot.rightClickOn("#details-conditions").clickOn("#logs-around-condition");
        Instant transition = Await.value(Duration.ofSeconds(10), "the instant of the clicked condition",
                () -> Optional.ofNullable(window.viewModel().clusters().logs().aroundProperty().get()));
        assertThat(conditions.getItems()).extracting(Condition::lastTransitionTime).contains(transition);
        Await.until(Duration.ofSeconds(15), "the lines around the condition's transition", () ->
                robot.lookup("#logs-around-bar").query().isVisible() && !lines.getItems().isEmpty());
        assertThat(lines.getItems()).allMatch(l -> !l.time().isBefore(transition.minus(ControllerLogsViewModel.AROUND))
                && !l.time().isAfter(transition.plus(ControllerLogsViewModel.AROUND)));
        Screenshots.save(Screenshots.render(stage.getScene()), "controller-logs-around");
        robot.clickOn("#logs-clear-around");
        Await.until(Duration.ofSeconds(5), "the around bar gone",
                () -> !robot.lookup("#logs-around-bar").query().isVisible());

        robot.interact(() -> robot.lookup("#clusters-view .split-pane").queryAllAs(SplitPane.class).stream()
                .filter(split -> split.getOrientation() == Orientation.VERTICAL).findFirst().orElseThrow()
                .setDividerPositions(0.12, 0.8));
        robot.clickOn("#timeline-tab");
        TableView<TimelineEvent> events = robot.lookup("#timeline-table").queryAs(TableView.class);
        Await.until(Duration.ofSeconds(30), "the cluster's events", () -> events.getItems().stream()
                .anyMatch(e -> e.object().equals("Cluster/" + CLUSTER)));
        assertThat(events.getItems()).anyMatch(e -> e.object().startsWith("Machine/"));
        Screenshots.save(Screenshots.render(stage.getScene()), "events-timeline");
    }

    private static TreeItem<DescribeRow> find(TreeItem<DescribeRow> item, Predicate<DescribeRow> test) {
        if (item == null) {
            return null;
        }
        if (item.getValue() != null && test.test(item.getValue())) {
            return item;
        }
        for (TreeItem<DescribeRow> child : item.getChildren()) {
            TreeItem<DescribeRow> found = find(child, test);
            if (found != null) {
                return found;
            }
        }
        return null;
    }
}
