package dev.capiconsole.upgradeplan;

import dev.capiconsole.templates.Semver;
import dev.capiconsole.topology.CapiObject;
import dev.capiconsole.topology.Condition;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An upgrade followed from the Cluster's objects: each step of the plan done, in progress or waiting, with what
 * blocks it; the plan the Cluster's status reports ({@code status.controlPlane.upgradePlan},
 * {@code status.workers.upgradePlan}: the versions not yet applied) and its TopologyReconciled message.
 */
public record UpgradeProgress(UpgradePlan plan, boolean started, List<StepProgress> steps,
                              List<String> reportedControlPlanePlan, List<String> reportedWorkersPlan,
                              String topologyMessage) {

    static final String MACHINE_DEPLOYMENT_LABEL = "cluster.x-k8s.io/deployment-name";
    static final String PAUSED_ANNOTATION = "cluster.x-k8s.io/paused";

    public UpgradeProgress {
        steps = List.copyOf(steps);
        reportedControlPlanePlan = List.copyOf(reportedControlPlanePlan);
        reportedWorkersPlan = List.copyOf(reportedWorkersPlan);
    }

    /** The upgrade to the topology's version, planned from where it started. */
    public static UpgradeProgress of(UpgradeState state) {
        return of(state, state.runningPlan());
    }

    /** {@code plan}'s steps against the objects as they are now. */
    public static UpgradeProgress of(UpgradeState state, UpgradePlan plan) {
        boolean started = atLeast(state.topologyVersion(), plan.target());
        List<StepProgress> steps = new ArrayList<>();
        boolean currentFound = false;
        for (PlanStep step : plan.steps()) {
            StepProgress progress = progress(state, step, started, !currentFound);
            currentFound |= progress.state() != StepProgress.State.DONE;
            steps.add(progress);
        }
        Condition reconciled = state.cluster().condition("TopologyReconciled");
        return new UpgradeProgress(plan, started, steps, versions(state.cluster(), "controlPlane"),
                versions(state.cluster(), "workers"), reconciled == null ? "" : reconciled.message());
    }

    /** Started and some step is not done yet. */
    public boolean running() {
        return started && steps.stream().anyMatch(s -> s.state() != StepProgress.State.DONE);
    }

    private static StepProgress progress(UpgradeState state, PlanStep step, boolean started, boolean current) {
        CapiObject object = step.target() == PlanStep.Target.CONTROL_PLANE ? state.controlPlane()
                : state.workerObject(step.target(), step.name());
        String declared = step.target() == PlanStep.Target.CONTROL_PLANE ? state.controlPlaneVersion()
                : object == null ? "" : object.text("spec", "template", "spec", "version");
        List<CapiObject> machines = machines(state, step, object);
        int atVersion = (int) machines.stream().filter(m -> atLeast(m.text("spec", "version"), step.version()))
                .count();
        StepProgress.State progress = !atLeast(declared, step.version()) ? StepProgress.State.WAITING
                : atVersion == machines.size() ? StepProgress.State.DONE : StepProgress.State.IN_PROGRESS;
        List<Blocker> blockers = new ArrayList<>();
        if (progress != StepProgress.State.DONE) {
            blockers.addAll(holdBlockers(state, step));
        }
        if (started && progress != StepProgress.State.DONE) {
            if (current) {
                blockers.addAll(clusterBlockers(state.cluster()));
            }
            blockers.addAll(stepBlockers(object, machines));
        }
        return new StepProgress(step, progress, atVersion, machines.size(), blockers);
    }

    private static List<CapiObject> machines(UpgradeState state, PlanStep step, CapiObject object) {
        return switch (step.target()) {
            case CONTROL_PLANE -> state.machines().stream()
                    .filter(m -> m.labels().containsKey(UpgradeState.CONTROL_PLANE_LABEL)).toList();
            case MACHINE_DEPLOYMENT -> object == null ? List.of() : state.machines().stream()
                    .filter(m -> object.name().equals(m.labels().get(MACHINE_DEPLOYMENT_LABEL))).toList();
            case MACHINE_POOL -> List.of();
        };
    }

    private static List<Blocker> clusterBlockers(CapiObject cluster) {
        List<Blocker> blockers = new ArrayList<>();
        if (Boolean.TRUE.equals(cluster.get("spec", "paused"))) {
            blockers.add(new Blocker(Blocker.Kind.CLUSTER_PAUSED, cluster.name(), "spec.paused"));
        } else if (cluster.annotations().containsKey(PAUSED_ANNOTATION)) {
            blockers.add(new Blocker(Blocker.Kind.CLUSTER_PAUSED, cluster.name(), PAUSED_ANNOTATION));
        }
        Condition reconciled = cluster.condition("TopologyReconciled");
        if (reconciled != null && reconciled.message() != null) {
            reconciled.message().lines().map(String::strip).map(l -> l.startsWith("* ") ? l.substring(2) : l)
                    .filter(l -> l.toLowerCase(Locale.ROOT).contains("hook"))
                    .forEach(l -> blockers.add(new Blocker(Blocker.Kind.HOOK, cluster.name(), l)));
        }
        return blockers;
    }

    /** A worker's upgrade annotations, which hold its step back whether or not the upgrade started. */
    private static List<Blocker> holdBlockers(UpgradeState state, PlanStep step) {
        return switch (step.hold()) {
            case DEFERRED -> List.of(new Blocker(Blocker.Kind.DEFERRED, step.name(), ""));
            case HELD -> List.of(new Blocker(Blocker.Kind.HELD, holder(state, step), ""));
            case NONE -> List.of();
        };
    }

    private static List<Blocker> stepBlockers(CapiObject object, List<CapiObject> machines) {
        List<Blocker> blockers = new ArrayList<>();
        if (object != null && Boolean.TRUE.equals(object.get("spec", "paused"))) {
            blockers.add(new Blocker(Blocker.Kind.PAUSED, object.display(), "spec.paused"));
        } else if (object != null && object.annotations().containsKey(PAUSED_ANNOTATION)) {
            blockers.add(new Blocker(Blocker.Kind.PAUSED, object.display(), PAUSED_ANNOTATION));
        }
        for (CapiObject machine : machines) {
            if (failed(machine, "OwnerRemediated")) {
                blockers.add(new Blocker(Blocker.Kind.REMEDIATING, machine.name(), ""));
            } else if (failed(machine, "HealthCheckSucceeded")) {
                blockers.add(new Blocker(Blocker.Kind.HEALTH_CHECK_FAILED, machine.name(), ""));
            }
        }
        return blockers;
    }

    /** The first worker of the step's list, up to the step's own, with hold-upgrade-sequence. */
    private static String holder(UpgradeState state, PlanStep step) {
        return state.workers().stream().filter(w -> w.kind() == step.target() && w.holdUpgradeSequence())
                .map(WorkerGroup::name).findFirst().orElse(step.name());
    }

    private static boolean failed(CapiObject machine, String type) {
        Condition condition = machine.condition(type);
        return condition != null && "False".equals(condition.status());
    }

    private static List<String> versions(CapiObject cluster, String part) {
        List<String> versions = new ArrayList<>();
        if (cluster.get("status", part, "upgradePlan") instanceof List<?> items) {
            for (Object item : items) {
                if (item instanceof Map<?, ?> entry && entry.get("version") != null) {
                    versions.add(String.valueOf(entry.get("version")));
                }
            }
        }
        return versions;
    }

    static boolean atLeast(String version, String wanted) {
        return Semver.tryParse(version).flatMap(v -> Semver.tryParse(wanted).map(w -> v.compareTo(w) >= 0))
                .orElse(false);
    }
}
