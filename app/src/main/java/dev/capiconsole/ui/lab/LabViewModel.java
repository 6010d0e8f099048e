package dev.capiconsole.ui.lab;

import dev.capiconsole.connection.EmbeddedLab;
import dev.capiconsole.connection.ManagementCluster;
import dev.capiconsole.ui.common.BackgroundTask;
import dev.capiconsole.ui.common.TaskExecutor;
import dev.capiconsole.ui.common.Texts;
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
    private final TaskExecutor tasks;

    /** {@code whereClustersAre} names the page that shows the clusters, e.g. "Clusters (Ctrl+2)". */
    public LabViewModel(EmbeddedLab lab, ObjectProperty<ManagementCluster> connected, String whereClustersAre,
                        TaskExecutor tasks) {
        this.lab = lab;
        this.tasks = tasks;
        this.connected = connected;
        this.whereClustersAre = whereClustersAre;
    }

    /** Starts (or attaches to) the lab in the background; the first start may build for minutes. */
    public void start() {
        if (state.get() == State.STARTING || state.get() == State.RUNNING) {
            return;
        }
        state.set(State.STARTING);
        failure.set(null);
        progress.clear();
        BackgroundTask.of(() -> lab.startOrAttach(line -> tasks.onUiThread(() -> progress.add(line))))
                .onSuccess(cluster -> {
                    connected.set(cluster);
                    state.set(State.RUNNING);
                })
                .onFailure(e -> {
                    LOG.warn("The embedded lab did not start", e);
                    failure.set(e.getMessage());
                    state.set(State.FAILED);
                })
                .runWith(tasks);
    }

    /** Creates an in-memory sample cluster on the running lab, in the background. */
    public void createSampleCluster() {
        if (state.get() != State.RUNNING) {
            return;
        }
        progress.add(Texts.get("lab.progress.sample"));
        BackgroundTask.of(() -> lab.createSampleCluster(3))
                .onSuccess(name -> progress.add(Texts.get("lab.progress.sampleCreated", name, whereClustersAre)))
                .onFailure(e -> {
                    LOG.warn("The sample cluster could not be created", e);
                    progress.add(Texts.get("lab.progress.sampleFailed", e.getMessage()));
                })
                .runWith(tasks);
    }

    /** Stops the lab if this window started it. */
    public void stop() {
        if (state.get() != State.RUNNING) {
            return;
        }
        state.set(State.STOPPING);
        BackgroundTask.of(lab::close).onSuccess(done -> {
            connected.set(null);
            progress.add(Texts.get("lab.progress.stopped"));
            state.set(State.IDLE);
        }).runWith(tasks);
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
