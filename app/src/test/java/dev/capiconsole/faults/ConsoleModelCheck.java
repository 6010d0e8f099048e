package dev.capiconsole.faults;

import dev.capiconsole.topology.ApiObjectSource;
import dev.capiconsole.topology.CapiObject;
import dev.capiconsole.topology.ClusterSummary;
import dev.capiconsole.topology.DescribeOptions;
import dev.capiconsole.topology.DescribeTable;
import dev.capiconsole.topology.DescribeTreeBuilder;
import dev.capiconsole.topology.SnapshotReader;
import dev.capiconsole.topology.TreeNode;
import dev.capiconsole.topology.V1Beta1Core;
import dev.capiconsole.ui.clusters.ClustersViewModel;
import dev.capiconsole.ui.common.TestUiThread;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * What the Clusters page shows (its overview and the selected cluster's describe tree, from the view-model the window
 * uses) next to the same built from a fresh list of the API server: equal means no stale, missing or doubled rows.
 */
final class ConsoleModelCheck {

    private final TestUiThread ui;
    private final ClustersViewModel model;
    private final KubernetesClient client;

    ConsoleModelCheck(TestUiThread ui, ClustersViewModel model, KubernetesClient client) {
        this.ui = ui;
        this.model = model;
        this.client = client;
    }

    /** The differences, empty when the console shows what a fresh list gives. */
    String differences(String namespace, String cluster) {
        List<ClusterSummary> shown = ui.read(() -> List.copyOf(model.clusters())).stream()
                .map(ConsoleModelCheck::withoutAge).toList();
        ClustersViewModel.TreeUpdate tree = ui.read(model.treeProperty()::get);
        if (tree == null) {
            return "the console shows no tree";
        }
        ApiObjectSource fresh = new ApiObjectSource(client);
        Instant at = tree.builtAt();
        List<ClusterSummary> listed = client.genericKubernetesResources("cluster.x-k8s.io/"
                        + V1Beta1Core.servedVersion(client), "Cluster").inAnyNamespace().list().getItems().stream()
                .map(c -> V1Beta1Core.typed(ApiObjectSource.map(c)))
                .sorted(Comparator.comparing(CapiObject::namespace).thenComparing(CapiObject::name))
                .map(c -> withoutAge(ClusterSummary.of(c, fresh.list("MachineHealthCheck", c.namespace(), c.name()),
                        at))).toList();
        StringBuilder differences = new StringBuilder();
        if (!shown.equals(listed)) {
            differences.append("overview shown ").append(shown).append("\n   listed ").append(listed).append('\n');
        }
        String shownRows = rows(tree.root(), at);
        String listedRows = rows(DescribeTreeBuilder.build(new SnapshotReader(fresh).withMachineHealthChecks()
                .read(namespace, cluster), DescribeOptions.defaults(), at), at);
        if (!shownRows.equals(listedRows)) {
            differences.append("tree shown:\n").append(shownRows).append("tree listed:\n").append(listedRows);
        }
        return differences.toString();
    }

    static String rows(TreeNode root, Instant at) {
        return DescribeTable.format(DescribeTable.rows(root, at));
    }

    /** The age column moves with the clock; everything else must match. */
    private static ClusterSummary withoutAge(ClusterSummary s) {
        return new ClusterSummary(s.namespace(), s.name(), s.phase(), s.available(), s.availableReason(),
                s.controlPlane(), s.workers(), s.version(), s.infrastructure(), s.clusterClass(), "", s.paused(),
                s.deleting(), s.healthChecks(), s.unhealthyMachines());
    }
}
