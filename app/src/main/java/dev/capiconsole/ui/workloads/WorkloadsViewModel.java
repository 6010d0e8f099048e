package dev.capiconsole.ui.workloads;

import dev.capiconsole.connection.KubeconfigSet;
import dev.capiconsole.connection.ManagementCluster;
import dev.capiconsole.topology.ClusterSummary;
import dev.capiconsole.ui.common.TaskExecutor;
import dev.capiconsole.workload.WorkloadConnection;
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

    private final ObservableList<WorkloadTabViewModel> tabs = FXCollections.observableArrayList();
    private final ObjectProperty<WorkloadTabViewModel> selected = new SimpleObjectProperty<>();
    private final TaskExecutor tasks;
    private final ObjectProperty<ManagementCluster> connected;
    private final ObjectProperty<Path> userKubeconfig = new SimpleObjectProperty<>(KubeconfigSet
            .defaultFiles(System.getenv(), Path.of(System.getProperty("user.home"))).stream().findFirst()
            .orElse(Path.of(System.getProperty("user.home"), ".kube", "config")));

    public WorkloadsViewModel(TaskExecutor tasks, ObjectProperty<ManagementCluster> connected,
                              ObservableList<ClusterSummary> clusters) {
        this.tasks = tasks;
        this.connected = connected;
        connected.addListener((obs, old, now) -> closeAll());
        clusters.addListener((ListChangeListener<ClusterSummary>) change -> follow(clusters));
    }

    private void follow(ObservableList<ClusterSummary> clusters) {
        for (WorkloadTabViewModel tab : tabs) {
            ClusterSummary summary = clusters.stream()
                    .filter(c -> isOf(tab, c.namespace(), c.name()))
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
        WorkloadTabViewModel tab = tabs.stream().filter(t -> isOf(t, namespace, cluster) && !t.isClosed())
                .findFirst().orElseGet(() -> {
                    tabs.removeIf(t -> isOf(t, namespace, cluster));
                    WorkloadTabViewModel created = new WorkloadTabViewModel(namespace, cluster, management.name(),
                            new WorkloadConnection(management.client(), namespace, cluster), tasks);
                    tabs.add(created);
                    return created;
                });
        selected.set(tab);
    }

    private static boolean isOf(WorkloadTabViewModel tab, String namespace, String cluster) {
        return tab.namespace().equals(namespace) && tab.cluster().equals(cluster);
    }

    public void close(WorkloadTabViewModel tab) {
        tab.close();
        tabs.remove(tab);
    }

    private void closeAll() {
        tabs.forEach(WorkloadTabViewModel::close);
        tabs.clear();
    }

    public ObservableList<WorkloadTabViewModel> tabs() {
        return tabs;
    }

    public ObjectProperty<WorkloadTabViewModel> selectedProperty() {
        return selected;
    }

    /** Where "Add to my kubeconfig" writes: kubectl's file (the first of KUBECONFIG, else ~/.kube/config). */
    public ObjectProperty<Path> userKubeconfigProperty() {
        return userKubeconfig;
    }

    /** Stops every tab's watches at exit (from any thread; the tabs themselves stay as they are). */
    public void shutdown() {
        tabs.forEach(WorkloadTabViewModel::close);
    }
}
