package dev.capiconsole.ui.clusters;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capiconsole.lab.LabFixture;
import dev.capiconsole.testing.Await;
import dev.capiconsole.topology.ClusterSummary;
import dev.capiconsole.topology.DescribeRow;
import dev.capiconsole.topology.TreeNode;
import dev.capiconsole.ui.common.Screenshots;
import dev.capiconsole.ui.shell.ConsoleWindow;
import dev.capiconsole.ui.shell.TestWindow;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
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
 * MachineHealthChecks in the window against the lab: the overview counts a cluster's checks, the tree's "Health
 * checks" toggle shows them with each Machine's result, and "Skip remediation" on a Machine, reviewed first, shows up
 * in its check row.
 */
@ExtendWith(ApplicationExtension.class)
class MachineHealthCheckGuiTest {

    private static final String CLUSTER = "health";

    @TempDir
    static Path folder;

    private static LabFixture lab;
    private Stage stage;
    private ConsoleWindow window;

    @BeforeAll
    static void labWithACluster() throws Exception {
        lab = LabFixture.withReadyCluster(folder, CLUSTER, 1, 2);
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
    void theHealthChecksToggleShowsTheChecksAndASkippedMachine(FxRobot robot) throws Exception {
        TestWindow.startLab(robot, window);
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.CONTROL);
        TableView<ClusterSummary> table = robot.lookup("#cluster-table").queryAs(TableView.class);
        ClusterSummary summary = Await.value(Duration.ofMinutes(2), "cluster health with its checks, all healthy",
                () -> table.getItems().stream().filter(c -> c.name().equals(CLUSTER) && c.healthChecks() > 0
                        && c.unhealthyMachines() == 0).findFirst());

        robot.interact(() -> table.getSelectionModel().select(summary));
        TreeTableView<DescribeRow> tree = robot.lookup("#describe-tree").queryAs(TreeTableView.class);
        Await.until(Duration.ofSeconds(30), "the tree", () -> names(tree).contains("Workers"));
        assertThat(names(tree)).doesNotContain("MachineHealthChecks");
        robot.clickOn("#show-machinehealthchecks");
        robot.clickOn("#grouping");
        Await.until(Duration.ofSeconds(30), "a check row under each of the three Machines", () -> rows(tree).stream()
                .filter(r -> r.node().shape() == TreeNode.Shape.CHECK).count() >= 3);
        assertThat(names(tree)).contains("MachineHealthChecks")
                .anyMatch(n -> n.startsWith("MachineHealthCheck default/" + CLUSTER));

        TreeItem<DescribeRow> worker = find(tree.getRoot(), r -> r.node().kind().equals("Machine")
                && r.node().parent().kind().equals("MachineDeployment"));
        String machine = worker.getValue().node().name();
        robot.interact(() -> tree.getSelectionModel().select(worker));
        robot.clickOn("#actions").clickOn("#action-skip-remediation");
        Await.until(Duration.ofSeconds(15), "the change preview", () -> shown(robot, "#change-preview"));
        assertThat(robot.lookup("#change-preview").queryAs(TextArea.class).getText())
                .contains("Skip remediation of Machine default/" + machine)
                .contains("metadata.annotations[cluster.x-k8s.io/skip-remediation]: <unset> -> \"\"");
        robot.clickOn("Make change");
        Await.until(Duration.ofSeconds(30), "the skipped Machine's check row", () -> rows(tree).stream()
                .anyMatch(r -> r.node().shape() == TreeNode.Shape.CHECK
                        && r.node().checkedMachine().name().equals(machine)
                        && r.fullMessage().startsWith("Not checked")));
        // As an operator looking at the checks would: a large window, the tree made tall, the workers' check
        // selected.
        TreeItem<DescribeRow> workersCheck = find(tree.getRoot(), r -> r.node().kind().equals("MachineHealthCheck")
                && r.node().name().contains("-md-"));
        robot.interact(() -> {
            stage.setWidth(1760);
            stage.setHeight(1140);
            robot.lookup(".split-pane").queryAllAs(SplitPane.class).stream()
                    .filter(split -> split.getOrientation() == Orientation.VERTICAL)
                    .forEach(split -> split.setDividerPositions(0.12, 0.8));
            tree.getColumns().get(0).setPrefWidth(360);
            tree.getSelectionModel().select(workersCheck);
            tree.scrollTo(0);
        });
        Screenshots.save(Screenshots.render(stage.getScene()), "mhc-tree");
    }

    private static boolean shown(FxRobot robot, String query) {
        return robot.lookup(query).tryQuery().filter(Node::isVisible)
                .filter(n -> n.getScene() != null && n.getScene().getWindow() != null
                        && n.getScene().getWindow().isShowing()).isPresent();
    }

    private static List<String> names(TreeTableView<DescribeRow> tree) {
        return rows(tree).stream().map(DescribeRow::name).toList();
    }

    private static List<DescribeRow> rows(TreeTableView<DescribeRow> tree) {
        List<DescribeRow> rows = new ArrayList<>();
        collect(tree.getRoot(), rows);
        return rows;
    }

    private static void collect(TreeItem<DescribeRow> item, List<DescribeRow> rows) {
        if (item.getValue() != null) {
            rows.add(item.getValue());
        }
        item.getChildren().forEach(child -> collect(child, rows));
    }

    private static TreeItem<DescribeRow> find(TreeItem<DescribeRow> item, Predicate<DescribeRow> test) {
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
