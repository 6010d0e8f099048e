package dev.capiconsole.upgradeplan;

import dev.capiconsole.operations.OperationRefused;
import dev.capiconsole.templates.Semver;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The plan of a chained upgrade, worked out as the topology controller of Cluster API v1.14 does it
 * ({@code exp/topology/desiredstate/upgrade_plan.go}): the control plane goes through the class's latest version of
 * every minor between its version and the target; the workers go only where the version skew policy makes them
 * (every third minor) and to the target; workers move after the control plane reached their version, one group
 * after another in the topology's order (the default upgrade concurrency is 1). Pure: nothing here reads a server.
 */
public final class UpgradePlanner {

    /** Kubelets may be this many minors older than the API server (Kubernetes version skew policy). */
    private static final int WORKER_SKEW = 3;

    private UpgradePlanner() {
    }

    /**
     * The plan from the control plane's version and the workers' to {@code target}. {@code classVersions} empty
     * means the class lists none: then only the next minor (or a patch) can be reached, as Cluster API allows.
     */
    public static UpgradePlan plan(List<String> classVersions, String target, String controlPlaneVersion,
                                   List<WorkerGroup> workers) {
        Semver desired = parse(target, "target version");
        Semver controlPlane = parse(controlPlaneVersion, "control plane version");
        if (desired.compareTo(controlPlane) < 0) {
            throw new OperationRefused("version cannot be decreased from " + controlPlaneVersion + " to " + target);
        }
        if (!classVersions.isEmpty() && !classVersions.contains(target)) {
            throw new OperationRefused("version " + target + " is not one of the ClusterClass's Kubernetes versions ("
                    + String.join(", ", classVersions) + ")");
        }
        List<String> controlPlaneSteps = classVersions.isEmpty()
                ? oneMinor(target, desired, controlPlaneVersion, controlPlane)
                : fromClassVersions(classVersions, target, desired, controlPlane);
        String workersFrom = minWorkersVersion(workers).orElse("");
        List<String> workerSteps = workersFrom.isEmpty() ? List.of()
                : workerVersions(target, desired, controlPlaneVersion, controlPlane, workersFrom, controlPlaneSteps);
        List<PlanStep> steps = new ArrayList<>();
        if (workerSteps.contains(controlPlaneVersion)) {
            addWorkerSteps(steps, workers, controlPlaneVersion);
        }
        for (String version : controlPlaneSteps) {
            steps.add(PlanStep.controlPlane(version));
            if (workerSteps.contains(version)) {
                addWorkerSteps(steps, workers, version);
            }
        }
        return new UpgradePlan(target, controlPlaneVersion, workersFrom, controlPlaneSteps, workerSteps, steps);
    }

    /** Every worker group below {@code version}, in the topology's order: MachineDeployments, then MachinePools. */
    private static void addWorkerSteps(List<PlanStep> steps, List<WorkerGroup> workers, String version) {
        Semver to = Semver.tryParse(version).orElseThrow();
        for (PlanStep.Target kind : List.of(PlanStep.Target.MACHINE_DEPLOYMENT, PlanStep.Target.MACHINE_POOL)) {
            boolean heldBefore = false;
            for (WorkerGroup worker : workers) {
                if (worker.kind() != kind) {
                    continue;
                }
                heldBefore |= worker.holdUpgradeSequence();
                boolean below = Semver.tryParse(worker.version()).map(v -> v.compareTo(to) < 0).orElse(false);
                if (below) {
                    PlanStep.Hold hold = worker.deferUpgrade() ? PlanStep.Hold.DEFERRED
                            : heldBefore ? PlanStep.Hold.HELD : PlanStep.Hold.NONE;
                    steps.add(new PlanStep(kind, worker.name(), version, hold));
                }
            }
        }
    }

    /** Without class versions Cluster API upgrades by one minor at most ({@code GetUpgradePlanOneMinor}). */
    private static List<String> oneMinor(String target, Semver desired, String current, Semver controlPlane) {
        if (desired.compareTo(controlPlane) == 0) {
            return List.of();
        }
        if (desired.major() != controlPlane.major() || desired.minor() > controlPlane.minor() + 1) {
            throw new OperationRefused("cannot plan an upgrade from " + current + " to " + target + ": without "
                    + "Kubernetes versions in its ClusterClass a Cluster goes up one minor version at a time");
        }
        return List.of(target);
    }

    /**
     * The class's versions above the control plane's, up to the target, keeping the last listed of each minor
     * ({@code GetUpgradePlanFromClusterClassVersions}).
     */
    private static List<String> fromClassVersions(List<String> classVersions, String target, Semver desired,
                                                  Semver controlPlane) {
        if (desired.compareTo(controlPlane) == 0) {
            return List.of();
        }
        List<String> plan = new ArrayList<>();
        long lastMinor = controlPlane.minor();
        for (String version : classVersions) {
            Semver candidate = parse(version, "ClusterClass version");
            if (candidate.compareTo(controlPlane) <= 0
                    || (candidate.minor() == controlPlane.minor() && desired.minor() != controlPlane.minor())) {
                continue;
            }
            if (candidate.compareTo(desired) > 0) {
                break;
            }
            if (candidate.minor() > lastMinor + 1) {
                throw new OperationRefused("the ClusterClass's Kubernetes versions have no version of minor "
                        + (lastMinor + 1) + ": Cluster API cannot chain an upgrade across it");
            }
            if (!plan.isEmpty() && candidate.minor() == lastMinor) {
                plan.remove(plan.size() - 1);
            }
            plan.add(version);
            lastMinor = candidate.minor();
            if (version.equals(target)) {
                break;
            }
        }
        return plan;
    }

    /**
     * The workers' versions ({@code DefaultAndValidateUpgradePlans}): a step every third minor where the skew
     * policy requires one, taken from the control plane's plan, and the target.
     */
    private static List<String> workerVersions(String target, Semver desired, String controlPlaneVersion,
                                               Semver controlPlane, String workersFrom, List<String> controlPlaneSteps) {
        Semver from = parse(workersFrom, "workers' version");
        if (from.compareTo(desired) == 0) {
            return List.of();
        }
        Map<Long, String> byMinor = new HashMap<>();
        byMinor.put(controlPlane.minor(), controlPlaneVersion);
        controlPlaneSteps.forEach(v -> byMinor.put(parse(v, "").minor(), v));
        List<String> plan = new ArrayList<>();
        for (long i = 1; i < desired.minor() - from.minor(); i++) {
            if (i % WORKER_SKEW == 0) {
                String version = byMinor.get(from.minor() + i);
                if (version == null) {
                    throw new OperationRefused("no version of minor " + (from.minor() + i) + " to take the workers "
                            + "through on the way to " + target);
                }
                plan.add(version);
            }
        }
        if (plan.isEmpty() || !plan.get(plan.size() - 1).equals(target)) {
            plan.add(target);
        }
        return plan;
    }

    /** The lowest version any worker group declares (Cluster API plans the workers from their oldest). */
    static Optional<String> minWorkersVersion(List<WorkerGroup> workers) {
        String lowest = null;
        Semver lowestVersion = null;
        for (WorkerGroup worker : workers) {
            Optional<Semver> version = Semver.tryParse(worker.version());
            if (version.isPresent() && (lowestVersion == null || version.get().compareTo(lowestVersion) < 0)) {
                lowest = worker.version();
                lowestVersion = version.get();
            }
        }
        return Optional.ofNullable(lowest);
    }

    private static Semver parse(String version, String what) {
        return Semver.tryParse(version).orElseThrow(() -> new OperationRefused(what + " " + version
                + " is not a semantic version"));
    }
}
