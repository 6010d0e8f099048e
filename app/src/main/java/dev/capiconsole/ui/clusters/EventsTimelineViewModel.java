package dev.capiconsole.ui.clusters;

import dev.capiconsole.connection.ManagementCluster;
import dev.capiconsole.events.ClusterEvents;
import dev.capiconsole.events.NamespaceEvents;
import dev.capiconsole.events.TimelineEvent;
import dev.capiconsole.live.Coalescer;
import dev.capiconsole.topology.ClusterSnapshot;
import dev.capiconsole.topology.ClusterSummary;
import dev.capiconsole.ui.common.BackgroundTask;
import dev.capiconsole.ui.common.TaskExecutor;
import dev.capiconsole.ui.common.Texts;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The events timeline of the selected Cluster: the events of its namespace, watched while the tab is shown, kept
 * when their object is one of the Cluster's tree (or was, since the Cluster was selected: a replaced Machine's
 * events stay), newest first, filtered by type and text. Event bursts are coalesced: the rows are rebuilt off the FX
 * thread at most every {@link #REFRESH_MILLIS}.
 */
public final class EventsTimelineViewModel {

    static final long REFRESH_MILLIS = 200;
    private static final Logger LOG = LoggerFactory.getLogger(EventsTimelineViewModel.class);

    private final ObjectProperty<ManagementCluster> connected;
    private final ObjectProperty<ClusterSummary> cluster;
    private final TaskExecutor tasks;
    private final Runnable readCluster;
    private final ObservableList<TimelineEvent> events = FXCollections.observableArrayList();
    /** {@code null}: every type; else {@code Normal} or {@code Warning}. */
    private final ObjectProperty<String> type = new SimpleObjectProperty<>();
    private final StringProperty text = new SimpleStringProperty("");
    private final BooleanProperty active = new SimpleBooleanProperty();
    private final ReadOnlyStringWrapper state =
            new ReadOnlyStringWrapper(Texts.get("clusters.timeline.state.select"));
    private final Set<String> objects = ConcurrentHashMap.newKeySet();
    private final Coalescer refresh;
    private volatile long generation;
    private volatile String watchedCluster;
    private volatile String shownType;
    private volatile String shownText = "";
    private volatile NamespaceEvents watch;

    /** {@code readCluster} asks the clusters page to read the selected Cluster again (its objects come back here). */
    EventsTimelineViewModel(ObjectProperty<ManagementCluster> connected, ObjectProperty<ClusterSummary> cluster,
                            TaskExecutor tasks, Runnable readCluster) {
        this.connected = connected;
        this.cluster = cluster;
        this.tasks = tasks;
        this.readCluster = readCluster;
        this.refresh = new Coalescer(REFRESH_MILLIS, this::publish);
        connected.addListener((obs, old, now) -> restart());
        cluster.addListener((obs, old, now) -> {
            String key = now == null ? null : now.namespace() + "/" + now.name();
            if (key == null || !key.equals(watchedCluster)) {
                restart();
            }
        });
        active.addListener((obs, old, now) -> restart());
        type.addListener((obs, old, now) -> filterChanged());
        text.addListener((obs, old, now) -> filterChanged());
    }

    /**
     * The selected Cluster's objects as last read (on the clusters page's refresh thread): their events belong to
     * the timeline from now on.
     */
    void snapshotRead(ClusterSnapshot snapshot) {
        String key = snapshot.cluster().namespace() + "/" + snapshot.cluster().name();
        if (key.equals(watchedCluster) && objects.addAll(ClusterEvents.objectKeys(snapshot))) {
            refresh.signal();
        }
    }

    private void restart() {
        long mine = ++generation;
        stopWatching();
        objects.clear();
        events.clear();
        ManagementCluster management = connected.get();
        ClusterSummary selected = cluster.get();
        watchedCluster = selected == null ? null : selected.namespace() + "/" + selected.name();
        if (!active.get() || management == null || selected == null) {
            state.set(Texts.get("clusters.timeline.state.select"));
            return;
        }
        state.set(Texts.get("clusters.timeline.state.reading", selected.namespace()));
        BackgroundTask.of(() -> NamespaceEvents.watch(management.client(), selected.namespace(), refresh::signal,
                error -> tasks.onUiThread(() -> {
                    if (generation == mine) {
                        state.set(Texts.get("clusters.timeline.state.failed", selected.namespace(),
                                error.getMessage()));
                    }
                })))
                .onSuccess(started -> {
                    if (generation != mine) {
                        BackgroundTask.of(started::close).runWith(tasks);
                        return;
                    }
                    watch = started;
                    readCluster.run();
                    refresh.signal();
                })
                .onFailure(e -> {
                    LOG.warn("Cannot watch the events of {}", selected.namespace(), e);
                    if (generation == mine) {
                        state.set(Texts.get("clusters.timeline.state.failed", selected.namespace(), e.getMessage()));
                    }
                })
                .runWith(tasks);
    }

    private void stopWatching() {
        NamespaceEvents current = watch;
        watch = null;
        if (current != null) {
            BackgroundTask.of(current::close).runWith(tasks);
        }
    }

    private void filterChanged() {
        shownType = type.get();
        shownText = text.get();
        refresh.signal();
    }

    /** On the coalescer's thread: the timeline from the watch's cache, in one update to the FX thread. */
    private void publish() {
        long mine = generation;
        NamespaceEvents current = watch;
        if (current == null) {
            return;
        }
        List<TimelineEvent> all = ClusterEvents.timeline(current.events(), Set.copyOf(objects), Instant.now());
        String wantedType = shownType;
        String wantedText = shownText;
        List<TimelineEvent> shown = all.stream().filter(e -> ClusterEvents.shown(e, wantedType, wantedText)).toList();
        String note = Texts.get("clusters.timeline.state.count", shown.size(), all.size(), objects.size());
        tasks.onUiThread(() -> {
            if (generation == mine) {
                events.setAll(shown);
                state.set(note);
            }
        });
    }

    void shutdown() {
        generation++;
        stopWatching();
        refresh.close();
    }

    public ObservableList<TimelineEvent> events() {
        return events;
    }

    public ObjectProperty<String> typeProperty() {
        return type;
    }

    public StringProperty textProperty() {
        return text;
    }

    /** Whether the timeline is shown (its tab selected): the namespace's events are watched only then. */
    public BooleanProperty activeProperty() {
        return active;
    }

    public ReadOnlyStringProperty stateProperty() {
        return state.getReadOnlyProperty();
    }
}
