package dev.capiconsole.ui.problems;

import dev.capiconsole.connection.ManagementCluster;
import dev.capiconsole.problems.AvailabilityChange;
import dev.capiconsole.problems.AvailabilityTracker;
import dev.capiconsole.problems.ManagementObjects;
import dev.capiconsole.problems.Problem;
import dev.capiconsole.problems.ProblemOptions;
import dev.capiconsole.problems.ProblemReader;
import dev.capiconsole.problems.ProblemWatch;
import dev.capiconsole.problems.Rules;
import dev.capiconsole.settings.Settings;
import dev.capiconsole.ui.common.BackgroundTask;
import dev.capiconsole.ui.common.ConnectionWatch;
import dev.capiconsole.ui.common.Notice;
import dev.capiconsole.ui.common.TaskExecutor;
import dev.capiconsole.ui.common.Texts;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.BiPredicate;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Problems page: every problem rule over the connected management cluster, read again when a watched kind
 * changes (and once a minute), filtered by namespace, Cluster and text; the selected problem's Cluster shown on the
 * Clusters page; optionally a desktop notification when a Cluster's Available changes.
 */
public final class ProblemsViewModel {

    /** The setting that turns the availability notification on ({@code true}); off unless set. */
    public static final String NOTIFY_KEY = "problems.notifyAvailability";
    private static final Logger LOG = LoggerFactory.getLogger(ProblemsViewModel.class);
    /** Under steady change, reading takes at most a fifth of a core: the pause after a read is 4x its time. */
    static final int PAUSE_PER_READ_TIME = 4;
    static final long MAX_PAUSE_NANOS = TimeUnit.SECONDS.toNanos(30);

    private final ObservableList<Problem> problems = FXCollections.observableArrayList();
    private final FilteredList<Problem> shown = new FilteredList<>(problems);
    private final ObservableList<String> namespaces = FXCollections.observableArrayList();
    private final ObservableList<String> clusters = FXCollections.observableArrayList();
    private final StringProperty namespace = new SimpleStringProperty("");
    private final StringProperty cluster = new SimpleStringProperty("");
    private final StringProperty text = new SimpleStringProperty("");
    private final ObjectProperty<Problem> selected = new SimpleObjectProperty<>();
    private final IntegerProperty count = new SimpleIntegerProperty();
    private final BooleanProperty notify = new SimpleBooleanProperty();
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final StringProperty status = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");

    private final ObjectProperty<ManagementCluster> connected;
    private final TaskExecutor tasks;
    private final Settings settings;
    private final BiConsumer<String, String> showCluster;
    private final Consumer<Notice> notice;
    private final BiPredicate<String, String> desktop;
    private final AvailabilityTracker availability = new AvailabilityTracker();
    private final ConnectionWatch<ProblemWatch> watch;
    private boolean reading;
    private boolean readAgain;

    public ProblemsViewModel(ObjectProperty<ManagementCluster> connected, TaskExecutor tasks, Settings settings,
            BiConsumer<String, String> showCluster, Consumer<Notice> notice, BiPredicate<String, String> desktop) {
        this.connected = connected;
        this.tasks = tasks.serial();
        this.settings = settings;
        this.showCluster = showCluster;
        this.notice = notice;
        this.desktop = desktop;
        this.watch = new ConnectionWatch<>(connected, this.tasks, "problems",
                cluster -> ProblemWatch.start(cluster.client(), () -> this.tasks.onUiThread(this::refresh)));
        notify.set(settings.get(NOTIFY_KEY).map(Boolean::parseBoolean).orElse(false));
        notify.addListener((obs, old, now) -> BackgroundTask.of(() -> {
            settings.put(NOTIFY_KEY, String.valueOf(now));
            return now;
        }).onFailure(e -> LOG.warn("Could not remember the notification setting in {}", settings.file(), e))
                .runWith(this.tasks));
        namespace.addListener((obs, old, now) -> filter());
        cluster.addListener((obs, old, now) -> filter());
        text.addListener((obs, old, now) -> filter());
        connected.addListener((obs, old, now) -> {
            watch.stop();
            availability.reset();
            problems.clear();
            count.set(0);
            refresh();
            if (now != null) {
                watch.start(now);
            }
        });
    }

    /** Stops watching now (the window is closing). */
    public void shutdown() {
        watch.shutdown();
    }

