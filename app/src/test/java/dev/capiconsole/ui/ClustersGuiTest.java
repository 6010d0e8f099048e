package dev.capiconsole.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capiconsole.lab.Lab;
import dev.capiconsole.lab.LabClusters;
import dev.capiconsole.lab.LabOptions;
import dev.capiconsole.settings.Settings;
import dev.capiconsole.topology.ClusterSummary;
import dev.capiconsole.topology.DescribeRow;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
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
import org.testfx.util.WaitForAsyncUtils;

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

    private static Lab lab;
    private static KubernetesClient client;
    private Stage stage;
    private ConsoleWindow window;

    @BeforeAll
    static void labWithACluster() throws Exception {
        lab = Lab.start(LabOptions.defaults().withDataDir(folder.resolve("lab")), line -> { });
        client = lab.client();
        LabClusters clusters = new LabClusters(lab, client, folder);
        clusters.create(CLUSTER, "default", 1, 2);
        clusters.awaitReady(CLUSTER, "default", 2, Duration.ofMinutes(4));
    }

    @AfterAll
    static void stopLab() {
        if (client != null) {
            client.close();
        }
        if (lab != null) {
            lab.close();
        }
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
        window = ConsoleWindow.open(stage, Settings.load(folder.resolve("config")),
                LabOptions.defaults().withDataDir(folder.resolve("lab")));
        window.viewModel().themeProperty().set(Theme.LIGHT);
    }

    @AfterEach
    void closeWindow() {
        window.close();
    }

    @Test
    void theTreeOfASelectedClusterFollowsAScaleUpLive(FxRobot robot) throws Exception {
        robot.clickOn("#start-lab");
        waitFor(Duration.ofMinutes(2), () -> window.viewModel().lab().stateProperty().get()
                == LabViewModel.State.RUNNING);
        assertThat(window.viewModel().lab().progress()).anyMatch(l -> l.contains("already running"));

        robot.press(KeyCode.CONTROL, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.CONTROL);
        TableView<ClusterSummary> table = robot.lookup("#cluster-table").queryAs(TableView.class);
        waitFor(Duration.ofSeconds(60), () -> table.getItems().stream().anyMatch(c -> c.name().equals(CLUSTER)));
        ClusterSummary summary = table.getItems().stream().filter(c -> c.name().equals(CLUSTER)).findFirst()
                .orElseThrow();
        assertThat(summary.phase()).isEqualTo("Provisioned");
        assertThat(summary.clusterClass()).isEqualTo("in-memory");
        assertThat(summary.workers()).startsWith("2/");

        robot.interact(() -> table.getSelectionModel().select(summary));
        TreeTableView<DescribeRow> tree = robot.lookup("#describe-tree").queryAs(TreeTableView.class);
        waitFor(Duration.ofSeconds(30), () -> names(tree).stream().anyMatch(n -> n.startsWith("MachineDeployment")));
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
        waitFor(Duration.ofSeconds(60), () -> deployment.getValue() != null
                && deployment.getValue().replicas().endsWith("/4"));
        System.out.printf("[measure] scale patch to desired 4 in the tree: %d ms%n",
                Duration.between(patched, Instant.now()).toMillis());
        waitFor(Duration.ofMinutes(2), () -> names(tree).contains("4 Machines..."));
        assertThat(tree.getSelectionModel().getSelectedItem()).isSameAs(deployment);
        assertThat(deployment.getValue().replicas()).isEqualTo("4/4");
        TableView<?> details = robot.lookup("#details-conditions").queryAs(TableView.class);
        waitFor(Duration.ofSeconds(10), () -> details.getItems().stream().map(c -> (dev.capiconsole.topology.Condition) c)
                .anyMatch(c -> c.type().equals("Available")
                        && c.status().equals(deployment.getValue().status())));
        Screenshots.save(Screenshots.render(stage.getScene()), "clusters-scaled");

        robot.clickOn("#v1beta1");
        waitFor(Duration.ofSeconds(10), () -> {
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
        waitFor(Duration.ofSeconds(30), () -> robot.lookup("#nodes-" + CLUSTER).tryQuery().isPresent());
        TableView<?> pods = robot.lookup("#pods-" + CLUSTER).queryAs(TableView.class);
        TableView<?> nodes = robot.lookup("#nodes-" + CLUSTER).queryAs(TableView.class);
        waitFor(Duration.ofSeconds(60), () -> nodes.getItems().size() == 5 && pods.getItems().stream()
                .anyMatch(p -> ((dev.capiconsole.workload.PodRow) p).name().startsWith("kube-apiserver-")));
        client.genericKubernetesResources("cluster.x-k8s.io/v1beta2", "Cluster").inNamespace("default")
                .withName(CLUSTER).patch(PatchContext.of(PatchType.JSON_MERGE),
                        "{\"spec\":{\"topology\":{\"workers\":{\"machineDeployments\":[{\"class\":\"default-worker\","
                                + "\"name\":\"md-0\",\"replicas\":5}]}}}}");
        Instant scaled = Instant.now();
        waitFor(Duration.ofMinutes(2), () -> nodes.getItems().size() == 6);
        System.out.printf("[measure] scale 4 -> 5 workers to a 6th node in the pod view: %d s%n",
                Duration.between(scaled, Instant.now()).toSeconds());
        Screenshots.save(Screenshots.render(stage.getScene()), "workload-pods");
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

    private static void waitFor(Duration timeout, java.util.concurrent.Callable<Boolean> condition)
            throws TimeoutException {
        WaitForAsyncUtils.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS, condition);
    }
}
