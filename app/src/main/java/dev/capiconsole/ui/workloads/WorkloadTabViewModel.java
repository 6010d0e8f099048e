package dev.capiconsole.ui.workloads;

import dev.capiconsole.live.Coalescer;
import dev.capiconsole.ui.common.BackgroundTask;
import dev.capiconsole.ui.common.TaskExecutor;
import dev.capiconsole.ui.common.Texts;
import dev.capiconsole.workload.KubeconfigMerge;
import dev.capiconsole.workload.LogBuffer;
import dev.capiconsole.workload.NodeRow;
import dev.capiconsole.workload.PodDetails;
import dev.capiconsole.workload.PodLogs;
import dev.capiconsole.workload.PodRow;
import dev.capiconsole.workload.WorkloadConnection;
import dev.capiconsole.workload.WorkloadException;
import dev.capiconsole.workload.WorkloadKubeconfig;
import dev.capiconsole.workload.WorkloadWatch;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One open workload cluster: reads its kubeconfig Secret in the background (retrying every 10 s while the cluster
 * is still being created), then keeps its pods and nodes live; shows one pod's details and logs; exports the
 * kubeconfig. Closing the tab, or the Cluster's deletion, stops everything.
 */
public final class WorkloadTabViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(WorkloadTabViewModel.class);
    static final Duration RETRY = Duration.ofSeconds(10);
    static final int FOLLOW_MAX_LINES = 5_000;
    private static final java.time.format.DateTimeFormatter LAST_SEEN =
            java.time.format.DateTimeFormatter.ofPattern("HH:mm:ss");

    /** A merge waiting for the operator's yes: where to, and which entries it would replace. */
    public record MergeProposal(Path target, List<String> replaces) {
    }

    private final String namespace;
    private final String cluster;
    private final String managementContext;
    private final WorkloadConnection connection;
    private final TaskExecutor tasks;
    /** Pod reads, logs, exports and the Cluster check, one at a time and in order. */
    private final TaskExecutor work;
    private final Duration retryEvery;
    private final ObservableList<PodRow> pods = FXCollections.observableArrayList();
    private final ObservableList<String> podNamespaces = FXCollections.observableArrayList();
    private final ObservableList<NodeRow> nodes = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper state = new ReadOnlyStringWrapper(Texts.get("workloads.state.readingSecret"));
    private final ReadOnlyStringWrapper clusterState = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper connected = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper stale = new ReadOnlyBooleanWrapper();
    private volatile Instant lastSeen;
    private final ReadOnlyObjectWrapper<PodRow> selectedPod = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<PodDetails> details = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper detailsState = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper logText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper logState = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper following = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper exportMessage = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<MergeProposal> mergeProposal = new ReadOnlyObjectWrapper<>();
    private final LogBuffer followed = new LogBuffer(FOLLOW_MAX_LINES);
    private final Coalescer logFlush;
    private volatile boolean closed;
    private volatile PodLogs.Following follow;
    private volatile Path savedTo;
    private volatile String mergedContext;

    WorkloadTabViewModel(String namespace, String cluster, String managementContext, WorkloadConnection connection,
                         TaskExecutor tasks) {
        this(namespace, cluster, managementContext, connection, tasks, RETRY);
    }

    WorkloadTabViewModel(String namespace, String cluster, String managementContext, WorkloadConnection connection,
                         TaskExecutor tasks, Duration retryEvery) {
        this.namespace = namespace;
        this.cluster = cluster;
        this.managementContext = managementContext;
        this.connection = connection;
        this.tasks = tasks;
        this.work = tasks.serial();
        this.retryEvery = retryEvery;
        this.logFlush = new Coalescer(150, () -> {
            String text = followed.text();
            tasks.onUiThread(() -> logText.set(text));
        });
        connect();
    }

    private void connect() {
        BackgroundTask.of(() -> {
            String server = connection.kubeconfig().server();
            connection.watch(snapshot -> {
                lastSeen = Instant.now();
                tasks.onUiThread(() -> show(snapshot, server));
            }, failure -> tasks.onUiThread(() -> lost(failure)));
        }).onSuccess(done -> connected.set(!closed)).onFailure(this::notConnected).runWith(tasks);
    }

    private void notConnected(Exception e) {
        if (closed) {
            return;
        }
        if (e instanceof WorkloadException.NotYet) {
            state.set(Texts.get("workloads.state.retrying", e.getMessage(), String.valueOf(retryEvery.toSeconds())));
            BackgroundTask.of(() -> Thread.sleep(retryEvery.toMillis())).onSuccess(done -> {
                if (!closed) {
                    connect();
                }
            }).onFailure(interrupted -> {
                // the window is closing: nobody waits for this cluster any more
            }).runWith(tasks);
            return;
        }
        LOG.warn("Cannot open workload cluster {}: {}", title(), e.getMessage());
        state.set(Texts.get("workloads.state.cannotOpen", title(), e.getMessage()));
    }

    /**
     * The workload API server stopped answering: the rows stay as last seen but are marked so, and the Secret is read
     * again in case the cluster came back with new certificates (made again under the same name).
     */
    private void lost(WorkloadException failure) {
        if (closed) {
            return;
        }
        stale.set(true);
        Instant seen = lastSeen;
        state.set(Texts.get("workloads.state.lost", title(), failure.getMessage(), seen == null ? "-"
                : LAST_SEEN.format(seen.atZone(java.time.ZoneId.systemDefault())),
                String.valueOf(WorkloadWatch.SAFETY_REFRESH_SECONDS)));
        BackgroundTask.of(connection::renewIfSecretChanged).onSuccess(renewed -> {
            if (renewed) {
                LOG.info("Workload cluster {} has a new kubeconfig Secret: reconnected with it", title());
            }
        }).onFailure(e -> LOG.info("Cannot read the kubeconfig Secret of {} again: {}", title(), e.getMessage()))
                .runWith(work);
    }

    private void show(WorkloadWatch.Snapshot snapshot, String server) {
        if (closed) {
            return;
        }
        stale.set(false);
        pods.setAll(snapshot.pods());
        nodes.setAll(snapshot.nodes());
        List<String> names = snapshot.pods().stream().map(PodRow::namespace).distinct().sorted().toList();
        if (!podNamespaces.equals(names)) {
            podNamespaces.setAll(names);
        }
        followSelectedPod();
        state.set(Texts.get("workloads.state.live", server, snapshot.nodes().size(), snapshot.pods().size()));
    }

    /** Asks the management cluster whether the Cluster still exists; stops the tab when it does not. */
    void checkClusterStillThere() {
        if (closed) {
            return;
        }
        BackgroundTask.of(connection::clusterExists).onSuccess(exists -> {
            if (!exists) {
                clusterGone();
            }
        }).onFailure(e -> LOG.info("Cannot check whether Cluster {} still exists: {}", title(), e.getMessage()))
                .runWith(work);
    }

    // ---- pod details and logs

    /** The operator picked a pod; picking the pod already shown again (a refreshed row of it) changes nothing. */
    public void selectPod(PodRow pod) {
        PodRow shown = selectedPod.get();
        if (pod != null && shown != null && samePod(pod, shown)) {
            return;
        }
        selectedPod.set(pod);
        showPod(pod);
    }

    /**
     * Every refresh replaces the rows: the selected pod is followed by its name, its details are read again when
     * its row changed, and they are cleared only when the pod is gone.
     */
    private void followSelectedPod() {
        PodRow previous = selectedPod.get();
        if (previous == null) {
            return;
        }
        PodRow now = pods.stream().filter(p -> samePod(p, previous)).findFirst().orElse(null);
        selectedPod.set(now);
        if (now == null) {
            showPod(null);
        } else if (!now.equals(previous)) {
            refreshPod(now);
        }
    }

    private static boolean samePod(PodRow a, PodRow b) {
        return a.namespace().equals(b.namespace()) && a.name().equals(b.name());
    }

    private void showPod(PodRow pod) {
        stopFollowing();
        logText.set("");
        logState.set("");
        if (pod == null) {
            details.set(null);
            detailsState.set("");
            return;
        }
        detailsState.set(Texts.get("clusters.operations.reading", pod.namespace(), pod.name()));
        request(workload -> PodDetails.read(workload, pod.namespace(), pod.name(), Instant.now()), read -> {
            details.set(read);
            detailsState.set("");
        }, detailsState::set);
    }

    /** Reads the selected pod's details again (its row changed), leaving the logs as they are. */
    private void refreshPod(PodRow pod) {
        request(workload -> PodDetails.read(workload, pod.namespace(), pod.name(), Instant.now()), read -> {
            PodDetails current = details.get();
            if (current != null && current.namespace().equals(read.namespace())
                    && current.name().equals(read.name())) {
                details.set(read);
            }
        }, detailsState::set);
    }

    /** The last {@code tailLines} lines of a container (all when 0), or its previous instance's. */
    public void showLogs(String container, int tailLines, boolean previous) {
        PodDetails pod = details.get();
        if (pod == null) {
            return;
        }
        stopFollowing();
        PodLogs.Request request = new PodLogs.Request(pod.namespace(), pod.name(), container, tailLines, previous);
        logState.set(Texts.get("generate.status.reading", describe(request)));
        request(workload -> PodLogs.tail(workload, request), text -> {
            logText.set(text);
            logState.set(text.isEmpty() ? Texts.get("workloads.log.noLines", describe(request))
                    : Texts.get("workloads.log.lines", describe(request), text.lines().count()));
        }, logState::set);
    }

    /** Follows a container's log until {@link #stopFollowing()}, another pod, or the tab closes. */
    public void followLogs(String container, int tailLines) {
        PodDetails pod = details.get();
        if (pod == null) {
            return;
        }
        stopFollowing();
        PodLogs.Request request = new PodLogs.Request(pod.namespace(), pod.name(), container, tailLines, false);
        followed.set("");
        logText.set("");
        following.set(true);
        logState.set(Texts.get("workloads.log.following", describe(request)));
        request(workload -> {
            PodLogs.Following started = PodLogs.follow(workload, request, line -> {
                followed.add(line);
                logFlush.signal();
            });
            follow = started;
            started.ended().whenComplete((cause, error) -> tasks.onUiThread(() -> {
                if (follow == started) {
                    follow = null;
                    following.set(false);
                    logState.set(cause == null ? Texts.get("workloads.log.ended", describe(request))
                            : Texts.get("workloads.log.endedBecause", describe(request), cause.getMessage()));
                }
            }));
            return started;
        }, started -> { }, message -> {
            following.set(false);
            logState.set(message);
        });
    }

    public void stopFollowing() {
        PodLogs.Following current = follow;
        follow = null;
        if (current != null) {
            current.close();
            logState.set(Texts.get("workloads.log.stopped"));
        }
        following.set(false);
    }

    private static String describe(PodLogs.Request request) {
        String subject = request.container() == null ? Texts.get("workloads.log.theLog")
                : Texts.get("workloads.log.container", request.container());
        if (request.previous()) {
            subject = Texts.get("workloads.log.previous", subject);
        }
        return request.tailLines() > 0 ? Texts.get("workloads.log.last", subject, request.tailLines()) : subject;
    }

    /** Runs a read with the workload cluster's client on the work lane; {@code failure} gets what went wrong. */
    private <T> void request(Function<KubernetesClient, T> read, Consumer<T> done, Consumer<String> failure) {
        if (closed) {
            failure.accept(Texts.get("workloads.tab.stopped", clusterState.get().isEmpty()
                    ? Texts.get("workloads.tab.closed") : clusterState.get()));
            return;
        }
        if (!connection.isWatching()) {
            failure.accept(Texts.get("workloads.tab.notConnected"));
            return;
        }
        BackgroundTask.of(() -> connection.request(read)).onSuccess(done)
                .onFailure(e -> failure.accept(explain(e))).runWith(work);
    }

    private static String explain(Exception e) {
        if (e instanceof WorkloadException) {
            return e.getMessage();
        }
        LOG.warn("Workload request failed", e);
        return Texts.get("clusters.operations.failed", e.getMessage());
    }

    // ---- kubeconfig export (the text never reaches a property or a log)

    /** Saves the kubeconfig to {@code file}, mode 0600. */
    public void saveKubeconfig(Path file) {
        withKubeconfig(k -> {
            KubeconfigMerge.save(file, k.text());
            savedTo = file;
            return Texts.get("workloads.export.saved", title(), file);
        }, exportMessage::set);
    }

    /** Works out what merging into {@code target} would replace; the view asks before {@link #confirmMerge()}. */
    public void proposeMerge(Path target) {
        withKubeconfig(k -> new MergeProposal(target, KubeconfigMerge.conflicts(target, k.text())),
                mergeProposal::set);
    }

    public void confirmMerge() {
        MergeProposal proposal = mergeProposal.get();
        mergeProposal.set(null);
        if (proposal == null) {
            return;
        }
        withKubeconfig(k -> {
            KubeconfigMerge.Result result = KubeconfigMerge.merge(proposal.target(), k.text(), false);
            mergedContext = result.context();
            return Texts.get("workloads.export.merged", result.context(), proposal.target())
                    + (result.replaced().isEmpty() ? ""
                    : Texts.get("workloads.export.replaced", String.join(", ", result.replaced())))
                    + (result.backup() == null ? "" : Texts.get("workloads.export.backup", result.backup()))
                    + Texts.get("workloads.export.end");
        }, exportMessage::set);
    }

    public void cancelMerge() {
        mergeProposal.set(null);
        exportMessage.set(Texts.get("workloads.export.nothingMerged"));
    }

    /** A command that uses this cluster from a terminal, without putting credentials on the clipboard. */
    public String kubectlCommand() {
        if (savedTo != null) {
            return "kubectl --kubeconfig " + shellQuote(savedTo.toString()) + " get pods -A";
        }
        if (mergedContext != null) {
            return "kubectl --context " + shellQuote(mergedContext) + " get pods -A";
        }
        return "kubectl --kubeconfig <(capi-console get kubeconfig " + cluster + " -n " + namespace
                + (managementContext == null ? "" : " --context " + shellQuote(managementContext))
                + ") get pods -A";
    }

    static String shellQuote(String text) {
        return text.matches("[A-Za-z0-9_./@:=+-]+") ? text : "'" + text.replace("'", "'\\''") + "'";
    }

    void noteCopied(String command) {
        exportMessage.set(Texts.get("workloads.export.copied", command));
    }

    private interface KubeconfigTask<T> {
        T run(WorkloadKubeconfig kubeconfig) throws IOException;
    }

    private <T> void withKubeconfig(KubeconfigTask<T> task, Consumer<T> done) {
        if (closed) {
            exportMessage.set(Texts.get("workloads.export.tabStopped"));
            return;
        }
        if (!connection.isWatching()) {
            exportMessage.set(Texts.get("workloads.export.notRead"));
            return;
        }
        BackgroundTask.of(() -> task.run(connection.kubeconfig())).onSuccess(done).onFailure(e -> {
            LOG.warn("Kubeconfig export failed: {}", e.getMessage());
            exportMessage.set(Texts.get("workloads.export.failed", e.getMessage()));
        }).runWith(work);
    }

    // ---- the Cluster on the management cluster

    /** The Cluster is being deleted: say so; the workload view keeps going until it is gone. */
    void clusterDeleting() {
        if (!closed) {
            clusterState.set(Texts.get("workloads.cluster.deleting", title()));
        }
    }

    /** The Cluster is gone: say so and stop every watch; the last pods and nodes stay as they were (FX thread). */
    void clusterGone() {
        if (closed) {
            return;
        }
        clusterState.set(Texts.get("workloads.cluster.deleted", title()));
        stop();
        connected.set(false);
        state.set(Texts.get("workloads.state.stopped"));
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

    /** The namespaces of the pods, sorted; changes only after the pods themselves changed. */
    public ObservableList<String> podNamespaces() {
        return podNamespaces;
    }

    public ObservableList<NodeRow> nodes() {
        return nodes;
    }

    public ReadOnlyStringProperty stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty clusterStateProperty() {
        return clusterState.getReadOnlyProperty();
    }

    /** True while the workload API server does not answer: the pods and nodes shown are as last seen, not live. */
    public ReadOnlyBooleanProperty staleProperty() {
        return stale.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty connectedProperty() {
        return connected.getReadOnlyProperty();
    }

    /** The pod whose details are shown: the row it has now (a new row on every refresh), null once it is gone. */
    public ReadOnlyObjectProperty<PodRow> selectedPodProperty() {
        return selectedPod.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<PodDetails> detailsProperty() {
        return details.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty detailsStateProperty() {
        return detailsState.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty logTextProperty() {
        return logText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty logStateProperty() {
        return logState.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty followingProperty() {
        return following.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty exportMessageProperty() {
        return exportMessage.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<MergeProposal> mergeProposalProperty() {
        return mergeProposal.getReadOnlyProperty();
    }

    public boolean isClosed() {
        return closed;
    }

    /** Stops the retries, the watches and the log stream of this tab (any thread). */
    public void close() {
        stop();
    }

    private void stop() {
        closed = true;
        PodLogs.Following currentFollow = follow;
        follow = null;
        if (currentFollow != null) {
            currentFollow.close();
        }
        logFlush.close();
        connection.close();
    }
}
