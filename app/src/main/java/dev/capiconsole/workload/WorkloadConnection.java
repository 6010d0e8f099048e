package dev.capiconsole.workload;

import dev.capiconsole.topology.V1Beta1Core;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console's connection to one workload cluster: one client, built from the Cluster's kubeconfig Secret, serves
 * the live pods and nodes and every request until {@link #close()}. The Secret is read again, and the client and the
 * watch rebuilt, only when the workload API server rejects the credentials (Cluster API rotated them, say).
 */
public final class WorkloadConnection implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WorkloadConnection.class);
    private static final int UNAUTHORIZED = 401;

    private final KubernetesClient management;
    private final String namespace;
    private final String cluster;
    private WorkloadKubeconfig kubeconfig;
    private KubernetesClient client;
    private WorkloadWatch watch;
    private Consumer<WorkloadWatch.Snapshot> updates;
    private Consumer<WorkloadException> failures = e -> { };
    private boolean closed;

    /** @param management the management cluster's shared client: used, never closed here */
    public WorkloadConnection(KubernetesClient management, String namespace, String cluster) {
        this.management = management;
        this.namespace = namespace;
        this.cluster = cluster;
    }

    /** The kubeconfig, read from the Secret on first use ({@link WorkloadException.NotYet} while there is none). */
    public synchronized WorkloadKubeconfig kubeconfig() {
        if (closed) {
            throw new WorkloadException("the connection to workload cluster " + namespace + "/" + cluster
                    + " was closed");
        }
        if (kubeconfig == null) {
            kubeconfig = WorkloadKubeconfig.read(management, namespace, cluster);
        }
        return kubeconfig;
    }

    private synchronized KubernetesClient client() {
        if (client == null) {
            client = kubeconfig().client();
        }
        return client;
    }

    /**
     * Runs a request with the workload cluster's client; when the credentials are rejected, renews them and tries
     * once more. Failures of the API server come back as a {@link WorkloadException} that says what is wrong.
     */
    public <T> T request(Function<KubernetesClient, T> request) {
        KubernetesClient current = client();
        try {
            return request.apply(current);
        } catch (KubernetesClientException e) {
            if (e.getCode() != UNAUTHORIZED) {
                throw explain(e);
            }
            renew(current);
            return once(request);
        }
    }

    private <T> T once(Function<KubernetesClient, T> request) {
        try {
            return request.apply(client());
        } catch (KubernetesClientException e) {
            throw explain(e);
        }
    }

    /**
     * Keeps pods and nodes live: {@code updates} gets every snapshot, the first one before this returns, and keeps
     * getting them from the watch that replaces this one when the credentials are renewed.
     */
    public void watch(Consumer<WorkloadWatch.Snapshot> updates) {
        watch(updates, e -> { });
    }

    /**
     * As above; {@code failures} hears, on a refresh thread, why a refresh failed (the API server is unreachable or
     * refuses), with the endpoint. The watch keeps trying; the next snapshot means it is back.
     */
    public void watch(Consumer<WorkloadWatch.Snapshot> updates, Consumer<WorkloadException> failures) {
        synchronized (this) {
            this.failures = failures;
        }
        keep(request(c -> newWatch(c, updates)), updates);
    }

    private WorkloadWatch newWatch(KubernetesClient workload, Consumer<WorkloadWatch.Snapshot> updates) {
        return new WorkloadWatch(workload, updates, e -> failed(workload, e));
    }

    /** A refresh of the current watch failed: say why (a replaced watch's failures are old news). */
    private void failed(KubernetesClient workload, KubernetesClientException e) {
        Consumer<WorkloadException> listener;
        synchronized (this) {
            if (closed || client != workload) {
                return;
            }
            listener = failures;
        }
        listener.accept(explain(e));
    }

    /**
     * Reads the kubeconfig Secret again and, when it is no longer the one in use (the cluster was made again, its
     * certificates renewed), rebuilds the client and the watch with the new one. True when it did.
     */
    public boolean renewIfSecretChanged() {
        WorkloadKubeconfig fresh = WorkloadKubeconfig.read(management, namespace, cluster);
        KubernetesClient current;
        synchronized (this) {
            if (closed || kubeconfig == null || fresh.text().equals(kubeconfig.text())) {
                return false;
            }
            current = client;
        }
        renew(current);
        return true;
    }

    public synchronized boolean isWatching() {
        return watch != null;
    }

    private void keep(WorkloadWatch started, Consumer<WorkloadWatch.Snapshot> startedUpdates) {
        WorkloadWatch replaced;
        synchronized (this) {
            if (closed) {
                replaced = started;
            } else {
                replaced = watch;
                watch = started;
                updates = startedUpdates;
            }
        }
        if (replaced != null) {
            replaced.close();
        }
    }

    private void renew(KubernetesClient rejected) {
        Consumer<WorkloadWatch.Snapshot> watching;
        synchronized (this) {
            if (client != rejected) {
                return; // renewed meanwhile by another request, or closed
            }
            LOG.info("Workload cluster {}/{} rejected its credentials: reading its kubeconfig Secret again",
                    namespace, cluster);
            watching = watch == null ? null : updates;
            stopWatchAndClient();
            kubeconfig = null;
        }
        if (watching != null) {
            keep(once(c -> newWatch(c, watching)), watching);
        }
    }

    private synchronized WorkloadException explain(KubernetesClientException e) {
        return kubeconfig == null ? new WorkloadException(e.getMessage()) : kubeconfig.explain(e);
    }

    /** Whether the Cluster still exists on the management cluster. */
    public boolean clusterExists() {
        return management.genericKubernetesResources("cluster.x-k8s.io/" + V1Beta1Core.servedVersion(management),
                "Cluster").inNamespace(namespace).withName(cluster).get() != null;
    }

    /** Stops the watch and closes the workload client (the management client stays open). */
    @Override
    public synchronized void close() {
        closed = true;
        stopWatchAndClient();
        kubeconfig = null;
    }

    private void stopWatchAndClient() {
        if (watch != null) {
            watch.close();
            watch = null;
        }
        if (client != null) {
            client.close();
            client = null;
        }
    }
}
