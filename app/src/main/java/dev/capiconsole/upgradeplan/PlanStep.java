package dev.capiconsole.upgradeplan;

/**
 * One step of a chained upgrade: the control plane, or one worker group (by its name in the Cluster's topology),
 * moved to {@code version}. {@code hold} says whether an upgrade annotation keeps the worker's step back.
 */
public record PlanStep(Target target, String name, String version, Hold hold) {

    public enum Target { CONTROL_PLANE, MACHINE_DEPLOYMENT, MACHINE_POOL }

    /** The annotation that defers a worker's upgrade, as the topology controller reads them. */
    public enum Hold {
        NONE,
        /** {@code topology.cluster.x-k8s.io/defer-upgrade} on this worker. */
        DEFERRED,
        /** {@code topology.cluster.x-k8s.io/hold-upgrade-sequence} on this worker or one before it in its list. */
        HELD
    }

    public static PlanStep controlPlane(String version) {
        return new PlanStep(Target.CONTROL_PLANE, "", version, Hold.NONE);
    }

    /** "control plane" or "MachineDeployment md-0". */
    public String what() {
        return switch (target) {
            case CONTROL_PLANE -> "control plane";
            case MACHINE_DEPLOYMENT -> "MachineDeployment " + name;
            case MACHINE_POOL -> "MachinePool " + name;
        };
    }
}
