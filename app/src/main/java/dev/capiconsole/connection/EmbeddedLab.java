package dev.capiconsole.connection;

import dev.capiconsole.lab.Lab;
import dev.capiconsole.lab.LabBinaries;
import dev.capiconsole.lab.LabClusters;
import dev.capiconsole.lab.LabOptions;
import dev.capiconsole.lab.LabProgress;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The console's use of the embedded lab: start one owned by this process, or connect to one that is already
 * running (e.g. started with {@code capi-console lab start}), and stop only what this process started.
 */
public final class EmbeddedLab implements AutoCloseable {

    private final LabOptions options;
    private Lab owned;

    public EmbeddedLab(LabOptions options) {
        this.options = options;
    }

    /** Blocking: starts or attaches, then reaches the lab's API server. */
    public synchronized ManagementCluster startOrAttach(LabProgress progress) {
        Optional<String> running = Lab.status(options.dataDir());
        if (running.isPresent()) {
            progress.report("A lab is already running in " + options.dataDir() + " (" + running.get()
                    + "); connecting to it.");
        } else if (owned == null) {
            owned = Lab.start(options, progress);
        }
        ManagementCluster cluster = ClusterProbe.probe(kubeconfig());
        progress.report("Connected to " + cluster.server() + " (Kubernetes " + cluster.kubernetesVersion() + ")");
        return cluster;
    }

    /**
     * Creates an in-memory cluster the way an operator would (the lab's clusterctl, in-memory flavor, applied),
     * named {@code sample-N} after those already there. Blocking; returns its name.
     */
    public String createSampleCluster(int workers) {
        LabBinaries binaries = LabBinaries.ensure(LabProgress.NONE, "clusterctl");
        try (KubernetesClient client = new KubernetesClientBuilder()
                .withConfig(Config.fromKubeconfig(Files.readString(kubeconfig()))).build()) {
            int next = 1;
            while (client.genericKubernetesResources("cluster.x-k8s.io/v1beta2", "Cluster").inNamespace("default")
                    .withName("sample-" + next).get() != null) {
                next++;
            }
            String name = "sample-" + next;
            new LabClusters(binaries, kubeconfig(), client, options.dataDir()).create(name, "default", 1, workers);
            return name;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot read " + kubeconfig(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    public Path kubeconfig() {
        return options.dataDir().resolve("kubeconfig");
    }

    /** Whether this process started the running lab (and so will stop it). */
    public synchronized boolean owned() {
        return owned != null;
    }

    /** Stops the lab if this process started it; a lab started elsewhere keeps running. */
    @Override
    public synchronized void close() {
        if (owned != null) {
            owned.close();
            owned = null;
        }
    }
}
