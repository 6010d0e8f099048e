package dev.capiconsole.upgradeplan;

/** What keeps a step of an upgrade from going on: its kind, the object it is about, and the server's words. */
public record Blocker(Kind kind, String subject, String detail) {

    public enum Kind {
        /** The Cluster's {@code spec.paused} or {@code cluster.x-k8s.io/paused}: no controller acts. */
        CLUSTER_PAUSED,
        /** The MachineDeployment's or control plane's own pause. */
        PAUSED,
        /** {@code topology.cluster.x-k8s.io/defer-upgrade} on the worker. */
        DEFERRED,
        /** {@code topology.cluster.x-k8s.io/hold-upgrade-sequence} on the worker named in the subject. */
        HELD,
        /** A lifecycle hook of a Runtime Extension answered "not yet" (the TopologyReconciled message says which). */
        HOOK,
        /** A Machine failed its MachineHealthCheck; rollouts wait for it to be remediated. */
        HEALTH_CHECK_FAILED,
        /** A Machine is being remediated (its owner replaces it). */
        REMEDIATING
    }

    /** English, for the CLI and logs. */
    public String describe() {
        return switch (kind) {
            case CLUSTER_PAUSED -> "the Cluster is paused (" + detail + ")";
            case PAUSED -> subject + " is paused (" + detail + ")";
            case DEFERRED -> "deferred by " + UpgradeState.DEFER_UPGRADE + " on " + subject;
            case HELD -> "held by " + UpgradeState.HOLD_UPGRADE_SEQUENCE + " on " + subject;
            case HOOK -> "lifecycle hook: " + detail;
            case HEALTH_CHECK_FAILED -> "Machine " + subject + " failed its MachineHealthCheck";
            case REMEDIATING -> "Machine " + subject + " is being remediated";
        };
    }
}
