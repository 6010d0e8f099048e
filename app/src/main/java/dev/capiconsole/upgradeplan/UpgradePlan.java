package dev.capiconsole.upgradeplan;

import java.util.List;

/**
 * A chained upgrade as Cluster API's topology controller computes it: the versions the control plane goes through,
 * the (fewer) versions the workers go through, and the steps in the order they happen.
 */
public record UpgradePlan(String target, String controlPlaneFrom, String workersFrom,
                          List<String> controlPlaneVersions, List<String> workerVersions, List<PlanStep> steps) {

    public UpgradePlan {
        controlPlaneVersions = List.copyOf(controlPlaneVersions);
        workerVersions = List.copyOf(workerVersions);
        steps = List.copyOf(steps);
    }

    public boolean nothingToDo() {
        return steps.isEmpty();
    }
}
