package dev.capiconsole.ui.workloads;

import dev.capiconsole.connection.KubeconfigSet;
import dev.capiconsole.connection.ManagementCluster;
import dev.capiconsole.topology.ClusterSummary;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.nio.file.Path;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/**
 * The workload clusters open as tabs. Switching management cluster closes them all; a Cluster that disappears from
 * the management cluster's live list stops its tab.
 */
public final class WorkloadsViewModel {

    private final ObservableList<WorkloadTab> tabs = FXCollections.observableArrayList();
    private final ObjectProperty<WorkloadTab> selected = new SimpleObjectProperty<>();
    private final ObjectProperty<ManagementCluster> connected;
    private final ObjectProperty<Path> userKubeconfig = new SimpleObjectProperty<>(KubeconfigSet
            .defaultFiles(System.getenv(), Path.of(System.getProperty("user.home"))).stream().findFirst()
            .orElse(Path.of(System.getProperty("user.home"), ".kube", "config")));

    public WorkloadsViewModel(ObjectProperty<ManagementCluster> connected, ObservableList<ClusterSummary> clusters) {
        this.connected = connected;
        connected.addListener((obs, old, now) -> closeAll());
        clusters.addListener((ListChangeListener<ClusterSummary>) change -> follow(clusters));
    }

    private void follow(ObservableList<ClusterSummary> clusters) {
        for (WorkloadTab tab : tabs) {
            ClusterSummary summary = clusters.stream()
                    .filter(c -> c.namespace().equals(tab.namespace()) && c.name().equals(tab.cluster()))
                    .findFirst().orElse(null);
            if (summary == null) {
                tab.checkClusterStillThere(); // the list also empties while switching management clusters
            } else if ("Deleting".equals(summary.phase())) {
                tab.clusterDeleting();
            }
        }
    }

    /** Opens (or shows again) the tab of a workload cluster of the connected management cluster. */
    public void open(String namespace, String cluster) {
        ManagementCluster management = connected.get();
        if (management == null) {
            return;
        }
        WorkloadTab tab = tabs.stream().filter(t -> t.namespace().equals(namespace) && t.cluster().equals(cluster)
                        && !t.isClosed()).findFirst().orElseGet(() -> {
                    tabs.removeIf(t -> t.namespace().equals(namespace) && t.cluster().equals(cluster));
                    WorkloadTab created = new WorkloadTab(namespace, cluster, management.name(),
                            () -> new KubernetesClientBuilder().withConfig(
                                    Config.fromKubeconfig(management.name(), management.kubeconfig(), null)).build());
                    tabs.add(created);
                    return created;
                });
        selected.set(tab);
    }

    public void close(WorkloadTab tab) {
        tab.close();
        tabs.remove(tab);
    }

    private void closeAll() {
        tabs.forEach(WorkloadTab::close);
        tabs.clear();
    }

    public ObservableList<WorkloadTab> tabs() {
        return tabs;
    }

    public ObjectProperty<WorkloadTab> selectedProperty() {
        return selected;
    }

    /** Where "Add to my kubeconfig" writes: kubectl's file (the first of KUBECONFIG, else ~/.kube/config). */
    public ObjectProperty<Path> userKubeconfigProperty() {
        return userKubeconfig;
    }

    /** Stops every tab's watches at exit (from any thread; the tabs themselves stay as they are). */
    public void shutdown() {
        tabs.forEach(WorkloadTab::close);
    }
}
