package dev.capiconsole.ui.clusters;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capiconsole.diagram.DiagramEdge;
import dev.capiconsole.diagram.DiagramNode;
import dev.capiconsole.diagram.DiagramNode.Role;
import dev.capiconsole.diagram.LaidOutDiagram;
import dev.capiconsole.diagram.Palette;
import dev.capiconsole.lab.LabFixture;
import dev.capiconsole.testing.Await;
import dev.capiconsole.topology.ClusterSummary;
import dev.capiconsole.topology.DescribeRow;
import dev.capiconsole.ui.common.Screenshots;
import dev.capiconsole.ui.shell.ConsoleWindow;
import dev.capiconsole.ui.shell.TestWindow;
import dev.capiconsole.ui.shell.Theme;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javafx.scene.Group;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
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
 * The Diagram tab against the real lab: the in-memory cluster's picture, a scale-up drawn live, a group of Machines
 * opened by a click, selection shared with the tree both ways, search, the extras, and an SVG export.
 */
@ExtendWith(ApplicationExtension.class)
class DiagramGuiTest {

    private static final String CLUSTER = "pic";

    @TempDir
    static Path folder;

    private static LabFixture lab;
    private static KubernetesClient client;
    private Stage stage;
    private ConsoleWindow window;

    @BeforeAll
    static void labWithACluster() throws Exception {
        lab = LabFixture.withReadyCluster(folder, CLUSTER, 1, 2);
        client = lab.client();
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
    void theDiagramFollowsTheClusterLiveAndSharesTheSelectionWithTheTree(FxRobot robot) throws Exception {
        TestWindow.startLab(robot, window);
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.CONTROL);
        TableView<ClusterSummary> table = robot.lookup("#cluster-table").queryAs(TableView.class);
        ClusterSummary summary = Await.value(Duration.ofSeconds(60), "cluster pic in the table",
                () -> table.getItems().stream().filter(c -> c.name().equals(CLUSTER)).findFirst());
        robot.interact(() -> table.getSelectionModel().select(summary));
        TabPane tabs = (TabPane) robot.lookup(".tab-pane").match(n -> ((TabPane) n).getTabs().stream()
                .anyMatch(t -> "diagram-tab".equals(t.getId()))).query();
        robot.interact(() -> tabs.getSelectionModel().select(tabs.getTabs().stream()
                .filter(t -> "diagram-tab".equals(t.getId())).findFirst().orElseThrow()));

        DiagramViewModel model = window.viewModel().clusters().diagram();
        Await.until(Duration.ofSeconds(60), "3 Machines in the diagram", () -> count(robot, Role.MACHINE) == 3);
        LaidOutDiagram first = model.diagramProperty().get();
        assertThat(roles(first)).isEqualTo(Map.of("CLUSTER", 1L, "INFRASTRUCTURE_CLUSTER", 1L, "CONTROL_PLANE", 1L,
                "MACHINE_DEPLOYMENT", 1L, "MACHINE_SET", 1L, "MACHINE", 3L, "INFRASTRUCTURE_MACHINE", 3L,
                "BOOTSTRAP_CONFIG", 3L));
        assertThat(first.diagram().edges()).hasSize(13);
        assertThat(first.diagram().edges()).filteredOn(e -> e.relation() == DiagramEdge.Relation.BOOTSTRAP)
                .hasSize(3).allMatch(e -> e.to().startsWith("KubeadmConfig/default/"));
        assertThat(first.diagram().nodes()).filteredOn(n -> n.role() == Role.CLUSTER).singleElement()
                .satisfies(n -> assertThat(n.health()).isEqualTo(DiagramNode.Health.GOOD));
        roomForTheDiagram(robot);
        Screenshots.save(Screenshots.render(stage.getScene()), "diagram-light");

        scale(4);
        Instant scaled = Instant.now();
        Await.until(Duration.ofMinutes(2), "5 Machines in the diagram", () -> count(robot, Role.MACHINE) == 5);
        System.out.printf("[measure] scale 2 -> 4 workers to 5 Machines drawn in the diagram: %d ms%n",
                Duration.between(scaled, Instant.now()).toMillis());

        Await.until(Duration.ofMinutes(2), "every Machine Running", () -> nodes(robot).stream()
                .filter(n -> n.role() == Role.MACHINE).allMatch(n -> n.detail().startsWith("Running")));
        robot.clickOn("#diagram-fit");
        TreeTableView<DescribeRow> tree = robot.lookup("#describe-tree").queryAs(TreeTableView.class);
        String[] clicked = new String[1];
        Await.until(Duration.ofSeconds(20), "a clicked worker Machine selected in the tree", () -> {
            Group worker = machine(robot);
            clicked[0] = ((DiagramNode) worker.getUserData()).name();
            robot.clickOn(worker);
            DescribeRow row = tree.getSelectionModel().getSelectedItem() == null ? null
                    : tree.getSelectionModel().getSelectedItem().getValue();
            return row != null && (row.node().name().equals(clicked[0])
                    || row.node().groupItems().contains(clicked[0]));
        });
        Group worker = groups(robot).stream().filter(g -> ((DiagramNode) g.getUserData()).name().equals(clicked[0]))
                .findFirst().orElseThrow();
        assertThat(worker.getStyleClass()).contains("diagram-selected");

        robot.interact(() -> tree.getSelectionModel().select(tree.getRoot().getChildren().get(0)));
        Group cluster = group(robot, Role.CLUSTER);
        assertThat(cluster.getStyleClass()).as("the tree's selection marked in the diagram")
                .contains("diagram-selected");
        assertThat(worker.getStyleClass()).doesNotContain("diagram-selected");

        robot.clickOn("#diagram-search").write("KubeadmControlPlane");
        assertThat(group(robot, Role.CONTROL_PLANE).getStyleClass()).contains("diagram-match");
        assertThat(group(robot, Role.MACHINE_SET).getStyleClass()).contains("diagram-dim");
        robot.interact(() -> robot.lookup("#diagram-search").queryTextInputControl().clear());

        robot.clickOn("#diagram-extras");
        Await.until(Duration.ofSeconds(10), "the ClusterClass in the diagram",
                () -> count(robot, Role.CLUSTER_CLASS) == 1);
        assertThat(model.diagramProperty().get().diagram().node("ClusterClass/default/in-memory")).isPresent();
        robot.clickOn("#diagram-extras");

        scale(10);
        Await.until(Duration.ofMinutes(2), "the 10 workers as one group, all ready",
                () -> nodes(robot).stream().anyMatch(n -> n.role() == Role.MACHINE_GROUP
                        && n.group().members().size() == 10 && n.group().ready() == 10));
        Screenshots.save(Screenshots.render(stage.getScene()), "diagram-grouped");
        robot.clickOn("#diagram-fit");
        robot.clickOn(group(robot, Role.MACHINE_GROUP));
        Await.until(Duration.ofSeconds(20), "the group opened into 11 Machines by a click",
                () -> count(robot, Role.MACHINE) == 11 && count(robot, Role.MACHINE_GROUP) == 0);
        robot.clickOn("#diagram-collapse");
        Await.until(Duration.ofSeconds(10), "grouped again", () -> count(robot, Role.MACHINE_GROUP) == 1);

        Path svg = folder.resolve("pic.svg");
        robot.interact(() -> model.export(svg, DiagramViewModel.Format.SVG, Palette.LIGHT));
        Await.until(Duration.ofSeconds(10), "the SVG saved", () -> model.messageProperty().get().startsWith("Saved"));
        assertThat(Files.readString(svg)).startsWith("<?xml").contains("<g id=\"Cluster/default/pic\">");

        scale(4);
        Await.until(Duration.ofMinutes(2), "5 Machines again", () -> count(robot, Role.MACHINE) == 5);
        robot.interact(() -> window.viewModel().themeProperty().set(Theme.DARK));
        robot.clickOn("#diagram-fit");
        Screenshots.save(Screenshots.render(stage.getScene()), "diagram-dark");
    }

