package dev.capiconsole.ui.clusters;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capiconsole.connection.ClusterProbe;
import dev.capiconsole.connection.ManagementCluster;
import dev.capiconsole.lab.LabFixture;
import dev.capiconsole.operations.Change;
import dev.capiconsole.topology.TreeNode;
import dev.capiconsole.ui.common.TestUiThread;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Clusters page's view-model without a window, on the lab: it watches the management cluster through the
 * connection's client, builds the overview and the tree, and plans day-2 changes for review.
 */
class ClustersViewModelIT {

    private static final String CLUSTER = "vm";
    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    static Path data;
    private static LabFixture fixture;

    @BeforeAll
    static void labWithACluster() throws Exception {
        fixture = LabFixture.withReadyCluster(data, CLUSTER, 1, 1);
    }

    @AfterAll
    static void stopLab() {
        if (fixture != null) {
            fixture.close();
        }
    }

    @Test
    void watchesTheClusterPlansAChangeAndLetsGoOfTheConnection() {
        SimpleObjectProperty<ManagementCluster> connected = new SimpleObjectProperty<>();
        TestUiThread ui = new TestUiThread();
        ClustersViewModel model = ui.read(() -> new ClustersViewModel(connected, ui));
        ManagementCluster management = ClusterProbe.probe(fixture.lab().kubeconfig());
        try {
            ui.read(() -> {
                connected.set(management);
                return null;
            });
            ui.await("the overview lists Cluster default/" + CLUSTER, WAIT, () -> model.clusters().stream()
                    .anyMatch(c -> c.name().equals(CLUSTER) && c.namespace().equals("default")));
            assertThat(ui.read(model.stateProperty()::get)).startsWith("Watching ");

            ui.read(() -> {
                model.selectedProperty().set(model.clusters().stream().filter(c -> c.name().equals(CLUSTER))
                        .findFirst().orElseThrow());
                return null;
            });
            ui.await("the tree of the selected cluster", WAIT, () -> model.treeProperty().get() != null);
            TreeNode root = ui.read(() -> model.treeProperty().get().root());
            assertThat(root.kind()).isEqualTo("Cluster");
            assertThat(root.name()).isEqualTo(CLUSTER);
            TreeNode controlPlane = find(root, "KubeadmControlPlane");

            ui.read(() -> {
                model.operations().scale(controlPlane, 3);
                return null;
            });
            ui.await("a planned scale", WAIT, () -> model.operations().proposalProperty().get() != null);
            Change change = ui.read(model.operations().proposalProperty()::get);
            assertThat(change.summary()).isEqualTo("Scale the control plane of Cluster default/" + CLUSTER + " to 3");
            assertThat(ui.read(model.operations().busyProperty()::get)).isFalse();
            ui.read(() -> {
                model.operations().cancel();
                connected.set(null);
                return null;
            });
            assertThat(ui.read(model.operations().proposalProperty()::get)).isNull();
            assertThat(ui.read(model.stateProperty()::get)).isEqualTo("Not connected.");
            assertThat(ui.read(() -> model.clusters().isEmpty())).isTrue();
            assertThat(management.client().namespaces().withName("default").get())
                    .as("the view-model stopped watching but left the connection's client open").isNotNull();
        } finally {
            model.shutdown();
            management.close();
            ui.shutdown();
        }
    }

    private static TreeNode find(TreeNode root, String kind) {
        Deque<TreeNode> open = new ArrayDeque<>();
        open.push(root);
        while (!open.isEmpty()) {
            TreeNode node = open.pop();
            if (node.kind().equals(kind) && node.object() != null) {
                return node;
            }
            node.children().forEach(open::push);
        }
        throw new AssertionError("no " + kind + " in the tree");
    }
}
