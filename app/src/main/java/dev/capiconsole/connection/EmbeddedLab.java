package dev.capiconsole.connection;

import dev.capiconsole.lab.Lab;
import dev.capiconsole.lab.LabOptions;
import dev.capiconsole.lab.LabProgress;
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
