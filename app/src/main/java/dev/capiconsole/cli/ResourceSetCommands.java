package dev.capiconsole.cli;

import dev.capiconsole.addons.AddonSources;
import dev.capiconsole.addons.ClusterResourceSets;
import dev.capiconsole.addons.Manifest;
import dev.capiconsole.addons.ResourceSetRow;
import dev.capiconsole.addons.ResourceSetWriter;
import dev.capiconsole.addons.Strategy;
import dev.capiconsole.templates.ClusterApplier;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code capi-console crs create|delete}: ClusterResourceSets written as the quick start writes them by hand. */
@Command(name = "crs", mixinStandardHelpOptions = true,
        description = "Create and delete ClusterResourceSets (list them with 'get crs').",
        subcommands = {ResourceSetCommands.Create.class, ResourceSetCommands.Delete.class})
final class ResourceSetCommands {

    @Command(name = "create", mixinStandardHelpOptions = true, sortOptions = false,
            description = "Create a ClusterResourceSet from manifests: a ConfigMap (or Secret) per manifest, then "
                    + "the set selecting clusters by label.")
    static final class Create implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "NAME", description = "The ClusterResourceSet's name.")
        String name;

        @Mixin
        ClusterTarget target = new ClusterTarget();

        @Option(names = "--cluster-selector", required = true, paramLabel = "KEY=VALUE", split = ",",
                description = "Labels a Cluster must have to be selected.")
        List<String> selector;

        @Option(names = "--from", required = true, paramLabel = "FILE|URL", description = "A manifest (repeatable).")
        List<String> from;

        @Option(names = "--strategy", defaultValue = "ApplyOnce", description = "ApplyOnce (default) or Reconcile.")
        String strategy;

        @Option(names = "--secret", description = "Put the manifests in Secrets of type "
                + ResourceSetWriter.SECRET_TYPE + ", not ConfigMaps.")
        boolean secrets;

        @Option(names = "--label-clusters", paramLabel = "NAME", split = ",", description = "Put the selector's "
                + "labels on these existing Clusters so that the set selects them.")
        List<String> labelClusters = new ArrayList<>();

        @Mixin
        ReleaseSourceOptions sources = new ReleaseSourceOptions();

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            Map<String, String> matchLabels = labels(selector);
            AddonSources addonSources = ReleaseSourceOptions.addonSources(sources.setup(out));
            List<Manifest> manifests = from.stream().map(addonSources::readLocation).toList();
            try (ManagementTarget.Connection connection = target.open()) {
                String namespace = connection.namespace();
                List<Map<String, Object>> objects = ResourceSetWriter.objects(new ResourceSetWriter.Plan(name,
                        namespace, matchLabels, manifests, secrets, Strategy.parse(strategy)));
                ClusterResourceSets sets = new ClusterResourceSets(connection.client());
                List<ClusterApplier.ObjectResult> results = new ClusterApplier(connection.client()).apply(objects,
                        false, result -> out.println(result.label() + ": "
                                + result.outcome().name().toLowerCase(Locale.ROOT)
                                + (result.message().isEmpty() ? "" : " - " + result.message())));
                if (results.stream().anyMatch(r -> !r.outcome().ok())) {
                    spec.commandLine().getErr().println("Error: some objects were not applied (see above); fix the "
                            + "cause and run the same command again.");
                    return 1;
                }
                matchLabels.forEach((key, value) -> sets.label(namespace, labelClusters, key, value));
                labelClusters.forEach(c -> out.println("Cluster " + namespace + "/" + c + " labelled "
                        + String.join(",", selector)));
                List<String> matched = sets.matchingClusters(namespace, matchLabels);
                if (matched.isEmpty()) {
                    spec.commandLine().getErr().println("Warning: the selector " + String.join(",", selector)
                            + " matches no Cluster in " + namespace + " yet; label one (--label-clusters NAME) or it "
                            + "applies to none.");
                } else {
                    out.println("Selects: " + String.join(", ", matched));
                }
            }
            out.flush();
            return 0;
        }

        private static Map<String, String> labels(List<String> pairs) {
            Map<String, String> labels = new LinkedHashMap<>();
            for (String pair : pairs) {
                int equals = pair.indexOf('=');
                if (equals <= 0) {
                    throw new IllegalArgumentException("--cluster-selector takes KEY=VALUE, not '" + pair + "'");
                }
                labels.put(pair.substring(0, equals).trim(), pair.substring(equals + 1).trim());
            }
            return labels;
        }
    }

    @Command(name = "delete", mixinStandardHelpOptions = true,
            description = "Delete a ClusterResourceSet (its ConfigMaps and Secrets stay; what it applied stays in "
                    + "the workload clusters).")
    static final class Delete implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Mixin
        ClusterTarget target = new ClusterTarget();

        @Override
        public Integer call() {
            try (ManagementTarget.Connection connection = target.open()) {
                boolean deleted = new ClusterResourceSets(connection.client()).delete(connection.namespace(), name);
                if (!deleted) {
                    throw new IllegalArgumentException("there is no ClusterResourceSet " + connection.namespace()
                            + "/" + name);
                }
                spec.commandLine().getOut().println("ClusterResourceSet " + connection.namespace() + "/" + name
                        + " deleted");
            }
            spec.commandLine().getOut().flush();
            return 0;
        }
    }

    /** {@code get crs}: one row per set, its clusters with their binding, and the condition's message. */
    static void print(List<ResourceSetRow> rows, PrintWriter out) {
        TextTable table = new TextTable(0, 2);
        table.row("NAMESPACE", "NAME", "SELECTOR", "STRATEGY", "RESOURCES", "CLUSTERS", "APPLIED", "MESSAGE");
        for (ResourceSetRow row : rows) {
            table.row(row.namespace(), row.name(), row.selector(), row.strategy(), String.join(",", row.resources()),
                    row.clusters().isEmpty() ? "(none)" : String.join(", ", row.clusters().stream()
                            .map(c -> c.cluster() + " " + c.state()).toList()),
                    row.appliedStatus().isEmpty() ? "-" : row.appliedStatus(),
                    row.appliedMessage().replace('\n', ' '));
        }
        table.print(out);
    }
}
