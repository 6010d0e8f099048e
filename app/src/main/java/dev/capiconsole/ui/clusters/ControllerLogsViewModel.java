package dev.capiconsole.ui.clusters;

import dev.capiconsole.connection.ManagementCluster;
import dev.capiconsole.controllerlogs.LogFilter;
import dev.capiconsole.controllerlogs.LogLevel;
import dev.capiconsole.controllerlogs.LogLine;
import dev.capiconsole.controllerlogs.LogSubject;
import dev.capiconsole.controllerlogs.ManagerLogs;
import dev.capiconsole.controllerlogs.MatchedLines;
import dev.capiconsole.controllerlogs.ObjectLogs;
import dev.capiconsole.live.Coalescer;
import dev.capiconsole.ui.common.BackgroundTask;
import dev.capiconsole.ui.common.TaskExecutor;
import dev.capiconsole.ui.common.Texts;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
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
 * The controller logs of the selected tree row: the managers' lines about its object, followed live while the tab
 * is shown, at most {@link #MAX_LINES} kept. Level, text and time window filter what is shown; "around" shows
 * {@link #AROUND} either side of an instant (a condition's last transition). New lines are coalesced: the shown
 * list is rebuilt off the FX thread at most every {@link #REFRESH_MILLIS} and handed over in one update.
 */
public final class ControllerLogsViewModel {

    static final int MAX_LINES = 5_000;
    static final Duration AROUND = Duration.ofMinutes(2);
    static final long REFRESH_MILLIS = 150;
    private static final Logger LOG = LoggerFactory.getLogger(ControllerLogsViewModel.class);

    /** The time windows offered; {@code null} length: everything the logs keep. */
    public enum Window {
        FIVE_MINUTES(Duration.ofMinutes(5)), FIFTEEN_MINUTES(Duration.ofMinutes(15)), HOUR(Duration.ofHours(1)),
        ALL(null);

        private final Duration length;

        Window(Duration length) {
            this.length = length;
        }
    }

    private final ObjectProperty<ManagementCluster> connected;
    private final TaskExecutor tasks;
    private final ObservableList<LogLine> lines = FXCollections.observableArrayList();
    private final ObjectProperty<LogLevel> level = new SimpleObjectProperty<>(LogLevel.INFO);
    private final ObjectProperty<Window> window = new SimpleObjectProperty<>(Window.FIFTEEN_MINUTES);
    private final StringProperty text = new SimpleStringProperty("");
    private final ReadOnlyObjectWrapper<Instant> around = new ReadOnlyObjectWrapper<>();
    private final BooleanProperty active = new SimpleBooleanProperty();
    private final ReadOnlyObjectWrapper<LogSubject> subject = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper state = new ReadOnlyStringWrapper(Texts.get("clusters.logs.state.select"));
    private final MatchedLines kept = new MatchedLines(MAX_LINES);
    private final Coalescer refresh;
    private volatile long generation;
    private volatile LogFilter shownFilter = LogFilter.all();
    private volatile Window shownWindow = Window.FIFTEEN_MINUTES;
    private volatile Instant shownAround;
    private volatile LogSubject shownSubject;
    private volatile String source = "";
    private volatile List<String> problems = List.of();
    private volatile ObjectLogs following;

    ControllerLogsViewModel(ObjectProperty<ManagementCluster> connected, TaskExecutor tasks) {
        this.connected = connected;
        this.tasks = tasks;
        this.refresh = new Coalescer(REFRESH_MILLIS, this::publish);
        connected.addListener((obs, old, now) -> restart());
        window.addListener((obs, old, now) -> {
            around.set(null);
            restart();
        });
        active.addListener((obs, old, now) -> restart());
        level.addListener((obs, old, now) -> filterChanged());
        text.addListener((obs, old, now) -> filterChanged());
    }

    /** Follows the lines about {@code object} (null: none, e.g. a group row). */
    public void show(LogSubject object) {
        if (object == null ? subject.get() == null : object.equals(subject.get())) {
            return;
        }
        subject.set(object);
        around.set(null);
        restart();
    }

    /** Shows the lines within {@link #AROUND} of {@code instant}, e.g. a condition's last transition. */
    public void showAround(Instant instant) {
        around.set(instant);
        restart();
    }

    /** Back to the chosen window. */
    public void clearAround() {
        around.set(null);
        restart();
    }

    private void restart() {
        long mine = ++generation;
        stopFollowing();
        kept.clear();
        lines.clear();
        problems = List.of();
        filterChanged();
        ManagementCluster cluster = connected.get();
        LogSubject object = subject.get();
        if (!active.get() || cluster == null || object == null) {
            state.set(Texts.get("clusters.logs.state.select"));
            return;
        }
        state.set(Texts.get("clusters.logs.state.reading", object.toString()));
        Instant from = shownAround != null ? shownAround.minus(AROUND)
                : shownWindow.length == null ? null : Instant.now().minus(shownWindow.length);
        BackgroundTask.of(() -> {
            // Found again each time: a provider's pods may have been replaced since.
            ManagerLogs found = ManagerLogs.find(cluster.client(), cluster.source());
            source = found.lab() ? Texts.get("clusters.logs.source.lab")
                    : Texts.get("clusters.logs.source.pods", found.logs().size());
            return ObjectLogs.follow(found.logs(), object, from, Clock.systemUTC(), batch -> {
                if (generation == mine) {
                    kept.addAll(batch);
                    refresh.signal();
                }
            });
        }).onSuccess(started -> {
            if (generation != mine) {
                BackgroundTask.of(started::close).runWith(tasks);
                return;
            }
            following = started;
            problems = started.problems();
            refresh.signal();
        }).onFailure(e -> {
            LOG.warn("Cannot follow the controller logs of {}", object, e);
            if (generation == mine) {
                state.set(Texts.get("clusters.logs.state.failed", e.getMessage()));
            }
        }).runWith(tasks);
    }

    private void stopFollowing() {
        ObjectLogs current = following;
        following = null;
        if (current != null) {
            BackgroundTask.of(current::close).runWith(tasks);
        }
    }

    private void filterChanged() {
        shownFilter = LogFilter.all().atLeast(level.get()).containing(text.get());
        shownWindow = window.get();
        shownAround = around.get();
        shownSubject = subject.get();
        refresh.signal();
    }

    /** The filter as of {@code now}: a window of the last minutes moves with time. */
    private LogFilter filterAt(Instant now) {
        Instant instant = shownAround;
        if (instant != null) {
            return shownFilter.window(instant.minus(AROUND), instant.plus(AROUND));
        }
        return shownWindow.length == null ? shownFilter : shownFilter.window(now.minus(shownWindow.length), null);
    }

    /** On the coalescer's thread: filters what is kept and hands one update to the FX thread. */
    private void publish() {
        long mine = generation;
        LogFilter filter = filterAt(Instant.now());
        List<LogLine> all = kept.byTime();
        List<LogLine> shown = all.stream().filter(filter).toList();
        long dropped = kept.dropped();
        LogSubject object = shownSubject;
        String note = object == null ? Texts.get("clusters.logs.state.select")
                : Texts.get("clusters.logs.state.lines", shown.size(), all.size(), object.toString(), source)
                + (dropped > 0 ? " " + Texts.get("clusters.logs.state.dropped", MAX_LINES) : "")
                + (problems.isEmpty() ? "" : " " + Texts.get("clusters.logs.state.problems",
                        String.join("; ", problems)));
        tasks.onUiThread(() -> {
            if (generation == mine && following != null) {
                lines.setAll(shown);
                state.set(note);
            }
        });
    }

    void shutdown() {
        generation++;
        stopFollowing();
        refresh.close();
    }

    public ObservableList<LogLine> lines() {
        return lines;
    }

    public ObjectProperty<LogLevel> levelProperty() {
        return level;
    }

    public ObjectProperty<Window> windowProperty() {
        return window;
    }

    public StringProperty textProperty() {
        return text;
    }

    public ReadOnlyObjectProperty<Instant> aroundProperty() {
        return around.getReadOnlyProperty();
    }

    /** Whether the logs are shown (their tab selected): they are followed only then. */
    public BooleanProperty activeProperty() {
        return active;
    }

    public ReadOnlyObjectProperty<LogSubject> subjectProperty() {
        return subject.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty stateProperty() {
        return state.getReadOnlyProperty();
    }
}
