package dev.capiconsole.ui.clusters;

import dev.capiconsole.connection.ManagementCluster;
import dev.capiconsole.live.Coalescer;
import dev.capiconsole.live.ManagementIndex;
import dev.capiconsole.live.WatchHealth;
import dev.capiconsole.topology.ObjectSource;
import dev.capiconsole.live.WatchHealthMonitor;
import dev.capiconsole.diagram.LaidOutDiagram;
import dev.capiconsole.topology.CapiObject;
import dev.capiconsole.topology.ClusterSnapshot;
import dev.capiconsole.topology.ClusterSummary;
import dev.capiconsole.topology.DescribeOptions;
import dev.capiconsole.topology.DescribeTreeBuilder;
import dev.capiconsole.topology.SnapshotReader;
import dev.capiconsole.topology.TreeNode;
import dev.capiconsole.ui.common.BackgroundTask;
import dev.capiconsole.ui.common.LatestOnUiThread;
import dev.capiconsole.ui.common.ListUpdates;
import dev.capiconsole.ui.common.TaskExecutor;
import dev.capiconsole.ui.common.Texts;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live clusters overview and the describe tree of the selected cluster. Informer events only signal a
 * coalescer; a background thread rebuilds the overview and the tree from the informers' cache, at once after a
 * quiet spell and {@value #REFRESH_MILLIS} ms after the last rebuild under steady change, and the FX thread receives
 * the newest result in one update.
 */
public final class ClustersViewModel {

    static final long REFRESH_MILLIS = 40;
    static final long HEALTH_POLL_MILLIS = 500;
    /** How long watches may be down before the user is told: a routine re-watch takes well under this. */
    static final long HEALTH_GRACE_MILLIS = 2_000;
    private static final Logger LOG = LoggerFactory.getLogger(ClustersViewModel.class);

    /** A rebuilt tree and when it was built, for the view and for latency measurements. */
    public record TreeUpdate(TreeNode root, Instant builtAt) {
    }

    private final ObservableList<ClusterSummary> clusters = FXCollections.observableArrayList();
    private final ObjectProperty<ClusterSummary> selected = new SimpleObjectProperty<>();
    private final ObjectProperty<DescribeOptions> options = new SimpleObjectProperty<>(DescribeOptions.defaults());
    private final ReadOnlyObjectWrapper<TreeUpdate> tree = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper state = new ReadOnlyStringWrapper(Texts.get("clusters.state.notConnected"));
    private volatile ManagementIndex index;
    private final TaskExecutor tasks;
    private final LatestOnUiThread uiUpdate;
    private volatile Coalescer coalescer;
    private volatile WatchHealthMonitor monitor;
    private final ReadOnlyObjectWrapper<WatchHealth> health = new ReadOnlyObjectWrapper<>(WatchHealth.WATCHING);
    private volatile String selectedKey;
    private volatile String server = "";
    private String pendingReveal;
    private java.util.function.BiConsumer<String, String> openWorkload = (namespace, name) -> { };
    private volatile DescribeOptions currentOptions = DescribeOptions.defaults();

    private final OperationsViewModel operations;
    private final DiagramViewModel diagram;
    private final ControllerLogsViewModel logs;
    private final EventsTimelineViewModel timeline;
    private final UpgradePlannerViewModel planner;

    public ClustersViewModel(ObjectProperty<ManagementCluster> connected, TaskExecutor tasks) {
        this.tasks = tasks;
        this.uiUpdate = new LatestOnUiThread(tasks);
        this.operations = new OperationsViewModel(connected, selected, tasks.serial());
        this.diagram = new DiagramViewModel(tasks.serial(), this::refreshSoon);
        this.logs = new ControllerLogsViewModel(connected, tasks.serial());
        this.timeline = new EventsTimelineViewModel(connected, selected, tasks.serial(), this::refreshSoon);
        this.planner = new UpgradePlannerViewModel(connected, operations, tasks.serial(), this::refreshSoon);
        connected.addListener((obs, old, now) -> {
            disconnect();
            if (now != null) {
                connect(now);
            }
        });
        selected.addListener((obs, old, now) -> {
            selectedKey = now == null ? null : now.namespace() + "/" + now.name();
            if (now == null) {
                tree.set(null);
                diagram.publish(null);
            }
            refreshSoon();
        });
        options.addListener((obs, old, now) -> {
            currentOptions = now;
            refreshSoon();
        });
    }

    private void connect(ManagementCluster cluster) {
        state.set(Texts.get("clusters.state.reading", cluster.server()));
        BackgroundTask.of(() -> {
            Coalescer newCoalescer = new Coalescer(REFRESH_MILLIS, this::rebuild);
            ManagementIndex newIndex = ManagementIndex.start(cluster.client(), object -> newCoalescer.signal());
            coalescer = newCoalescer;
            index = newIndex;
            server = cluster.server();
            String access = access(newIndex);
            newCoalescer.signal();
            monitor = WatchHealthMonitor.start(newIndex::health, newIndex::checkCredentials, HEALTH_POLL_MILLIS,
                    HEALTH_GRACE_MILLIS, now -> healthChanged(newIndex, now));
            return access;
        }).onSuccess(access -> state.set(cluster.clusterApiInstalled() ? access
                : Texts.get("clusters.state.noCapi", cluster.server())))
        .onFailure(e -> {
            LOG.warn("Cannot watch {}", cluster.server(), e);
            state.set(Texts.get("clusters.state.cannotWatch", cluster.server(), e.getMessage()));
        }).runWith(tasks);
    }

    /** On the monitor's thread: tells the user while the watches are down, and when they are back. */
    private void healthChanged(ManagementIndex watched, WatchHealth now) {
        String text = switch (now.state()) {
            case WATCHING -> access(watched);
            case RECONNECTING -> Texts.get("clusters.state.reconnecting", server, now.cause());
            case REJECTED -> Texts.get("clusters.state.rejected", server, now.cause());
        };
        tasks.onUiThread(() -> {
            if (index != watched) {
                return;
            }
            health.set(now);
            state.set(text);
        });
        if (now.watching()) {
            refreshSoon(); // the informers re-listed: show what they read
        }
    }

    private void disconnect() {
        release();
        health.set(WatchHealth.WATCHING);
        clusters.clear();
        tree.set(null);
        diagram.publish(null);
        state.set(Texts.get("clusters.state.notConnected"));
    }

    /** Stops the watches (the connection keeps its client); touches no property, so any thread may call it. */
    private void release() {
        if (monitor != null) {
            monitor.close();
        }
        monitor = null;
        if (coalescer != null) {
            coalescer.close();
        }
        if (index != null) {
            index.close();
        }
        coalescer = null;
        index = null;
    }

    private void refreshSoon() {
        Coalescer current = coalescer;
        if (current != null) {
            current.signal();
        }
    }

    /** What the console may see: kinds watched, kinds refused, kinds seen only in some namespaces. */
    private String access(ManagementIndex current) {
        Set<String> forbidden = new java.util.TreeSet<>(current.forbiddenKinds());
        java.util.Map<String, List<String>> scoped = current.namespaceScopedKinds();
        forbidden.removeAll(scoped.keySet());
        StringBuilder text = new StringBuilder(Texts.get("clusters.state.watching", current.watchedKinds(), server));
        if (!scoped.isEmpty()) {
            text.append(Texts.get("clusters.state.scoped", String.join(", ", new java.util.TreeSet<>(scoped.values()
                    .stream().flatMap(List::stream).toList())), new java.util.TreeSet<>(scoped.keySet())));
        }
        if (!forbidden.isEmpty()) {
            text.append(Texts.get("clusters.state.forbidden", forbidden));
        }
        return text.toString();
    }

    /** Runs on the coalescer's thread: reads only the informers' cache. */
    private void rebuild() {
        ManagementIndex current = index;
        if (current == null) {
            return;
        }
        Instant now = Instant.now();
        List<ClusterSummary> summaries = current.clusters().stream().map(c -> ClusterSummary.of(c,
                current.list("MachineHealthCheck", c.namespace(), c.name()), now)).toList();
        String key = selectedKey;
        TreeNode root = null;
        LaidOutDiagram laidOut = null;
        if (key != null) {
            String[] parts = key.split("/", 2);
            CapiObject cluster = current.cluster(parts[0], parts[1]);
            if (cluster != null) {
                ClusterSnapshot snapshot = new SnapshotReader(current).withMachineHealthChecks()
                        .read(parts[0], parts[1]);
                root = DescribeTreeBuilder.build(snapshot, currentOptions, now);
                timeline.snapshotRead(snapshot);
                planner.snapshotRead(snapshot);
                laidOut = diagram.layout(snapshot);
            }
        }
        LaidOutDiagram diagramUpdate = laidOut;
        TreeUpdate update = root == null ? null : new TreeUpdate(root, now);
        String access = current.namespaceScopedKinds().isEmpty() ? null : access(current);
        uiUpdate.post(() -> {
            if (index != current) {
                return; // built from a connection the window has left meanwhile
            }
            if (access != null && health.get().watching()) {
                state.set(access);
            }
            ClusterSummary keep = selected.get();
            ListUpdates.replaceChanged(clusters, summaries);
            if (pendingReveal != null) {
                ClusterSummary revealed = summaries.stream()
                        .filter(s -> pendingReveal.equals(s.namespace() + "/" + s.name())).findFirst().orElse(null);
                if (revealed != null) {
                    pendingReveal = null;
                    selected.set(revealed);
                    return;
                }
            }
            if (keep != null) {
                summaries.stream().filter(s -> s.namespace().equals(keep.namespace()) && s.name().equals(keep.name()))
                        .findFirst().ifPresentOrElse(selected::set, () -> selected.set(null));
            }
            tree.set(update);
            diagram.publish(diagramUpdate);
        });
    }

    public void setOpenWorkload(java.util.function.BiConsumer<String, String> action) {
        openWorkload = action;
    }

    /** Opens the pods and nodes of the selected cluster. */
    public void openSelectedWorkload() {
        ClusterSummary current = selected.get();
        if (current != null) {
            openWorkload.accept(current.namespace(), current.name());
        }
    }

    /** Selects the cluster as soon as the overview shows it (it may not exist yet when asked). */
    public void reveal(String namespace, String name) {
        pendingReveal = namespace + "/" + name;
        clusters.stream().filter(s -> s.namespace().equals(namespace) && s.name().equals(name)).findFirst()
                .ifPresent(s -> {
                    pendingReveal = null;
                    selected.set(s);
                });
        refreshSoon();
    }

    public DiagramViewModel diagram() {
        return diagram;
    }

    public ControllerLogsViewModel logs() {
        return logs;
    }

    public EventsTimelineViewModel timeline() {
        return timeline;
    }

    public UpgradePlannerViewModel planner() {
        return planner;
    }

    public OperationsViewModel operations() {
        return operations;
    }

    /** The informers' cache the views are rebuilt from; null while not connected (read by the soak benchmark). */
    public ObjectSource liveModel() {
        return index;
    }

    public ObservableList<ClusterSummary> clusters() {
        return clusters;
    }

    public ObjectProperty<ClusterSummary> selectedProperty() {
        return selected;
    }

    public ObjectProperty<DescribeOptions> optionsProperty() {
        return options;
    }

    public ReadOnlyObjectProperty<TreeUpdate> treeProperty() {
        return tree.getReadOnlyProperty();
    }

    /** The health of the watches of the connected management cluster; WATCHING when not connected. */
    public ReadOnlyObjectProperty<WatchHealth> healthProperty() {
        return health.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty stateProperty() {
        return state.getReadOnlyProperty();
    }

    public void shutdown() {
        release();
        logs.shutdown();
        timeline.shutdown();
    }
}
