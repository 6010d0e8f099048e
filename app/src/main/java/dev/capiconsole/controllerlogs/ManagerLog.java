package dev.capiconsole.controllerlogs;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Consumer;

/** Where one Cluster API manager's log is read: a lab's log file, or a provider controller pod's container. */
public interface ManagerLog {

    /** A log being followed; closing it stops the reading. */
    interface Follow extends AutoCloseable {
        @Override
        void close();
    }

    /** The manager's name, e.g. {@code capi-controller-manager}. */
    String manager();

    /** The zone the manager's klog times are written in. */
    ZoneId zone();

    /** The lines written since {@code from} (null: all that are kept), read once. Blocking. */
    List<String> read(Instant from);

    /**
     * Hands over the lines written since {@code from} (null: all), then new ones as they are written, in batches,
     * on a thread of its own, until closed.
     */
    Follow follow(Instant from, Consumer<List<String>> batches);
}
