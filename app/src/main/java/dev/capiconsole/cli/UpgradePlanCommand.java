package dev.capiconsole.cli;

import dev.capiconsole.operations.ChangePlanner;
import dev.capiconsole.upgradeplan.Blocker;
import dev.capiconsole.upgradeplan.StepProgress;
import dev.capiconsole.upgradeplan.UpgradePlan;
import dev.capiconsole.upgradeplan.UpgradeProgress;
import dev.capiconsole.upgradeplan.UpgradeState;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code capi-console get upgrade-plan CLUSTER}: a topology Cluster's chained upgrade, planned or followed. */
@Command(name = "upgrade-plan", mixinStandardHelpOptions = true, description = {
        "The chained upgrade of a Cluster built from a ClusterClass, as Cluster API plans it: the control plane "
                + "through every minor version on the way (the class's kubernetesVersions), then each worker group.",
        "While an upgrade runs: each step's state, its machines at the version, and what blocks it."})
final class UpgradePlanCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "CLUSTER", description = "The Cluster.")
    String name;

    @Mixin
    ClusterTarget target = new ClusterTarget();

    @Option(names = "--kubernetes-version", paramLabel = "VERSION", description = "Plan an upgrade to VERSION "
            + "(default: follow the running upgrade, if any).")
    String version;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (ManagementTarget.Connection management = target.open()) {
            UpgradeState state = UpgradeState.read(management.client(), management.namespace(), name);
            if (!state.topology()) {
                throw new IllegalArgumentException(state.cluster().display() + " has no topology (no ClusterClass): "
                        + "use upgrade on its control plane, one minor version at a time");
            }
            boolean planned = version != null && !reached(state, version);
            UpgradeProgress progress = planned ? UpgradeProgress.of(state, state.plan(version))
                    : UpgradeProgress.of(state);
            print(state, progress, out);
            if (!planned && !progress.running()) {
                List<String> choices = ChangePlanner.upgradeChoices(state.topologyVersion(), state.classVersions());
                out.println("No upgrade is running." + (choices.isEmpty() ? ""
                        : " Versions to upgrade to: " + String.join(", ", choices)
                        + " (plan one with --kubernetes-version)."));
            }
        }
        out.flush();
        return 0;
    }

    private static boolean reached(UpgradeState state, String version) {
        return version.equals(state.topologyVersion());
    }

    private static void print(UpgradeState state, UpgradeProgress progress, PrintWriter out) {
        UpgradePlan plan = progress.plan();
        String className = UpgradeState.className(state.cluster());
        out.println("Cluster " + state.cluster().display() + " (ClusterClass " + className + ", versions "
                + (state.classVersions().isEmpty() ? "any, one minor at a time"
                : String.join(", ", state.classVersions())) + ")");
        if (plan.nothingToDo()) {
            out.println("Everything is at " + plan.target() + ".");
            return;
        }
        out.println((progress.started() ? "Upgrading" : "Plan") + " to " + plan.target() + ": control plane "
                + chain(plan.controlPlaneFrom(), plan.controlPlaneVersions()) + "; workers "
                + (plan.workersFrom().isEmpty() ? "none" : chain(plan.workersFrom(), plan.workerVersions())));
        TextTable table = new TextTable(0, 2);
        table.row("STEP", "WHAT", "VERSION", "STATE", "MACHINES", "BLOCKED BY");
        int number = 1;
        for (StepProgress step : progress.steps()) {
            table.row(String.valueOf(number++), step.step().what(), step.step().version(),
                    progress.started() ? state(step.state()) : "planned",
                    step.machines() == 0 ? "-" : step.machinesAtVersion() + "/" + step.machines(),
                    step.blockers().stream().map(Blocker::describe).collect(Collectors.joining("; ")));
        }
        table.print(out);
        if (progress.started()) {
            out.println("Reported by the Cluster: status.controlPlane.upgradePlan "
                    + progress.reportedControlPlanePlan() + ", status.workers.upgradePlan "
                    + progress.reportedWorkersPlan());
            if (!progress.topologyMessage().isEmpty()) {
                out.println("TopologyReconciled: " + progress.topologyMessage().replace("\n", "\n  "));
            }
        }
    }

    private static String chain(String from, List<String> versions) {
        return versions.isEmpty() ? from + " (stays)" : from + " -> " + String.join(" -> ", versions);
    }

    private static String state(StepProgress.State state) {
        return state.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
