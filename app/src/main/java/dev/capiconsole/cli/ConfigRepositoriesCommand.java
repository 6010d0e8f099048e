package dev.capiconsole.cli;

import dev.capiconsole.clusterctl.ClusterctlEnvironment;
import dev.capiconsole.providers.Provider;
import dev.capiconsole.providers.ProviderCatalog;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code clusterctl config repositories}: the known providers and where their components come from. */
@Command(
        name = "repositories",
        mixinStandardHelpOptions = true,
        description = {
            "Display the list of providers and their repository configurations,",
            "clusterctl's built-in list merged with the providers: section of the clusterctl config file."
        })
final class ConfigRepositoriesCommand implements Callable<Integer> {

    enum Output { text, yaml }

    @Spec
    private CommandSpec spec;

    @Option(names = {"-o", "--output"}, defaultValue = "text",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    private Output output;

    @Option(names = "--config", paramLabel = "FILE",
            description = "The clusterctl config file (default: $XDG_CONFIG_HOME/cluster-api/clusterctl.yaml, "
                    + "else ~/.cluster-api/clusterctl.yaml).")
    private Path config;

    @Override
    public Integer call() {
        ProviderCatalog catalog = ClusterctlEnvironment.ofThisProcess(config).catalog();
        PrintWriter out = spec.commandLine().getOut();
        if (output == Output.yaml) {
            printYaml(catalog.all(), out);
        } else {
            printTable(catalog.all(), out);
        }
        out.flush();
        return 0;
    }

    /** The same columns and padding as clusterctl (Go's tabwriter with minwidth 10, padding 3). */
    static void printTable(List<Provider> providers, PrintWriter out) {
        TextTable table = new TextTable(10, 3);
        table.row("NAME", "TYPE", "URL", "FILE");
        for (Provider p : providers) {
            table.row(p.name(), p.type().clusterctlName(), p.repositoryUrl(), p.componentsFile());
        }
        table.print(out);
    }

    static void printYaml(List<Provider> providers, PrintWriter out) {
        for (Provider p : providers) {
            out.println("- File: " + p.componentsFile());
            out.println("  Name: " + p.name());
            out.println("  ProviderType: " + p.type().clusterctlName());
            out.println("  URL: " + p.repositoryUrl());
        }
    }
}
