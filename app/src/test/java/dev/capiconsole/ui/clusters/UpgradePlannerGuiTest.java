package dev.capiconsole.ui.clusters;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capiconsole.cli.CliRunner;
import dev.capiconsole.clusterclass.TestClass;
import dev.capiconsole.lab.LabClusters;
import dev.capiconsole.lab.LabFixture;
import dev.capiconsole.templates.ClusterApplier;
import dev.capiconsole.testing.Await;
import dev.capiconsole.topology.ClusterSummary;
import dev.capiconsole.topology.DescribeRow;
import dev.capiconsole.ui.common.Screenshots;
import dev.capiconsole.ui.shell.ConsoleWindow;
import dev.capiconsole.ui.shell.TestWindow;
import dev.capiconsole.upgradeplan.StepProgress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.control.Button;
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
 * The chained-upgrade planner against the lab: Upgrade on a Cluster of the test class (v1.34.0) opens the planner,
 * which plans v1.36.0 through v1.35.0; Start, reviewed first, sets the topology's version, and the planner follows
 * the steps live (screenshot {@code upgrade-planner} mid-upgrade).
 */
@ExtendWith(ApplicationExtension.class)
class UpgradePlannerGuiTest {

    private static final String CLUSTER = "planned";
    private static final String NS = "default";

    @TempDir
    static Path folder;

    private static LabFixture lab;
    private Stage stage;
    private ConsoleWindow window;

    @BeforeAll
    static void labWithAClusterOfTheTestClass() {
        lab = LabFixture.full(folder);
        List<ClusterApplier.ObjectResult> results = new ClusterApplier(lab.client()).apply(TestClass.objects(NS),
                false, r -> { });
        assertThat(results).allSatisfy(r -> assertThat(r.outcome().ok()).as(r.label()).isTrue());
        Await.until(Duration.ofMinutes(1), "ClusterClass VariablesReady", () -> LabClusters.conditionTrue(
                lab.client().genericKubernetesResources("cluster.x-k8s.io/v1beta2", "ClusterClass").inNamespace(NS)
                        .withName(TestClass.NAME).get(), "VariablesReady"));
        CliRunner.Result applied = lab.cli("generate", "cluster", CLUSTER, "--class", TestClass.NAME, "-n", NS,
                "--kubernetes-version", "v1.34.0", "--control-plane-machine-count", "1", "--set", "environment=dev",
                "--worker", "default-worker:md-0:1", "--worker", "default-worker:md-1:1", "--apply");
        assertThat(applied.exitCode()).as(applied.out() + applied.err()).isZero();
        Await.until(Duration.ofMinutes(6), "Cluster " + CLUSTER + " Available", () ->
                LabClusters.conditionTrue(lab.clusters().cluster(CLUSTER, NS), "Available"));
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
    void thePlannerPlansTheChainStartsItAndFollowsItLive(FxRobot robot) {
        TestWindow.startLab(robot, window);
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.CONTROL);
        TableView<ClusterSummary> table = robot.lookup("#cluster-table").queryAs(TableView.class);
        ClusterSummary summary = Await.value(Duration.ofMinutes(2), "cluster " + CLUSTER, () -> table.getItems()
                .stream().filter(c -> c.name().equals(CLUSTER) && !c.clusterClass().isEmpty()).findFirst());
        robot.interact(() -> table.getSelectionModel().select(summary));
        TreeTableView<DescribeRow> tree = robot.lookup("#describe-tree").queryAs(TreeTableView.class);
        TreeItem<DescribeRow> clusterRow = Await.value(Duration.ofSeconds(30), "the Cluster's row", () ->
                Optional.ofNullable(clusterRow(tree.getRoot())));
        robot.interact(() -> tree.getSelectionModel().select(clusterRow));
        robot.clickOn("#actions").clickOn("#action-upgrade");

        TableView<StepProgress> steps = robot.lookup("#planner-steps").queryAs(TableView.class);
        Await.until(Duration.ofSeconds(30), "the plan to v1.36.0", () -> steps.getItems().size() == 4);
        assertThat(steps.getItems()).extracting(s -> s.step().what() + " " + s.step().version()).containsExactly(
                "control plane v1.35.0", "control plane v1.36.0", "MachineDeployment md-0 v1.36.0",
                "MachineDeployment md-1 v1.36.0");

        Await.until(Duration.ofSeconds(10), "md-1's defer toggle", () -> robot.lookup("#planner-defer-md-1")
                .tryQuery().filter(n -> n.getScene() != null).isPresent());
        robot.clickOn("#planner-defer-md-1");
        confirmChange(robot, "topology.cluster.x-k8s.io/defer-upgrade");
        Await.until(Duration.ofSeconds(30), "md-1 deferred in the plan", () -> !steps.getItems().isEmpty()
                && !steps.getItems().get(3).blockers().isEmpty());

        Button start = robot.lookup("#planner-start").queryAs(Button.class);
        Await.until(Duration.ofSeconds(10), "Start enabled", () -> !start.isDisabled());
        // Xvfb has no window manager to keep the planner above its owner once the review closes.
        robot.interact(() -> ((Stage) start.getScene().getWindow()).toFront());
        robot.clickOn(start);
        try {
            confirmChange(robot, "spec.topology.version: v1.34.0 -> v1.36.0");
        } catch (AssertionError e) {
            Screenshots.save(Screenshots.render(start.getScene()), "upgrade-planner-no-preview");
            throw new AssertionError(e.getMessage() + "; the page says: "
                    + window.viewModel().clusters().operations().messageProperty().get(), e);
        }
        Await.until(Duration.ofMinutes(6), "the control plane at v1.35.0 and its next step applied", () ->
                steps.getItems().size() == 4 && steps.getItems().get(0).state() == StepProgress.State.DONE
                        && steps.getItems().get(1).state() != StepProgress.State.WAITING);
        Node planner = robot.lookup("#upgrade-planner").query();
        Screenshots.save(Screenshots.render(planner.getScene()), "upgrade-planner");
        assertThat(steps.getItems().get(3).state()).isEqualTo(StepProgress.State.WAITING);
    }

    private static TreeItem<DescribeRow> clusterRow(TreeItem<DescribeRow> item) {
        if (item == null) {
            return null;
        }
        if (item.getValue() != null && item.getValue().kind() == DescribeRow.Kind.OBJECT
                && item.getValue().node().kind().equals("Cluster")) {
            return item;
        }
        return item.getChildren().stream().map(UpgradePlannerGuiTest::clusterRow).filter(Objects::nonNull)
                .findFirst().orElse(null);
    }

    private static void confirmChange(FxRobot robot, String expected) {
        Await.until(Duration.ofSeconds(30), "the change preview", () -> robot.lookup("#change-preview").tryQuery()
                .filter(n -> n.getScene() != null && n.getScene().getWindow().isShowing()).isPresent());
        assertThat(robot.lookup("#change-preview").queryAs(TextArea.class).getText()).contains(expected);
        robot.clickOn("Make change");
    }
}
