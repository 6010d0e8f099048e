package dev.capiconsole.ui.clusters;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capiconsole.lab.LabFixture;
import dev.capiconsole.testing.Await;
import dev.capiconsole.topology.ClusterSummary;
import dev.capiconsole.topology.DescribeRow;
import dev.capiconsole.ui.common.Screenshots;
import dev.capiconsole.ui.shell.ConsoleWindow;
import dev.capiconsole.ui.shell.TestWindow;
import dev.capiconsole.ui.shell.View;
import dev.capiconsole.ui.workloads.WorkloadTabViewModel;
import dev.capiconsole.workload.PodDetails;
import dev.capiconsole.workload.PodRow;
import dev.capiconsole.workload.WorkloadKubeconfig;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
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
 * The clusters view against the real lab: a running lab (started by this test, so the window attaches to it),
 * an in-memory cluster, its overview line and describe tree, and a scale-up made through the API that the tree
 * follows live while the selected row stays selected.
 */
@ExtendWith(ApplicationExtension.class)
class ClustersGuiTest {

    private static final String CLUSTER = "gui";

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
    void theTreeOfASelectedClusterFollowsAScaleUpLive(FxRobot robot) throws Exception {
        TestWindow.startLab(robot, window);
        assertThat(window.viewModel().lab().progress()).anyMatch(l -> l.contains("already running"));

        robot.press(KeyCode.CONTROL, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.CONTROL);
        TableView<ClusterSummary> table = robot.lookup("#cluster-table").queryAs(TableView.class);
        ClusterSummary summary = Await.value(Duration.ofSeconds(60), "cluster gui in the table",
                () -> table.getItems().stream().filter(c -> c.name().equals(CLUSTER)).findFirst());
        assertThat(summary.phase()).isEqualTo("Provisioned");
        assertThat(summary.clusterClass()).isEqualTo("in-memory");
        assertThat(summary.workers()).startsWith("2/");

        robot.interact(() -> table.getSelectionModel().select(summary));
        TreeTableView<DescribeRow> tree = robot.lookup("#describe-tree").queryAs(TreeTableView.class);
        Await.until(Duration.ofSeconds(30), "a MachineDeployment row in the tree",
                () -> names(tree).stream().anyMatch(n -> n.startsWith("MachineDeployment")));
        assertThat(names(tree)).anyMatch(n -> n.equals("Cluster default/" + CLUSTER + ", v1.36.0"))
                .anyMatch(n -> n.startsWith("KubeadmControlPlane default/"))
                .contains("Workers")
                .anyMatch(n -> n.equals("2 Machines..."));
        Screenshots.save(Screenshots.render(stage.getScene()), "clusters-tree");

        TreeItem<DescribeRow> deployment = find(tree.getRoot(), r -> r.name().startsWith("MachineDeployment"));
        robot.interact(() -> tree.getSelectionModel().select(deployment));
        client.genericKubernetesResources("cluster.x-k8s.io/v1beta2", "Cluster").inNamespace("default")
                .withName(CLUSTER).patch(PatchContext.of(PatchType.JSON_MERGE),
                        "{\"spec\":{\"topology\":{\"workers\":{\"machineDeployments\":[{\"class\":\"default-worker\","
                                + "\"name\":\"md-0\",\"replicas\":4}]}}}}");
        Instant patched = Instant.now();
        Await.until(Duration.ofSeconds(60), "the MachineDeployment row at desired 4",
                () -> deployment.getValue() != null
                        && deployment.getValue().replicas().endsWith("/4"));
        System.out.printf("[measure] scale patch to desired 4 in the tree: %d ms%n",
                Duration.between(patched, Instant.now()).toMillis());
        Await.until(Duration.ofMinutes(2), "4 Machines in the tree", () -> names(tree).contains("4 Machines..."));
        assertThat(tree.getSelectionModel().getSelectedItem()).isSameAs(deployment);
        assertThat(deployment.getValue().replicas()).isEqualTo("4/4");
        TableView<?> details = robot.lookup("#details-conditions").queryAs(TableView.class);
        Await.until(Duration.ofSeconds(10), "the selected row's Available condition in the details",
                () -> details.getItems().stream().map(c -> (dev.capiconsole.topology.Condition) c)
                        .anyMatch(c -> c.type().equals("Available")
                                && c.status().equals(deployment.getValue().status())));
        Screenshots.save(Screenshots.render(stage.getScene()), "clusters-scaled");

        robot.clickOn("#v1beta1");
        Await.until(Duration.ofSeconds(10), "the v1beta1 MachineDeployment row", () -> {
            TreeItem<DescribeRow> md = find(tree.getRoot(), r -> r.name().startsWith("MachineDeployment"));
            return md != null && md.getValue().replicas().isEmpty() && md.getValue().status().equals("True");
        });
        assertThat(tree.getColumns()).filteredOn(c -> c.getText().equals("Severity")).singleElement()
                .satisfies(c -> assertThat(c.isVisible()).isTrue());
        assertThat(tree.getColumns()).filteredOn(c -> c.getText().equals("Replicas")).singleElement()
                .satisfies(c -> assertThat(c.isVisible()).isFalse());
        Screenshots.save(Screenshots.render(stage.getScene()), "clusters-v1beta1");

        // The workload cluster itself: its pods and nodes, live, through its kubeconfig Secret.
        robot.clickOn("#open-workload");
        assertThat(window.viewModel().currentViewProperty().get()).isEqualTo(View.WORKLOADS);
        Await.until(Duration.ofSeconds(30), "the nodes table of the workload tab",
                () -> robot.lookup("#nodes-" + CLUSTER).tryQuery().isPresent());
        TableView<?> pods = robot.lookup("#pods-" + CLUSTER).queryAs(TableView.class);
        TableView<?> nodes = robot.lookup("#nodes-" + CLUSTER).queryAs(TableView.class);
        Await.until(Duration.ofSeconds(60), "5 nodes and a kube-apiserver pod",
                () -> nodes.getItems().size() == 5 && pods.getItems().stream()
                        .anyMatch(p -> ((dev.capiconsole.workload.PodRow) p).name().startsWith("kube-apiserver-")));
        client.genericKubernetesResources("cluster.x-k8s.io/v1beta2", "Cluster").inNamespace("default")
                .withName(CLUSTER).patch(PatchContext.of(PatchType.JSON_MERGE),
                        "{\"spec\":{\"topology\":{\"workers\":{\"machineDeployments\":[{\"class\":\"default-worker\","
                                + "\"name\":\"md-0\",\"replicas\":5}]}}}}");
        Instant scaled = Instant.now();
        Await.until(Duration.ofMinutes(2), "a 6th node", () -> nodes.getItems().size() == 6);
        System.out.printf("[measure] scale 4 -> 5 workers to a 6th node in the pod view: %d s%n",
                Duration.between(scaled, Instant.now()).toSeconds());
        Screenshots.save(Screenshots.render(stage.getScene()), "workload-pods");

        podDetailsLogsAndExport(robot, pods);
        scaleFromTheTreeAfterReviewingTheChange(robot, tree);
        editAnObjectAfterReviewingTheDiff(robot, tree);
        aDeletedClusterStopsItsTab(robot, tree);
    }

