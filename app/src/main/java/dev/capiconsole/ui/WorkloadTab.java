package dev.capiconsole.ui;

import dev.capiconsole.workload.NodeRow;
import dev.capiconsole.workload.PodRow;
import dev.capiconsole.workload.WorkloadException;
import dev.capiconsole.workload.WorkloadKubeconfig;
import dev.capiconsole.workload.WorkloadWatch;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One open workload cluster: reads its kubeconfig Secret in the background (retrying every 10 s while the cluster
 * is still being created), then keeps its pods and nodes live. Closing the tab stops everything.
 */
public final class WorkloadTab {

    private static final Logger LOG = LoggerFactory.getLogger(WorkloadTab.class);
    private static final long RETRY_MILLIS = 10_000;

    private final String namespace;
    private final String cluster;
    private final ObservableList<PodRow> pods = FXCollections.observableArrayList();
    private final ObservableList<NodeRow> nodes = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper state = new ReadOnlyStringWrapper("Reading the kubeconfig Secret…");
    private final Thread worker;
    private volatile boolean closed;
    private volatile WorkloadWatch watch;

    WorkloadTab(String namespace, String cluster, Supplier<KubernetesClient> management) {
        this.namespace = namespace;
        this.cluster = cluster;
        this.worker = new Thread(() -> connect(management), "capi-console-workload-" + cluster);
        worker.setDaemon(true);
        worker.start();
    }

    private void connect(Supplier<KubernetesClient> management) {
        while (!closed) {
            try {
                WorkloadKubeconfig kubeconfig;
                try (KubernetesClient client = management.get()) {
                    kubeconfig = WorkloadKubeconfig.read(client, namespace, cluster);
                }
                String server = kubeconfig.server();
                WorkloadWatch started = new WorkloadWatch(kubeconfig, snapshot -> Platform.runLater(() -> {
                    pods.setAll(snapshot.pods());
                    nodes.setAll(snapshot.nodes());
                    state.set("Live from " + server + ": " + snapshot.nodes().size() + " nodes, "
                            + snapshot.pods().size() + " pods");
                }));
                if (closed) {
                    started.close();
                } else {
                    watch = started;
                }
                return;
            } catch (WorkloadException.NotYet e) {
                Platform.runLater(() -> state.set(e.getMessage() + ". Trying again every 10 s."));
            } catch (RuntimeException e) {
                LOG.warn("Cannot open workload cluster {}/{}", namespace, cluster, e);
                Platform.runLater(() -> state.set("Cannot open " + namespace + "/" + cluster + ": " + e.getMessage()));
                return;
            }
            try {
                Thread.sleep(RETRY_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    public String title() {
        return namespace + "/" + cluster;
    }

    public String namespace() {
        return namespace;
    }

    public String cluster() {
        return cluster;
    }

    public ObservableList<PodRow> pods() {
        return pods;
    }

    public ObservableList<NodeRow> nodes() {
        return nodes;
    }

    public ReadOnlyStringProperty stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** Stops the retries and the watches of this tab. */
    public void close() {
        closed = true;
        worker.interrupt();
        WorkloadWatch current = watch;
        watch = null;
        if (current != null) {
            current.close();
        }
    }
}
