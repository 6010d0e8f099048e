package dev.capiconsole.cli;

import dev.capiconsole.diagram.DiagramBuilder;
import dev.capiconsole.diagram.DiagramLayout;
import dev.capiconsole.diagram.DiagramOptions;
import dev.capiconsole.diagram.LaidOutDiagram;
import dev.capiconsole.diagram.Palette;
import dev.capiconsole.diagram.PngExport;
import dev.capiconsole.diagram.SvgExport;
import dev.capiconsole.topology.ApiObjectSource;
import dev.capiconsole.topology.ClusterSnapshot;
import dev.capiconsole.topology.ConditionFilters;
import dev.capiconsole.topology.DescribeOptions;
import dev.capiconsole.topology.DescribeTable;
import dev.capiconsole.topology.DescribeTreeBuilder;
import dev.capiconsole.topology.SnapshotReader;
import dev.capiconsole.topology.TreeNode;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
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

        @Option(names = "--show-machinehealthchecks", description = "Our extension (not in clusterctl): show each "
                + "MachineHealthCheck under the Cluster (selector, checks, expected/healthy machines, remediations "
                + "allowed, RemediationAllowed), and under each Machine the checks that select it with its "
                + "HealthCheckSucceeded and OwnerRemediated state.")
        boolean showMachineHealthChecks;

        @Option(names = "--output", arity = "2", paramLabel = "FORMAT FILE",
                description = "Our extension: draw the cluster's relationship diagram instead of printing the table, "
                        + "as svg or png, into FILE (svg to - prints it). Machines of one owner above "
                        + DiagramOptions.DEFAULT_GROUP_ABOVE + " are one group unless --grouping=false.")
        List<String> output;

        @Option(names = "--diagram-extras", description = "With --output: draw the MachineHealthChecks and the "
                + "Machines they check, the ClusterResourceSets, the ClusterClass and the templates too.")
        boolean diagramExtras;

        @Option(names = "--diagram-dark", description = "With --output: a dark background.")
        boolean diagramDark;

        @Override
        public Integer call() throws IOException {
            ConditionFilters.validate(showConditions);
            String format = output == null ? null : output.get(0).toLowerCase(Locale.ROOT);
            if (format != null && !format.equals("svg") && !format.equals("png")) {
                throw new ParameterException(spec.commandLine(),
                        "--output takes svg or png, then the file: --output svg diagram.svg");
            }
            if ("png".equals(format) && output.get(1).equals("-")) {
                throw new ParameterException(spec.commandLine(), "A PNG goes to a file, not to standard output.");
            }
            DescribeOptions options = new DescribeOptions(showConditions, showMachineSets, showTemplates,
                    showResourceSets, echo, grouping, !v1beta2, showMachineHealthChecks);
            try (ManagementTarget.Connection management = target.open()) {
                SnapshotReader reader = new SnapshotReader(new ApiObjectSource(management.client()));
                if (format != null) {
                    writeDiagram(format, (diagramExtras ? reader.withMachineHealthChecks() : reader)
                            .read(management.namespace(), name));
                    return 0;
                }
                SnapshotReader treeReader = showMachineHealthChecks ? reader.withMachineHealthChecks() : reader;
                TreeNode tree = DescribeTreeBuilder.build(treeReader.read(management.namespace(), name), options,
                        Instant.now());
                PrintWriter out = spec.commandLine().getOut();
                out.print(DescribeTable.format(DescribeTable.rows(tree, Instant.now())));
                out.flush();
            }
            return 0;
        }

        private void writeDiagram(String format, ClusterSnapshot snapshot) throws IOException {
            DiagramOptions options = new DiagramOptions(grouping ? DiagramOptions.DEFAULT_GROUP_ABOVE
                    : Integer.MAX_VALUE, Set.of(), diagramExtras);
            LaidOutDiagram diagram = DiagramLayout.layout(DiagramBuilder.build(snapshot, options));
            Palette palette = diagramDark ? Palette.DARK : Palette.LIGHT;
            String file = output.get(1);
            if (format.equals("svg") && file.equals("-")) {
                PrintWriter out = spec.commandLine().getOut();
                out.print(SvgExport.svg(diagram, palette));
                out.flush();
                return;
            }
            Path path = Path.of(file);
            if (format.equals("svg")) {
                Files.writeString(path, SvgExport.svg(diagram, palette), StandardCharsets.UTF_8);
            } else {
                try (OutputStream out = Files.newOutputStream(path)) {
                    PngExport.png(diagram, palette, out);
                }
            }
            spec.commandLine().getErr().printf("Wrote the diagram of Cluster %s/%s (%d objects) to %s%n",
                    snapshot.cluster().namespace(), name, diagram.diagram().nodes().size(), path);
        }
    }
}