    /** Actions -> Scale on the MachineDeployment row: the change is shown first, then the tree follows it. */
    private void scaleFromTheTreeAfterReviewingTheChange(FxRobot robot, TreeTableView<DescribeRow> tree)
            throws Exception {
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.CONTROL);
        robot.clickOn("#v1beta1"); // back to the v1beta2 columns
        TreeItem<DescribeRow> deployment = find(tree.getRoot(), r -> r.name().startsWith("MachineDeployment"));
        robot.interact(() -> tree.getSelectionModel().select(deployment));
        robot.clickOn("#actions").clickOn("#action-scale");
        Await.until(Duration.ofSeconds(10), "the scale dialog", () -> shown(robot, "#scale-dialog"));
        robot.interact(() -> robot.lookup("#scale-dialog .text-field").queryAs(javafx.scene.control.TextField.class)
                .setText("3"));
        robot.clickOn("OK");
        Await.until(Duration.ofSeconds(15), "the change preview", () -> shown(robot, "#change-preview"));
        String preview = robot.lookup("#change-preview").queryAs(javafx.scene.control.TextArea.class).getText();
        assertThat(preview).contains("spec.topology.workers.machineDeployments[name=md-0].replicas: 5 -> 3");
        Screenshots.save(Screenshots.render(robot.lookup("#change-confirmation").query().getScene()),
                "operations-review");
        assertThat(names(tree)).as("nothing changes before the yes").contains("5 Machines...");
        robot.clickOn("Make change");
        Instant confirmed = Instant.now();
        Await.until(Duration.ofMinutes(2), "3 Machines in the tree", () -> names(tree).contains("3 Machines..."));
        System.out.printf("[measure] scale 5 -> 3 from the tree to 3 Machines in the tree: %d s%n",
                Duration.between(confirmed, Instant.now()).toSeconds());
        assertThat(robot.lookup("#operation-message").queryLabeled().getText()).startsWith("Done: Scale");
        Screenshots.save(Screenshots.render(stage.getScene()), "operations-scaled");
    }

    /** A pod with containers (as a kubelet would report them), then its details, logs and kubeconfig export. */
    private void podDetailsLogsAndExport(FxRobot robot, TableView<?> pods) throws Exception {
        try (KubernetesClient workload = WorkloadKubeconfig.read(client, "default", CLUSTER).client()) {
            workload.resource(new PodBuilder().withNewMetadata().withName("web-7d4b9").withNamespace("shop")
                    .endMetadata().withNewSpec().withNodeName("worker-1")
                    .addNewContainer().withName("app").withImage("nginx:1.27").endContainer()
                    .addNewContainer().withName("metrics").withImage("prom/statsd-exporter:v0.28.0").endContainer()
                    .endSpec().withNewStatus().withPhase("Running").withPodIP("10.1.0.12")
                    .addNewContainerStatus().withName("app").withImage("nginx:1.27").withReady(true)
                    .withRestartCount(0).withNewState().withNewRunning().withStartedAt(Instant.now().minusSeconds(300)
                            .toString()).endRunning().endState().endContainerStatus()
                    .addNewContainerStatus().withName("metrics").withImage("prom/statsd-exporter:v0.28.0")
                    .withReady(false).withRestartCount(3).withNewState().withNewWaiting().withReason("CrashLoopBackOff")
                    .endWaiting().endState().endContainerStatus()
                    .addNewCondition().withType("Ready").withStatus("False").withReason("ContainersNotReady")
                    .withMessage("containers with unready status: [metrics]").endCondition().endStatus().build())
                    .create();
        }
        Await.until(Duration.ofSeconds(30), "pod shop/web-7d4b9 in the pods table", () -> pods.getItems().stream()
                .anyMatch(p -> ((PodRow) p).name().equals("web-7d4b9")));
        robot.interact(() -> {
            TableView<PodRow> table = (TableView<PodRow>) pods;
            table.getSelectionModel().select(table.getItems().stream().filter(p -> p.name().equals("web-7d4b9"))
                    .findFirst().orElseThrow());
        });
        TableView<?> containers = robot.lookup("#pod-containers-" + CLUSTER).queryAs(TableView.class);
        Await.until(Duration.ofSeconds(15), "two containers of the pod", () -> containers.getItems().size() == 2);
        assertThat(robot.lookup("#pod-header-" + CLUSTER).queryLabeled().getText()).startsWith("shop/web-7d4b9")
                .contains("Running").contains("worker-1");
        assertThat(containers.getItems()).map(c -> ((PodDetails.ContainerInfo) c).state())
                .satisfiesExactly(s -> assertThat(s).startsWith("Running for 5m"),
                        s -> assertThat(s).isEqualTo("Waiting: CrashLoopBackOff"));
        Screenshots.save(Screenshots.render(stage.getScene()), "workload-pod-details");

        robot.clickOn("Logs");
        robot.clickOn("#log-show");
        Await.until(Duration.ofSeconds(15), "the log pane saying logs are not served",
                () -> robot.lookup("#log-state").queryLabeled().getText()
                        .contains("does not serve container logs"));
        Screenshots.save(Screenshots.render(stage.getScene()), "workload-pod-logs");

        WorkloadTabViewModel tab = window.viewModel().workloads().tabs().get(0);
        Path home = folder.resolve("home");
        java.nio.file.Files.createDirectories(home.resolve(".kube"));
        Path config = home.resolve(".kube/config");
        robot.interact(() -> window.viewModel().workloads().userKubeconfigProperty().set(config));
        robot.clickOn("#merge-kubeconfig");
        Await.until(Duration.ofSeconds(10), "the merge confirmation", () -> shown(robot, "#merge-confirmation"));
        robot.clickOn("Add context");
        Await.until(Duration.ofSeconds(10), "the 'Added context' message",
                () -> tab.exportMessageProperty().get().startsWith("Added context "));
        assertThat(PosixFilePermissions.toString(java.nio.file.Files.getPosixFilePermissions(config)))
                .isEqualTo("rw-------");
        try (KubernetesClient merged = new io.fabric8.kubernetes.client.KubernetesClientBuilder().withConfig(
                io.fabric8.kubernetes.client.Config.fromKubeconfig(CLUSTER + "-admin@" + CLUSTER,
                        java.nio.file.Files.readString(config), null)).build()) {
            assertThat(merged.nodes().list().getItems()).hasSize(6);
        }

        Path saved = folder.resolve("exported/" + CLUSTER + ".kubeconfig");
        robot.interact(() -> tab.saveKubeconfig(saved));
        Await.until(Duration.ofSeconds(10), "the 'Saved' message",
                () -> tab.exportMessageProperty().get().startsWith("Saved "));
        assertThat(PosixFilePermissions.toString(java.nio.file.Files.getPosixFilePermissions(saved)))
                .isEqualTo("rw-------");
        robot.clickOn("#copy-kubectl");
        String[] copied = new String[1];
        robot.interact(() -> copied[0] = javafx.scene.input.Clipboard.getSystemClipboard().getString());
        assertThat(copied[0]).isEqualTo("kubectl --kubeconfig " + saved + " get pods -A");
    }

    /** Edit… on the MachineDeployment: the diff first, then a server-side apply of just that field. */
    private void editAnObjectAfterReviewingTheDiff(FxRobot robot, TreeTableView<DescribeRow> tree) throws Exception {
        TreeItem<DescribeRow> deployment = find(tree.getRoot(), r -> r.name().startsWith("MachineDeployment"));
        robot.interact(() -> tree.getSelectionModel().select(deployment));
        robot.clickOn("#edit-object");
        Await.until(Duration.ofSeconds(10), "the YAML editor", () -> shown(robot, "#edit-yaml"));
        javafx.scene.control.TextArea editor = robot.lookup("#edit-yaml").queryAs(javafx.scene.control.TextArea.class);
        assertThat(editor.getText()).contains("kind: MachineDeployment").doesNotContain("managedFields")
                .doesNotContain("status:");
        robot.interact(() -> editor.setText(editor.getText().replaceFirst("  annotations:\n",
                "  annotations:\n    team: payments\n")));
        robot.clickOn("Review changes");
        javafx.scene.control.TextArea diff = robot.lookup("#edit-diff").queryAs(javafx.scene.control.TextArea.class);
        assertThat(diff.getText()).contains("+    team: payments");
        Screenshots.save(Screenshots.render(robot.lookup("#edit-dialog").query().getScene()), "operations-edit");
        robot.clickOn("Apply");
        javafx.scene.control.Labeled status = robot.lookup("#edit-status").queryLabeled();
        try {
            Await.until(Duration.ofSeconds(30), "the edit applied",
                    () -> status.getText().startsWith("Applied to MachineDeployment"));
        } catch (AssertionError notApplied) {
            throw new AssertionError(notApplied.getMessage() + "; the dialog says: " + status.getText(), notApplied);
        }
        assertThat(client.genericKubernetesResources("cluster.x-k8s.io/v1beta2", "MachineDeployment")
                .inNamespace("default").withName(deployment.getValue().node().name()).get().getMetadata()
                .getAnnotations()).containsEntry("team", "payments");
        robot.clickOn("Close");
        Await.until(Duration.ofSeconds(10), "the edit dialog closed", () -> !shown(robot, "#edit-dialog"));
    }

    /**
     * Actions -> Delete cluster on the Cluster row, which needs the name typed; then the workload tab says the
     * Cluster is gone, stops, and keeps what it last saw.
     */
    private void aDeletedClusterStopsItsTab(FxRobot robot, TreeTableView<DescribeRow> tree) throws Exception {
        WorkloadTabViewModel tab = window.viewModel().workloads().tabs().get(0);
        TreeItem<DescribeRow> clusterRow = find(tree.getRoot(), r -> r.name().startsWith("Cluster default/"));
        robot.interact(() -> tree.getSelectionModel().select(clusterRow));
        robot.clickOn("#actions").clickOn("#action-delete-cluster");
        Await.until(Duration.ofSeconds(15), "the delete confirmation", () -> shown(robot, "#confirm-cluster-name"));
        assertThat(robot.lookup("Delete").queryButton().isDisabled()).as("disabled until the name is typed").isTrue();
        robot.interact(() -> robot.lookup("#confirm-cluster-name").queryAs(javafx.scene.control.TextField.class)
                .setText(CLUSTER));
        assertThat(robot.lookup("Delete").queryButton().isDisabled()).isFalse();
        robot.clickOn("Delete");
        Instant deleted = Instant.now();
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT6).release(KeyCode.DIGIT6, KeyCode.CONTROL);
        Await.until(Duration.ofMinutes(3), "the tab saying the cluster was deleted",
                () -> tab.clusterStateProperty().get().contains("was deleted"));
        System.out.printf("[measure] cluster deletion to the tab saying so: %d s%n",
                Duration.between(deleted, Instant.now()).toSeconds());
        assertThat(client.genericKubernetesResources("cluster.x-k8s.io/v1beta2", "Cluster").inNamespace("default")
                .withName(CLUSTER).get()).isNull();
        assertThat(tab.isClosed()).isTrue();
        assertThat(tab.pods()).as("what it last saw stays").isNotEmpty();
        assertThat(robot.lookup("#merge-kubeconfig").queryButton().isDisabled()).isTrue();
    }

    /** Present, visible, and in a window that is showing (a dialog is found before it is on screen). */
    private static boolean shown(FxRobot robot, String query) {
        return robot.lookup(query).tryQuery().filter(javafx.scene.Node::isVisible)
                .filter(n -> n.getScene() != null && n.getScene().getWindow() != null
                        && n.getScene().getWindow().isShowing()).isPresent();
    }

    private static List<String> names(TreeTableView<DescribeRow> tree) {
        List<String> names = new ArrayList<>();
        collect(tree.getRoot(), names);
        return names;
    }

    private static void collect(TreeItem<DescribeRow> item, List<String> names) {
        if (item.getValue() != null) {
            names.add(item.getValue().name());
        }
        item.getChildren().forEach(child -> collect(child, names));
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
