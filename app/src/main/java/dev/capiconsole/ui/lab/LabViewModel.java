package dev.capiconsole.ui.lab;

import dev.capiconsole.connection.EmbeddedLab;
import dev.capiconsole.connection.ManagementCluster;
import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The embedded lab as the window shows it: its state, its progress lines, and the cluster it connects to. */
public final class LabViewModel {

    public enum State { IDLE, STARTING, RUNNING, STOPPING, FAILED }

    private static final Logger LOG = LoggerFactory.getLogger(LabViewModel.class);

    private final EmbeddedLab lab;
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(State.IDLE);
    private final ObservableList<String> progress = FXCollections.observableArrayList();
    private final ObjectProperty<String> failure = new SimpleObjectProperty<>();
    private final ObjectProperty<ManagementCluster> connected;
    private final String whereClustersAre;

    /** {@code whereClustersAre} names the page that shows the clusters, e.g. "Clusters (Ctrl+2)". */
    public LabViewModel(EmbeddedLab lab, ObjectProperty<ManagementCluster> connected, String whereClustersAre) {
        this.lab = lab;
        this.connected = connected;
        this.whereClustersAre = whereClustersAre;
    }

    /** Starts (or attaches to) the lab on a thread of its own; the first start may build for minutes. */
    public void start() {
        if (state.get() == State.STARTING || state.get() == State.RUNNING) {
            return;
        }
        state.set(State.STARTING);
        failure.set(null);
        progress.clear();
        Thread worker = new Thread(() -> {
            try {
                ManagementCluster cluster = lab.startOrAttach(line -> Platform.runLater(() -> progress.add(line)));
                Platform.runLater(() -> {
                    connected.set(cluster);
                    state.set(State.RUNNING);
                });
            } catch (RuntimeException e) {
                LOG.warn("The embedded lab did not start", e);
                Platform.runLater(() -> {
                    failure.set(e.getMessage());
                    state.set(State.FAILED);
                });
            }
        }, "capi-console-lab-start");
        worker.setDaemon(true);
        worker.start();
    }

    /** Creates an in-memory sample cluster on the running lab, in the background. */
    public void createSampleCluster() {
        if (state.get() != State.RUNNING) {
            return;
        }
        progress.add("Creating a sample cluster (1 control plane, 3 workers) with the lab's clusterctl…");
        Thread worker = new Thread(() -> {
            try {
                String name = lab.createSampleCluster(3);
                Platform.runLater(() -> progress.add("Created Cluster default/" + name
                        + ": follow it in " + whereClustersAre + "."));
            } catch (RuntimeException e) {
                LOG.warn("The sample cluster could not be created", e);
                Platform.runLater(() -> progress.add("Could not create a sample cluster: " + e.getMessage()));
            }
        }, "capi-console-sample-cluster");
        worker.setDaemon(true);
        worker.start();
    }

    /** Stops the lab if this window started it. */
    public void stop() {
        if (state.get() != State.RUNNING) {
            return;
        }
        state.set(State.STOPPING);
        Thread worker = new Thread(() -> {
            lab.close();
            Platform.runLater(() -> {
                connected.set(null);
                progress.add("The lab is stopped; its data stays for the next start.");
                state.set(State.IDLE);
            });
        }, "capi-console-lab-stop");
        worker.setDaemon(true);
        worker.start();
    }

    /** Stops an owned lab before the window closes; blocking. */
    public void shutdown() {
        lab.close();
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ObservableList<String> progress() {
        return progress;
    }

    public ObjectProperty<String> failureProperty() {
        return failure;
    }

    public boolean owned() {
        return lab.owned();
    }

    public String kubeconfig() {
        return lab.kubeconfig().toString();
    }
}
