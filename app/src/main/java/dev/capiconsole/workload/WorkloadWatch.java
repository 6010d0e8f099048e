package dev.capiconsole.workload;

import dev.capiconsole.live.Coalescer;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Live pods and nodes of one workload cluster. Watches on pods and nodes say when something changed; changes are
 * coalesced (at most one refresh every 200 ms) and each refresh lists pods and nodes once. A refresh also runs
 * every 10 s, because some workload API servers (the lab's in-memory ones) accept a watch but send no later
 * events; on a real cluster the watch alone keeps the view current. A refresh that fails (the API server went
 * away) is reported, and the next one is tried at the latest 10 s later, so the view tells when it is back.
 */
public final class WorkloadWatch implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WorkloadWatch.class);
    public static final long SAFETY_REFRESH_SECONDS = 10;

    /** What the views show: every pod and node, sorted, at one moment. */
    public record Snapshot(List<PodRow> pods, List<NodeRow> nodes) {
    }

    private final KubernetesClient client;
    private final Coalescer coalescer;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "capi-console-workload-refresh");
        thread.setDaemon(true);
        return thread;
    });
    private final Watch podWatch;
    private final Watch nodeWatch;

    /** Watches through {@code client}, which stays the caller's: closing the watch leaves it open. */
    public WorkloadWatch(KubernetesClient client, Consumer<Snapshot> updates) {
        this(client, updates, e -> { });
    }

    /** As above; {@code failures} hears of every refresh that could not list pods and nodes. */
    public WorkloadWatch(KubernetesClient client, Consumer<Snapshot> updates,
                         Consumer<KubernetesClientException> failures) {
        this.client = client;
        Snapshot first = snapshot();
        updates.accept(first);
        this.coalescer = new Coalescer(200, () -> {
            try {
                updates.accept(snapshot());
            } catch (KubernetesClientException e) {
                LOG.info("Workload refresh failed: {}", e.getMessage());
                failures.accept(e);
            }
        });
        this.podWatch = client.pods().inAnyNamespace().watch(signalling());
        this.nodeWatch = client.nodes().watch(signalling());
        timer.scheduleWithFixedDelay(coalescer::signal, SAFETY_REFRESH_SECONDS, SAFETY_REFRESH_SECONDS,
                TimeUnit.SECONDS);
    }

    private <T> Watcher<T> signalling() {
        return new Watcher<>() {
            @Override
            public void eventReceived(Action action, T resource) {
                coalescer.signal();
            }

            @Override
            public void onClose(WatcherException cause) {
                LOG.info("A workload watch closed: {}", cause.getMessage());
                coalescer.signal();
            }
        };
    }

    private Snapshot snapshot() {
        Instant now = Instant.now();
        return new Snapshot(
                client.pods().inAnyNamespace().list().getItems().stream().map(p -> PodRow.of(p, now))
                        .sorted(Comparator.comparing(PodRow::namespace).thenComparing(PodRow::name)).toList(),
                client.nodes().list().getItems().stream().map(n -> NodeRow.of(n, now))
                        .sorted(Comparator.comparing(NodeRow::name)).toList());
    }

    @Override
    public void close() {
        timer.shutdownNow();
        coalescer.close();
        podWatch.close();
        nodeWatch.close();
    }
}
