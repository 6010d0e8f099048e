package dev.capiconsole.cli;

import dev.capiconsole.clusterclass.ClusterClassModel;
import dev.capiconsole.clusterclass.ClusterClasses;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code capi-console get clusterclasses [NAME]}: the ClusterClasses of the management cluster. */
@Command(name = "clusterclasses", aliases = {"clusterclass", "cc"}, mixinStandardHelpOptions = true,
        description = {"List ClusterClasses: variables, control-plane and worker classes, Kubernetes versions and "
                + "the Clusters using each.", "With NAME (or --variables): the class's variables with type, "
                + "required, default, description and where its patches use them."})
final class ClusterClassesCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "NAME", description = "One class: print its variables.")
    String name;

    @Mixin
    ManagementTarget management = new ManagementTarget();

    @Option(names = {"-n", "--namespace"}, description = "The classes' namespace (default: the context's).")
    String namespace;

    @Option(names = {"-A", "--all-namespaces"}, description = "Classes of every namespace.")
    boolean allNamespaces;

    @Option(names = "--variables", description = "Print the variables of every class listed.")
    boolean variables;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (ManagementTarget.Connection connection = management.open(namespace)) {
            ClusterClasses classes = new ClusterClasses(connection.client());
            if (name != null) {
                ClusterClassModel model = classes.get(connection.namespace(), name).orElseThrow(() ->
                        new IllegalArgumentException("there is no ClusterClass " + name + " in namespace "
                                + connection.namespace()));
                ClusterClassText.details(model, out);
                out.flush();
                return 0;
            }
            List<ClusterClassModel> found = classes.list(allNamespaces ? null : connection.namespace());
            if (found.isEmpty()) {
                out.println("No ClusterClasses" + (allNamespaces ? "" : " in " + connection.namespace()) + ".");
            } else if (variables) {
                for (int i = 0; i < found.size(); i++) {
                    if (i > 0) {
                        out.println();
                    }
                    ClusterClassText.details(found.get(i), out);
                }
            } else {
                ClusterClassText.table(found, out);
            }
        }
        out.flush();
        return 0;
    }
}
