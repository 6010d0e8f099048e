package dev.capiconsole.cli;

import dev.capiconsole.topology.ApiObjectSource;
import dev.capiconsole.topology.ConditionFilters;
import dev.capiconsole.topology.DescribeOptions;
import dev.capiconsole.topology.DescribeTable;
import dev.capiconsole.topology.DescribeTreeBuilder;
import dev.capiconsole.topology.SnapshotReader;
import dev.capiconsole.topology.TreeNode;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code capi-console describe cluster NAME}: clusterctl's tree of a Cluster, same rows and columns. */
@Command(name = "describe", mixinStandardHelpOptions = true, description = "Describe workload clusters.",
        subcommands = {DescribeCommand.Cluster.class})
final class DescribeCommand {

    @Command(name = "cluster", mixinStandardHelpOptions = true,
            description = "Describe the status of a workload cluster, as clusterctl describe cluster does.")
    static final class Cluster implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "NAME", description = "The Cluster's name.")
        String name;

        @Mixin
        ClusterTarget target = new ClusterTarget();

        @Option(names = "--show-conditions", paramLabel = "KINDS",
                description = "List the conditions of objects of these kinds, kind/name, or all (comma-separated; "
                        + "a trailing + hides conditions with nothing to say).")
        String showConditions = "";

        @Option(names = "--show-machinesets", description = "Show MachineSets.")
        boolean showMachineSets;

        @Option(names = "--show-templates", description = "Show the machine templates.")
        boolean showTemplates;

        @Option(names = "--show-resourcesets", description = "Show ClusterResourceSets.")
        boolean showResourceSets;

        @Option(names = "--echo", description = "Show provider objects even when their Ready repeats their parent's.")
        boolean echo;

        @Option(names = "--grouping", negatable = true, defaultValue = "true", fallbackValue = "true",
                description = "Group alike Machines (default: true; --grouping=false or --no-grouping to list each).")
        boolean grouping;

        @Option(names = "--v1beta2", negatable = true, defaultValue = "true", fallbackValue = "true",
                description = "Use v1beta2 conditions (default: true). Deprecated in clusterctl; --v1beta2=false shows "
                        + "the deprecated v1beta1 conditions with the READY/SEVERITY columns.")
        boolean v1beta2;

        @Override
        public Integer call() {
            ConditionFilters.validate(showConditions);
            DescribeOptions options = new DescribeOptions(showConditions, showMachineSets, showTemplates,
                    showResourceSets, echo, grouping, !v1beta2);
            try (ManagementTarget.Connection management = target.open()) {
                TreeNode tree = DescribeTreeBuilder.build(new SnapshotReader(new ApiObjectSource(management.client()))
                        .read(management.namespace(), name), options, Instant.now());
                PrintWriter out = spec.commandLine().getOut();
                out.print(DescribeTable.format(DescribeTable.rows(tree, Instant.now())));
                out.flush();
            }
            return 0;
        }
    }
}
