package dev.capiconsole.cli;

import dev.capiconsole.operations.Change;
import dev.capiconsole.operations.ClusterObjects;
import dev.capiconsole.operations.RemediationPlanner;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code capi-console remediate machine|pause|resume}: MachineHealthCheck remediation as day-2 changes, printed and
 * confirmed like the other operations.
 */
@Command(name = "remediate", mixinStandardHelpOptions = true,
        description = "Mark a Machine for remediation, keep it out of remediation, or pause a MachineHealthCheck.",
        subcommands = {RemediateCommand.Machine.class, RemediateCommand.Pause.class, RemediateCommand.Resume.class})
final class RemediateCommand {

    /** Plans from the objects of the Cluster the named object belongs to, then confirms and applies. */
    private static int run(CommandSpec spec, OperationCommands.Common common, String kind, String name,
                           Function<ClusterObjects, Change> plan) {
        String cluster;
        try (ManagementTarget.Connection management = common.target.open()) {
            cluster = ClusterObjects.clusterOf(management.client(), management.namespace(), kind, name);
        }
        return common.run(spec, cluster, plan);
    }

    @Command(name = "machine", mixinStandardHelpOptions = true, description = {
        "Mark a Machine for remediation (annotation cluster.x-k8s.io/remediate-machine): the MachineHealthChecks "
            + "selecting it count it unhealthy at once and its owner replaces it.",
        "With --skip or --allow: set or remove cluster.x-k8s.io/skip-remediation instead, which keeps the Machine "
            + "out of its MachineHealthChecks."})
    static final class Machine implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "MACHINE", description = "The Machine's name.")
        String machine;

        static final class Skip {
            @Option(names = "--skip", description = "Keep the Machine out of remediation.")
            boolean skip;

            @Option(names = "--allow", description = "Let MachineHealthChecks remediate the Machine again.")
            boolean allow;
        }

        @ArgGroup(exclusive = true)
        Skip skip;

        @Mixin
        OperationCommands.Common common = new OperationCommands.Common();

        @Override
        public Integer call() {
            return run(spec, common, "Machine", machine, objects -> skip == null
                    ? RemediationPlanner.markForRemediation(objects.machine(machine), objects.machineHealthChecks())
                    : RemediationPlanner.skipRemediation(objects.machine(machine), skip.skip));
        }
    }

    @Command(name = "pause", mixinStandardHelpOptions = true, description = {
        "Pause a MachineHealthCheck (annotation cluster.x-k8s.io/paused): it marks no Machine for remediation until "
            + "resumed."})
    static final class Pause extends OnHealthCheck {
        @Override
        boolean pause() {
            return true;
        }
    }

    @Command(name = "resume", mixinStandardHelpOptions = true,
            description = "Resume a paused MachineHealthCheck.")
    static final class Resume extends OnHealthCheck {
        @Override
        boolean pause() {
            return false;
        }
    }

    /** Pause or resume one MachineHealthCheck. */
    abstract static class OnHealthCheck implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "MACHINEHEALTHCHECK", description = "The MachineHealthCheck's name.")
        String check;

        @Mixin
        OperationCommands.Common common = new OperationCommands.Common();

        abstract boolean pause();

        @Override
        public Integer call() {
            return run(spec, common, "MachineHealthCheck", check, objects ->
                    RemediationPlanner.pauseRemediation(objects.machineHealthCheck(check), pause()));
        }
    }
}
