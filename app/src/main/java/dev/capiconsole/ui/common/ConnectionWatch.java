package dev.capiconsole.ui.common;

import dev.capiconsole.connection.ManagementCluster;
import javafx.beans.property.ObjectProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A page's watch on the connected management cluster: started in the background, and closed when the window connects
 * elsewhere (in the background) or closes (at once). A watch that finishes starting after the connection changed is
 * closed instead of kept.
 */
public final class ConnectionWatch<W extends AutoCloseable> {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectionWatch.class);

    /** Starts a watch on a management cluster; runs in the background. */
    public interface Starter<W> {
        W start(ManagementCluster cluster) throws Exception;
    }

    private final ObjectProperty<ManagementCluster> connected;
    private final TaskExecutor tasks;
    private final String what;
    private final Starter<W> starter;
    private W watch;

    /** {@code what} names the watched objects in the log, e.g. "the ClusterResourceSets". */
    public ConnectionWatch(ObjectProperty<ManagementCluster> connected, TaskExecutor tasks, String what,
            Starter<W> starter) {
        this.connected = connected;
        this.tasks = tasks;
        this.what = what;
        this.starter = starter;
    }

    public void start(ManagementCluster cluster) {
        BackgroundTask.of(() -> starter.start(cluster))
                .onSuccess(started -> {
                    if (connected.get() == cluster) {
                        watch = started;
                    } else {
                        close(started);
                    }
                })
                .onFailure(e -> LOG.info("Cannot watch {} of {}", what, cluster.server(), e))
                .runWith(tasks);
    }

    /** Closes the watch in the background. */
    public void stop() {
        if (watch != null) {
            W stopped = watch;
            watch = null;
            BackgroundTask.of(() -> {
                close(stopped);
                return stopped;
            }).runWith(tasks);
        }
    }

    /** Closes the watch now (the window is closing). */
    public void shutdown() {
        if (watch != null) {
            close(watch);
            watch = null;
        }
    }

    private void close(W closing) {
        try {
            closing.close();
        } catch (Exception e) {
            LOG.debug("Closing the watch of {} failed", what, e);
        }
    }
}