    /** The operator's move for a picture: the overview and the details pane dragged smaller. */
    private static void roomForTheDiagram(FxRobot robot) {
        SplitPane split = robot.lookup("#clusters-view .split-pane").queryAs(SplitPane.class);
        robot.interact(() -> split.setDividerPositions(0.12, 0.84));
        robot.clickOn("#diagram-fit");
    }

    private void scale(int replicas) {
        client.genericKubernetesResources("cluster.x-k8s.io/v1beta2", "Cluster").inNamespace("default")
                .withName(CLUSTER).patch(PatchContext.of(PatchType.JSON_MERGE),
                        "{\"spec\":{\"topology\":{\"workers\":{\"machineDeployments\":[{\"class\":\"default-worker\","
                                + "\"name\":\"md-0\",\"replicas\":" + replicas + "}]}}}}");
    }

    private static Map<String, Long> roles(LaidOutDiagram diagram) {
        return diagram.diagram().nodes().stream().collect(Collectors.groupingBy(n -> n.role().name(), TreeMap::new,
                Collectors.counting()));
    }

    private static List<Group> groups(FxRobot robot) {
        return robot.lookup(".diagram-node").queryAllAs(Group.class).stream().toList();
    }

    private static List<DiagramNode> nodes(FxRobot robot) {
        return groups(robot).stream().map(g -> (DiagramNode) g.getUserData()).toList();
    }

    private static long count(FxRobot robot, Role role) {
        return nodes(robot).stream().filter(n -> n.role() == role).count();
    }

    private static Group group(FxRobot robot, Role role) {
        return groups(robot).stream().filter(g -> ((DiagramNode) g.getUserData()).role() == role).findFirst()
                .orElseThrow(() -> new AssertionError("no " + role + " node"));
    }

    private static Group machine(FxRobot robot) {
        return groups(robot).stream().filter(g -> ((DiagramNode) g.getUserData()).role() == Role.MACHINE)
                .filter(g -> ((DiagramNode) g.getUserData()).name().contains("-md-"))
                .findFirst().orElseThrow(() -> new AssertionError("no worker Machine node"));
    }
}
