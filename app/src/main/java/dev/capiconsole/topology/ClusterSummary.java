package dev.capiconsole.topology;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * One line of the clusters overview.
 *
 * @param healthChecks how many MachineHealthChecks the Cluster has
 * @param unhealthyMachines how many Machines they count as not healthy
 */
public record ClusterSummary(String namespace, String name, String phase, String available, String availableReason,
                             String controlPlane, String workers, String version, String infrastructure,
                             String clusterClass, String age, boolean paused, boolean deleting, int healthChecks,
                             int unhealthyMachines) {

    /** A line without health checks. */
    public ClusterSummary(String namespace, String name, String phase, String available, String availableReason,
                          String controlPlane, String workers, String version, String infrastructure,
                          String clusterClass, String age, boolean paused, boolean deleting) {
        this(namespace, name, phase, available, availableReason, controlPlane, workers, version, infrastructure,
                clusterClass, age, paused, deleting, 0, 0);
    }

    public static ClusterSummary of(CapiObject cluster, Instant now) {
        return of(cluster, List.of(), now);
    }

    /** The line of a Cluster with its MachineHealthChecks. */
    public static ClusterSummary of(CapiObject cluster, List<CapiObject> healthChecks, Instant now) {
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
                Boolean.TRUE.equals(cluster.get("spec", "paused")), cluster.deleting(), healthChecks.size(),
                HealthChecks.unhealthyMachines(healthChecks));
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
