package dev.capiconsole.topology;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/** One line of the clusters overview. */
public record ClusterSummary(String namespace, String name, String phase, String available, String availableReason,
                             String controlPlane, String workers, String version, String infrastructure,
                             String clusterClass, String age, boolean paused, boolean deleting) {

    public static ClusterSummary of(CapiObject cluster, Instant now) {
        Condition available = cluster.condition("Available");
        String version = cluster.text("spec", "topology", "version");
        Instant created = null;
        try {
            created = Instant.parse(cluster.text("metadata", "creationTimestamp"));
        } catch (DateTimeParseException e) {
            // no age to show
        }
        return new ClusterSummary(cluster.namespace(), cluster.name(), cluster.text("status", "phase"),
                available == null ? "" : available.status(), available == null ? "" : available.reason(),
                counters(cluster, "controlPlane"), counters(cluster, "workers"), version,
                cluster.text("spec", "infrastructureRef", "kind"), cluster.text("spec", "topology", "classRef", "name"),
                created == null ? "" : HumanDuration.since(created, now),
                Boolean.TRUE.equals(cluster.get("spec", "paused")), cluster.deleting());
    }

    /** desired / ready / available / up-to-date, e.g. {@code 3/3/3/3}; empty when the status has none. */
    private static String counters(CapiObject cluster, String part) {
        Long desired = cluster.integer("status", part, "desiredReplicas");
        if (desired == null) {
            return "";
        }
        return desired + "/" + orZero(cluster.integer("status", part, "readyReplicas")) + "/"
                + orZero(cluster.integer("status", part, "availableReplicas")) + "/"
                + orZero(cluster.integer("status", part, "upToDateReplicas"));
    }

    private static long orZero(Long value) {
        return value == null ? 0 : value;
    }
}
