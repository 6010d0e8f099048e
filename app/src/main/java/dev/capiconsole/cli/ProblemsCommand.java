package dev.capiconsole.cli;

import dev.capiconsole.install.GoDuration;
import dev.capiconsole.problems.ManagementObjects;
import dev.capiconsole.problems.Problem;
import dev.capiconsole.problems.ProblemOptions;
import dev.capiconsole.problems.ProblemReader;
import dev.capiconsole.problems.Rules;
import dev.capiconsole.topology.HumanDuration;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code capi-console get problems}: the problem rules over one read of the management cluster. */
@Command(name = "problems", mixinStandardHelpOptions = true, description = {
    "List what is wrong on the management cluster, with since when, the evidence (a condition or field) and a "
        + "suggested next step: Machines without a Node, unhealthy control planes, blocked scale-ups, missing "
        + "references, paused or stuck objects, missing kubeconfig Secrets, provider controllers not available..."})
final class ProblemsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ClusterTarget target = new ClusterTarget();

    @Option(names = {"-A", "--all-namespaces"}, description = "Problems of every namespace.")
    boolean allNamespaces;

    @Option(names = "--cluster", paramLabel = "NAME", description = "Only this Cluster's problems (and the "
            + "providers', which hold up every Cluster).")
    String cluster;

    @Option(names = "--provision-timeout", paramLabel = "DURATION", defaultValue = "10m", description = "How long a "
            + "Machine, control plane or rollout may take before it is reported (default: ${DEFAULT-VALUE}).")
    String provisionTimeout;

    @Option(names = "--deletion-timeout", paramLabel = "DURATION", defaultValue = "10m", description = "How long an "
            + "object may stay in deletion before it is reported as stuck (default: ${DEFAULT-VALUE}).")
    String deletionTimeout;

    @Override
    public Integer call() {
        ProblemOptions options = new ProblemOptions(duration("--provision-timeout", provisionTimeout),
                duration("--deletion-timeout", deletionTimeout), ProblemOptions.defaults().certificateWindow());
        PrintWriter out = spec.commandLine().getOut();
        Instant now = Instant.now();
        ManagementObjects objects;
        String scope;
        try (ManagementTarget.Connection connection = target.open()) {
            objects = new ProblemReader(connection.client()).read(allNamespaces ? null : connection.namespace(), now);
            scope = allNamespaces ? "any namespace" : "namespace " + connection.namespace();
        }
        List<Problem> problems = Rules.ofCluster(Rules.evaluate(objects, options), cluster);
        if (problems.isEmpty()) {
            out.println("No problems found in " + (cluster == null ? scope : "Cluster " + cluster + " (" + scope + ")")
                    + ".");
        } else {
            print(problems, now, out);
        }
        objects.notes().forEach(note -> out.println("Note: " + note));
        out.flush();
        return 0;
    }

    private Duration duration(String option, String text) {
        return GoDuration.parse(text).orElseThrow(() -> new ParameterException(spec.commandLine(),
                option + " must be a duration such as 10m or 1h30m, got '" + text + "'"));
    }

    static void print(List<Problem> problems, Instant now, PrintWriter out) {
        TextTable table = new TextTable(0, 2);
        table.row("#", "SEVERITY", "CLUSTER", "OBJECT", "PROBLEM", "SINCE");
        for (int i = 0; i < problems.size(); i++) {
            Problem p = problems.get(i);
            table.row(String.valueOf(i + 1), p.severity().name(), p.cluster().isEmpty() ? "-" : p.cluster(), p.object(),
                    p.what(), p.since() == null ? "-" : HumanDuration.since(p.since(), now));
        }
        table.print(out);
        for (int i = 0; i < problems.size(); i++) {
            Problem p = problems.get(i);
            out.println();
            out.println((i + 1) + ". " + p.object() + ": " + p.what() + " [" + p.ruleId() + "]");
            out.println("   Evidence:  " + p.evidence());
            out.println("   Next step: " + p.nextStep());
        }
    }
}
