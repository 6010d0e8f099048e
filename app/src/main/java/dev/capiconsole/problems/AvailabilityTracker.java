package dev.capiconsole.problems;

import dev.capiconsole.topology.CapiObject;
import dev.capiconsole.topology.Condition;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Remembers each Cluster's Available status between readings and says which changed. The first reading only
 * remembers; a Cluster that appears or disappears is no change of its availability.
 */
public final class AvailabilityTracker {

    private Map<String, String> last;

    public synchronized List<AvailabilityChange> update(List<CapiObject> clusters) {
        Map<String, String> now = new HashMap<>();
        List<AvailabilityChange> changes = new ArrayList<>();
        for (CapiObject cluster : clusters) {
            String key = cluster.namespace() + "/" + cluster.name();
            Condition available = Facts.condition(cluster, "Available");
            String status = available == null ? "Unknown" : available.status();
            now.put(key, status);
            String before = last == null ? null : last.get(key);
            if (before != null && !before.equals(status)) {
                changes.add(new AvailabilityChange(cluster.namespace(), cluster.name(), before, status,
                        available == null ? "" : available.message()));
            }
        }
        last = now;
        return changes;
    }

    /** Forgets the last reading (another management cluster is read next). */
    public synchronized void reset() {
        last = null;
    }
}
