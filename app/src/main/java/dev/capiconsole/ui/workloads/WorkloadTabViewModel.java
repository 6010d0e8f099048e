package dev.capiconsole.ui.workloads;

import dev.capiconsole.live.Coalescer;
import dev.capiconsole.topology.V1Beta1Core;
import dev.capiconsole.workload.KubeconfigMerge;
import dev.capiconsole.workload.LogBuffer;
import dev.capiconsole.workload.NodeRow;
import dev.capiconsole.workload.PodDetails;
import dev.capiconsole.workload.PodLogs;
import dev.capiconsole.workload.PodRow;
import dev.capiconsole.workload.WorkloadException;
import dev.capiconsole.workload.WorkloadKubeconfig;
import dev.capiconsole.workload.WorkloadWatch;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import javafx.application.Platform;
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
public final class WorkloadTab {

    private static final Logger LOG = LoggerFactory.getLogger(WorkloadTab.class);
    private static final long RETRY_MILLIS = 10_000;
    static final int FOLLOW_MAX_LINES = 5_000;

    /** A merge waiting for the operator's yes: where to, and which entries it would replace. */
    public record MergeProposal(Path target, List<String> replaces) {
    }

    private final String namespace;
    private final String cluster;
    private final String managementContext;
    private final Supplier<KubernetesClient> management;
    private final ObservableList<PodRow> pods = FXCollections.observableArrayList();
    private final ObservableList<NodeRow> nodes = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper state = new ReadOnlyStringWrapper("Reading the kubeconfig Secret…");
    private final ReadOnlyStringWrapper clusterState = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper connected = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<PodDetails> details = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper detailsState = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper logText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper logState = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper following = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper exportMessage = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<MergeProposal> mergeProposal = new ReadOnlyObjectWrapper<>();
    private final Thread worker;
    private final ExecutorService work = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "capi-console-workload-work");
        thread.setDaemon(true);
        return thread;
    });
    private final LogBuffer followed = new LogBuffer(FOLLOW_MAX_LINES);
    private final Coalescer logFlush = new Coalescer(150, () -> {
        String text = followed.text();
        Platform.runLater(() -> logText.set(text));
    });
    private volatile boolean closed;
    private volatile WorkloadWatch watch;
    private volatile WorkloadKubeconfig kubeconfig;
    private volatile KubernetesClient client;
    private volatile PodLogs.Following follow;
    private volatile Path savedTo;
    private volatile String mergedContext;

    WorkloadTab(String namespace, String cluster, String managementContext, Supplier<KubernetesClient> management) {
        this.namespace = namespace;
        this.cluster = cluster;
        this.managementContext = managementContext;
        this.management = management;
        this.worker = new Thread(() -> connect(management), "capi-console-workload-" + cluster);
        worker.setDaemon(true);
        worker.start();
    }

    /** Asks the management cluster whether the Cluster still exists; stops the tab when it does not. */
    void checkClusterStillThere() {
        if (closed) {
            return;
        }
        work.execute(() -> {
            try (KubernetesClient managementClient = management.get()) {
                boolean exists = managementClient.genericKubernetesResources("cluster.x-k8s.io/"
                        + V1Beta1Core.servedVersion(managementClient), "Cluster").inNamespace(namespace)
                        .withName(cluster).get() != null;
                if (!exists) {
                    Platform.runLater(this::clusterGone);
                }
            } catch (KubernetesClientException e) {
                LOG.info("Cannot check whether Cluster {}/{} still exists: {}", namespace, cluster, e.getMessage());
            }
        });
    }

    private void connect(Supplier<KubernetesClient> management) {
        while (!closed) {
            try {
                WorkloadKubeconfig read;
                try (KubernetesClient managementClient = management.get()) {
                    read = WorkloadKubeconfig.read(managementClient, namespace, cluster);
                }
                String server = read.server();
                WorkloadWatch started;
                try {
                    started = new WorkloadWatch(read, snapshot -> Platform.runLater(() -> {
                        if (closed) {
                            return;
                        }
                        pods.setAll(snapshot.pods());
                        nodes.setAll(snapshot.nodes());
                        state.set("Live from " + server + ": " + snapshot.nodes().size() + " nodes, "
                                + snapshot.pods().size() + " pods");
                    }));
                } catch (KubernetesClientException e) {
                    throw read.explain(e);
                }
                if (closed) {
                    started.close();
                } else {
                    kubeconfig = read;
                    client = read.client();
                    watch = started;
                    Platform.runLater(() -> connected.set(!closed));
                }
                return;
            } catch (WorkloadException.NotYet e) {
                Platform.runLater(() -> state.set(e.getMessage() + ". Trying again every 10 s."));
            } catch (RuntimeException e) {
                LOG.warn("Cannot open workload cluster {}/{}: {}", namespace, cluster, e.getMessage());
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

    // ---- pod details and logs

    /** Shows the details of a pod (null clears them); reads in the background. */
    public void selectPod(PodRow pod) {
        stopFollowing();
        logText.set("");
        logState.set("");
        if (pod == null) {
            details.set(null);
            detailsState.set("");
            return;
        }
        detailsState.set("Reading " + pod.namespace() + "/" + pod.name() + "…");
        runWithClient(workload -> {
            PodDetails read = PodDetails.read(workload, pod.namespace(), pod.name(), Instant.now());
            Platform.runLater(() -> {
                details.set(read);
                detailsState.set("");
            });
        }, message -> detailsState.set(message));
    }

    /** Reads the selected pod's details again (its row changed), leaving the logs as they are. */
    public void refreshPod(PodRow pod) {
        runWithClient(workload -> {
            PodDetails read = PodDetails.read(workload, pod.namespace(), pod.name(), Instant.now());
            Platform.runLater(() -> {
                PodDetails current = details.get();
                if (current != null && current.namespace().equals(read.namespace())
                        && current.name().equals(read.name())) {
                    details.set(read);
                }
            });
        }, message -> detailsState.set(message));
    }

    /** The last {@code tailLines} lines of a container (all when 0), or its previous instance's. */
    public void showLogs(String container, int tailLines, boolean previous) {
        PodDetails pod = details.get();
        if (pod == null) {
            return;
        }
        stopFollowing();
        PodLogs.Request request = new PodLogs.Request(pod.namespace(), pod.name(), container, tailLines, previous);
        logState.set("Reading " + describe(request) + "…");
        runWithClient(workload -> {
            String text = PodLogs.tail(workload, request);
            Platform.runLater(() -> {
                logText.set(text);
                logState.set(text.isEmpty() ? "No lines in " + describe(request) + "."
                        : describe(request) + ": " + text.lines().count() + " lines");
            });
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
        logState.set("Following " + describe(request) + "…");
        runWithClient(workload -> {
            PodLogs.Following started = PodLogs.follow(workload, request, line -> {
                followed.add(line);
                logFlush.signal();
            });
            follow = started;
            started.ended().whenComplete((cause, error) -> Platform.runLater(() -> {
                if (follow == started) {
                    follow = null;
                    following.set(false);
                    logState.set("The log stream of " + describe(request) + " ended"
                            + (cause == null ? "." : ": " + cause.getMessage()));
                }
            }));
        }, message -> {
            following.set(false);
            logState.set(message);
        });
    }

    public void stopFollowing() {
        PodLogs.Following current = follow;
        follow = null;
        if (current != null) {
            current.close();
            logState.set("Stopped following.");
        }
        following.set(false);
    }

    private static String describe(PodLogs.Request request) {
        return (request.previous() ? "the previous " : "") + (request.container() == null ? "the log"
                : "container " + request.container()) + (request.tailLines() > 0 ? " (last " + request.tailLines()
                + " lines)" : "");
    }

    private void runWithClient(java.util.function.Consumer<KubernetesClient> task,
                               java.util.function.Consumer<String> failure) {
        if (closed) {
            failure.accept("This tab stopped: " + (clusterState.get().isEmpty() ? "it was closed."
                    : clusterState.get()));
            return;
        }
        work.execute(() -> {
            KubernetesClient current = client;
            if (current == null) {
                Platform.runLater(() -> failure.accept("Not connected to the workload cluster yet."));
                return;
            }
            try {
                task.accept(current);
            } catch (WorkloadException e) {
                Platform.runLater(() -> failure.accept(e.getMessage()));
            } catch (KubernetesClientException e) {
                String message = kubeconfig.explain(e).getMessage();
                Platform.runLater(() -> failure.accept(message));
            } catch (RuntimeException e) {
                LOG.warn("Workload request failed", e);
                Platform.runLater(() -> failure.accept("Failed: " + e.getMessage()));
            }
        });
    }

    // ---- kubeconfig export (the text never reaches a property or a log)

    /** Saves the kubeconfig to {@code file}, mode 0600. */
    public void saveKubeconfig(Path file) {
        withKubeconfig(k -> {
            KubeconfigMerge.save(file, k.text());
            savedTo = file;
            return "Saved the kubeconfig of " + title() + " to " + file + " (mode 0600).";
        });
    }

    /** Works out what merging into {@code target} would replace; the view asks before {@link #confirmMerge()}. */
    public void proposeMerge(Path target) {
        withKubeconfig(k -> {
            List<String> replaces = KubeconfigMerge.conflicts(target, k.text());
            Platform.runLater(() -> mergeProposal.set(new MergeProposal(target, replaces)));
            return null;
        });
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
            return "Added context " + result.context() + " to " + proposal.target()
                    + (result.replaced().isEmpty() ? "" : " (replaced " + String.join(", ", result.replaced()) + ")")
                    + (result.backup() == null ? "" : "; the previous file is " + result.backup()) + ".";
        });
    }

    public void cancelMerge() {
        mergeProposal.set(null);
        exportMessage.set("Nothing was merged.");
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
        exportMessage.set("Copied: " + command);
    }

    private interface KubeconfigTask {
        String run(WorkloadKubeconfig kubeconfig) throws IOException;
    }

    private void withKubeconfig(KubeconfigTask task) {
        if (closed) {
            exportMessage.set("This tab stopped; open the cluster again to export its kubeconfig.");
            return;
        }
        work.execute(() -> {
            WorkloadKubeconfig current = kubeconfig;
            if (current == null) {
                Platform.runLater(() -> exportMessage.set("The kubeconfig has not been read yet."));
                return;
            }
            try {
                String message = task.run(current);
                if (message != null) {
                    Platform.runLater(() -> exportMessage.set(message));
                }
            } catch (IOException | RuntimeException e) {
                LOG.warn("Kubeconfig export failed: {}", e.getMessage());
                Platform.runLater(() -> exportMessage.set("Could not export the kubeconfig: " + e.getMessage()));
            }
        });
    }

    // ---- the Cluster on the management cluster

    /** The Cluster is being deleted: say so; the workload view keeps going until it is gone. */
    void clusterDeleting() {
        if (!closed) {
            clusterState.set("Cluster " + title() + " is being deleted on the management cluster.");
        }
    }

    /** The Cluster is gone: say so and stop every watch; the last pods and nodes stay as they were (FX thread). */
    void clusterGone() {
        if (closed) {
            return;
        }
        clusterState.set("Cluster " + title() + " was deleted from the management cluster. This tab stopped "
                + "watching it; what it shows is how it was last seen.");
        stop();
        connected.set(false);
        state.set("Stopped.");
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

    public ReadOnlyStringProperty clusterStateProperty() {
        return clusterState.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty connectedProperty() {
        return connected.getReadOnlyProperty();
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
        worker.interrupt();
        PodLogs.Following currentFollow = follow;
        follow = null;
        if (currentFollow != null) {
            currentFollow.close();
        }
        logFlush.close();
        WorkloadWatch current = watch;
        watch = null;
        if (current != null) {
            current.close();
        }
        KubernetesClient currentClient = client;
        client = null;
        work.shutdown();
        if (currentClient != null) {
            currentClient.close();
        }
    }
}