    /** Reads the management cluster and evaluates every rule; a read asked for meanwhile runs after this one. */
    public void refresh() {
        ManagementCluster management = connected.get();
        if (management == null) {
            return;
        }
        if (reading) {
            readAgain = true;
            return;
        }
        reading = true;
        busy.set(true);
        status.set(Texts.get("problems.status.reading"));
        long started = System.nanoTime();
        BackgroundTask.of(() -> evaluate(management)).onSuccess(evaluation -> {
            if (connected.get() == management) {
                show(evaluation);
            }
            readDone(System.nanoTime() - started);
        }).onFailure(e -> {
            LOG.warn("Reading the problems of {} failed", management.server(), e);
            error.set(Texts.get("problems.error.read", e.getMessage()));
            status.set("");
            readDone(System.nanoTime() - started);
        }).runWith(tasks);
    }

    /**
     * A read asked for meanwhile runs after a pause in proportion to this read's time: on a large management cluster
     * under steady change, back-to-back reads would keep a core busy listing every kind.
     */
    private void readDone(long tookNanos) {
        busy.set(false);
        if (!readAgain) {
            reading = false;
            return;
        }
        CompletableFuture.delayedExecutor(pauseAfter(tookNanos), TimeUnit.NANOSECONDS).execute(() ->
                tasks.onUiThread(() -> {
                    reading = false;
                    readAgain = false;
                    refresh();
                }));
    }

    static long pauseAfter(long readNanos) {
        return Math.min(PAUSE_PER_READ_TIME * readNanos, MAX_PAUSE_NANOS);
    }

    private Evaluation evaluate(ManagementCluster management) {
        ManagementObjects objects = new ProblemReader(management.client()).read(null, Instant.now());
        return new Evaluation(Rules.evaluate(objects, ProblemOptions.defaults()), objects.notes(),
                availability.update(objects.core("Cluster")));
    }

    record Evaluation(List<Problem> problems, List<String> notes, List<AvailabilityChange> changes) {
    }

    void show(Evaluation evaluation) {
        Problem before = selected.get();
        problems.setAll(evaluation.problems());
        count.set(evaluation.problems().size());
        namespaces.setAll(evaluation.problems().stream().map(Problem::namespace).filter(n -> !n.isEmpty())
                .distinct().sorted().toList());
        clusters.setAll(evaluation.problems().stream().map(Problem::cluster).filter(c -> !c.isEmpty()).distinct()
                .sorted().toList());
        selected.set(before == null ? null : evaluation.problems().stream().filter(p -> p.key().equals(before.key()))
                .findFirst().orElse(null));
        error.set(String.join("\n", evaluation.notes()));
        status.set(Texts.get("problems.status.count", evaluation.problems().size(), LocalTime.now().withNano(0).toString()));
        if (notify.get()) {
            evaluation.changes().forEach(this::announce);
        }
    }

    /** A desktop notification when notify-send is there, else the window's notice banner. */
    private void announce(AvailabilityChange change) {
        String title = Texts.get("problems.notify.title", change.namespace() + "/" + change.name(), change.to());
        String body = Texts.get("problems.notify.body", change.from(), change.to(), change.message());
        BackgroundTask.of(() -> desktop.test(title, body)).onSuccess(sent -> {
            if (!sent) {
                notice.accept(new Notice("True".equals(change.to()) ? Notice.Kind.INFO : Notice.Kind.WARNING, title,
                        body));
            }
        }).runWith(tasks);
    }

    private void filter() {
        String ns = namespace.get() == null ? "" : namespace.get();
        String name = cluster.get() == null ? "" : cluster.get();
        String words = text.get() == null ? "" : text.get().trim().toLowerCase(Locale.ROOT);
        shown.setPredicate(p -> (ns.isEmpty() || p.namespace().equals(ns)) && (name.isEmpty()
                || p.cluster().equals(name)) && (words.isEmpty() || (p.object() + " " + p.what() + " " + p.evidence()
                + " " + p.ruleId()).toLowerCase(Locale.ROOT).contains(words)));
    }

    /** Shows the selected problem's Cluster on the Clusters page. */
    public void showInClusters() {
        Problem problem = selected.get();
        if (problem != null && !problem.cluster().isEmpty()) {
            showCluster.accept(problem.namespace(), problem.cluster());
        }
    }

    public ObservableList<Problem> shown() {
        return shown;
    }

    public ObservableList<String> namespaces() {
        return namespaces;
    }

    public ObservableList<String> clusters() {
        return clusters;
    }

    public StringProperty namespaceProperty() {
        return namespace;
    }

    public StringProperty clusterProperty() {
        return cluster;
    }

    public StringProperty textProperty() {
        return text;
    }

    public ObjectProperty<Problem> selectedProperty() {
        return selected;
    }

    /** How many problems there are (unfiltered), for the navigation. */
    public ReadOnlyIntegerProperty countProperty() {
        return count;
    }

    public BooleanProperty notifyProperty() {
        return notify;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error;
    }
}
