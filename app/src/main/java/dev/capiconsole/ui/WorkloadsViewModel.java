package dev.capiconsole.ui;

import dev.capiconsole.connection.ManagementCluster;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The workload clusters open as tabs; switching management cluster closes them all. */
public final class WorkloadsViewModel {

    private final ObservableList<WorkloadTab> tabs = FXCollections.observableArrayList();
    private final ObjectProperty<WorkloadTab> selected = new SimpleObjectProperty<>();
    private final ObjectProperty<ManagementCluster> connected;

    WorkloadsViewModel(ObjectProperty<ManagementCluster> connected) {
        this.connected = connected;
        connected.addListener((obs, old, now) -> closeAll());
    }

    /** Opens (or shows again) the tab of a workload cluster of the connected management cluster. */
    public void open(String namespace, String cluster) {
        ManagementCluster management = connected.get();
        if (management == null) {
            return;
        }
        WorkloadTab tab = tabs.stream().filter(t -> t.namespace().equals(namespace) && t.cluster().equals(cluster))
                .findFirst().orElseGet(() -> {
                    WorkloadTab created = new WorkloadTab(namespace, cluster, () -> new KubernetesClientBuilder()
                            .withConfig(Config.fromKubeconfig(management.name(), management.kubeconfig(), null))
                            .build());
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

    /** Stops every tab's watches at exit (from any thread; the tabs themselves stay as they are). */
    void shutdown() {
        tabs.forEach(WorkloadTab::close);
    }
}
