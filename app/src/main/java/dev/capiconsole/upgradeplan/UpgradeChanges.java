package dev.capiconsole.upgradeplan;

import dev.capiconsole.operations.Change;
import dev.capiconsole.operations.ChangePlanner;
import dev.capiconsole.operations.OperationRefused;

/** The changes an operator makes from the planner, each reviewed before it is sent (see {@link Change}). */
public final class UpgradeChanges {

    private UpgradeChanges() {
    }

    /** Starts the chained upgrade: {@code spec.topology.version} set to the target. */
    public static Change start(UpgradeState state, String target) {
        if (!state.topology()) {
            throw new OperationRefused(state.cluster().display() + " has no topology: upgrade its control plane");
        }
        return ChangePlanner.upgrade(state.cluster(), state.controlPlane(), target, state.classVersions());
    }

    /** Sets or clears {@code defer-upgrade} on one worker of the topology. */
    public static Change deferUpgrade(UpgradeState state, PlanStep.Target kind, String worker, boolean set) {
        return ChangePlanner.topologyWorkerAnnotation(state.cluster(), list(kind), worker,
                UpgradeState.DEFER_UPGRADE, set);
    }

    /** Sets or clears {@code hold-upgrade-sequence} (this worker and the ones after it wait) on one worker. */
    public static Change holdUpgradeSequence(UpgradeState state, PlanStep.Target kind, String worker, boolean set) {
        return ChangePlanner.topologyWorkerAnnotation(state.cluster(), list(kind), worker,
                UpgradeState.HOLD_UPGRADE_SEQUENCE, set);
    }

    private static String list(PlanStep.Target kind) {
        return switch (kind) {
            case MACHINE_DEPLOYMENT -> "machineDeployments";
            case MACHINE_POOL -> "machinePools";
            case CONTROL_PLANE -> throw new OperationRefused("the control plane has no upgrade annotations");
        };
    }
}
