package dev.capiconsole.cli;

import dev.capiconsole.addons.ClusterAddons;
import dev.capiconsole.clusterctl.ClusterctlEnvironment;
import dev.capiconsole.connection.FieldManager;
import dev.capiconsole.install.InitSetup;
import dev.capiconsole.lab.SecretFiles;
import dev.capiconsole.templates.BuiltInTemplates;
import dev.capiconsole.templates.ClusterApplier;
import dev.capiconsole.templates.ClusterClassLookup;
import dev.capiconsole.templates.ClusterGenerator;
import dev.capiconsole.templates.GenerateRequest;
import dev.capiconsole.templates.GeneratedCluster;
import dev.capiconsole.templates.ManagementClusterLookup;
import dev.capiconsole.templates.ManagementClusterLookup.InstalledProvider;
import dev.capiconsole.templates.TemplateFetcher;
import dev.capiconsole.templates.TemplateObjects;
import dev.capiconsole.templates.TemplateSource;
import dev.capiconsole.templates.TemplateVariables;
import dev.capiconsole.templates.VariableListing;
import dev.capiconsole.templates.VariableValues;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code capi-console generate cluster|yaml}: clusterctl's template generation, same flags and output. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Generate YAML from cluster templates, as clusterctl generate does.",
        subcommands = {GenerateCommand.Cluster.class, GenerateCommand.Yaml.class})
final class GenerateCommand {

    @Command(name = "cluster", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Generate the YAML of a workload cluster from a cluster template.",
                "Sources: a provider release (--infrastructure/--flavor), a built-in template (--built-in), a URL "
                        + "or file (--from), or a ConfigMap (--from-config-map).",
                "With --class CLASS: a topology Cluster built from a ClusterClass of the management cluster, its "
                        + "variables set with --set/--set-json and checked against the class's schemas."})
    static final class Cluster implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "NAME", description = "The workload cluster's name.")
        String name;

        @Mixin
        ManagementTarget managementTarget = new ManagementTarget();

        @Option(names = {"-n", "--target-namespace"}, description = "Namespace of the workload cluster "
                + "(default: the kubeconfig context's namespace).")
        String targetNamespace;

        @Option(names = "--kubernetes-version", description = "Kubernetes version, e.g. v1.33.0 (default: "
                + "KUBERNETES_VERSION from the environment or the clusterctl config file).")
        String kubernetesVersion;

        @Option(names = "--control-plane-machine-count", paramLabel = "N",
                description = "Control plane machines (default: CONTROL_PLANE_MACHINE_COUNT, else 1).")
        Long controlPlaneMachineCount;

        @Option(names = "--worker-machine-count", paramLabel = "N",
                description = "Worker machines (default: WORKER_MACHINE_COUNT, else 0).")
        Long workerMachineCount;

        @Option(names = {"-i", "--infrastructure"}, paramLabel = "NAME[:VERSION]",
                description = "Infrastructure provider whose template to use (default: the one installed).")
        String infrastructure;

        @Option(names = {"-f", "--flavor"}, description = "Template flavor (cluster-template-FLAVOR.yaml).")
        String flavor;

        @Option(names = "--built-in", description = "Use the console's own copy of the provider's flavor "
                + "(works offline; see --list-built-in).")
        boolean builtIn;

        @Option(names = "--list-built-in", description = "List the built-in templates and exit.")
        boolean listBuiltIn;

        @Option(names = "--from", paramLabel = "URL|FILE|-", description = "Read the template from a URL, a file, "
                + "or standard input (-).")
        String from;

        @Option(names = "--from-config-map", paramLabel = "NAME", description = "Read the template from a ConfigMap.")
        String configMapName;

        @Option(names = "--from-config-map-namespace", paramLabel = "NS",
                description = "The ConfigMap's namespace (default: the context's).")
        String configMapNamespace;

        @Option(names = "--from-config-map-key", paramLabel = "KEY",
                description = "The ConfigMap key holding the template (default: template).")
        String configMapKey;

        @Option(names = "--list-variables", description = "Print the template's variables instead of the YAML "
                + "(with --class: the class's variables with their schemas).")
        boolean listVariables;

        @Option(names = "--class", paramLabel = "CLASS", description = "Build a topology Cluster from this "
                + "ClusterClass of the management cluster instead of a template (its variables are set with --set).")
        String className;

        @Option(names = "--class-namespace", paramLabel = "NS", description = "With --class: the class's namespace "
                + "(default: the Cluster's).")
        String classNamespace;

        @Option(names = "--set", paramLabel = "VAR=VALUE", description = "With --class: a variable's value, read as "
                + "its schema's type (VAR.field=VALUE sets one field of an object variable); repeatable.")
        List<String> sets = new ArrayList<>();

        @Option(names = "--set-json", paramLabel = "VAR=JSON", description = "With --class: a variable's value as "
                + "JSON (objects, arrays); repeatable.")
        List<String> jsonSets = new ArrayList<>();

        @Option(names = "--worker", paramLabel = "CLASS:NAME:REPLICAS[:FAILURE_DOMAIN]", description = "With --class: "
                + "a worker group of the class's worker class CLASS; repeatable.")
        List<String> workers = new ArrayList<>();

        @Option(names = "--worker-set", paramLabel = "WORKER:VAR=VALUE", description = "With --class: a variable "
                + "override for one worker group; repeatable.")
        List<String> workerSets = new ArrayList<>();

        @Option(names = "--dry-run-server", description = "With --class: ask the server to check the Cluster "
                + "(server-side dry-run create) and print its errors by variable; nothing is created.")
        boolean dryRunServer;

        @Option(names = "--write-to", paramLabel = "FILE", description = "Write the YAML to this file (mode 0600) "
                + "instead of standard output.")
        String writeTo;

        @Mixin
        ReleaseSourceOptions releaseSources = new ReleaseSourceOptions();

        @Mixin
        AddonOptions addons = new AddonOptions();

        @Option(names = "--apply", description = "Apply the objects to the management cluster (server-side apply, "
                + "field manager " + FieldManager.NAME + ") instead of printing them.")
        boolean apply;

        @Option(names = "--create-namespace", description = "With --apply: create the target namespace if it is "
                + "missing.")
        boolean createNamespace;

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            if (listBuiltIn) {
                TextTable table = new TextTable(0, 2);
                table.row("PROVIDER", "FLAVOR", "DESCRIPTION");
                BuiltInTemplates.all().forEach(t -> table.row(t.provider(), t.flavor(), t.description()));
                table.print(out);
                out.flush();
                return 0;
            }
            if (className != null) {
                return fromClass(out);
            }
            if (!sets.isEmpty() || !jsonSets.isEmpty() || !workers.isEmpty() || !workerSets.isEmpty() || dryRunServer
                    || classNamespace != null) {
                throw new IllegalArgumentException("--set, --set-json, --worker, --worker-set, --class-namespace and "
                        + "--dry-run-server go with --class");
            }
            InitSetup setup = releaseSources.setup(spec.commandLine().getErr());
            ClusterctlEnvironment environment = setup.environment();
            ClusterAddons chosenAddons = addons.wanted()
                    ? addons.read(ReleaseSourceOptions.addonSources(setup)) : ClusterAddons.NONE;
            ManagementAccess management = ManagementAccess.of(
                    managementTarget.openIfConfigured(needsManagementCluster() || apply));
            try {
                String namespace = targetNamespace != null ? targetNamespace : management.namespace().orElseThrow(() ->
                        new IllegalArgumentException("no kubeconfig to take the namespace from: give one with "
                                + "--target-namespace"));
                TemplateSource source = source(management);
                VariableValues values = VariableValues.of(environment);
                GenerateRequest request = new GenerateRequest(name, namespace, kubernetesVersion,
                        controlPlaneMachineCount, workerMachineCount, source, Map.of(), chosenAddons);
                ClusterClassLookup lookup = management.lookup().map(l -> (ClusterClassLookup) l)
                        .orElse(ClusterClassLookup.NONE);
                ClusterGenerator generator = new ClusterGenerator(
                        new TemplateFetcher(environment.catalog(), environment.releases(setup.overridesFolders()),
                                () -> System.in, management.client().orElse(null)), lookup);
                if (listVariables) {
                    TemplateFetcher.Fetched fetched = generator.read(source);
                    Map<String, String> variables = new TreeMap<>(TemplateVariables.of(fetched.text()));
                    out.print(VariableListing.of(variables, request, values).text());
                    out.flush();
                    return 0;
                }
                GeneratedCluster generated = generator.generate(request, values);
                reportAdaptations(generated, spec.commandLine().getErr());
                if (apply) {
                    return apply(generated.objects(), management.client().orElseThrow(), out);
                }
                write(generated.yaml(), out);
                return 0;
            } finally {
                management.close();
            }
        }

        private int fromClass(PrintWriter out) throws IOException {
            try (ManagementTarget.Connection connection = managementTarget.open(targetNamespace)) {
                ClassClusterGeneration generation = new ClassClusterGeneration(new ClassClusterGeneration.Options(
                        name, connection.namespace(), className, classNamespace, kubernetesVersion,
                        controlPlaneMachineCount, workerMachineCount, sets, jsonSets, workers, workerSets,
                        listVariables, dryRunServer), connection.client());
                return generation.run(out, spec.commandLine().getErr(), yaml -> write(yaml, out),
                        apply ? objects -> apply(objects, connection.client(), out) : null);
            }
        }

        /** The manifest lines adapted to the cluster, on standard error so that standard output stays YAML. */
        private static void reportAdaptations(GeneratedCluster generated, PrintWriter err) {
            for (ClusterAddons.Preview preview : generated.addonPreviews()) {
                err.println("# add-on " + preview.manifest() + " from " + preview.origin()
                        + (preview.adaptedLines().isEmpty() ? ": not adapted (no pod CIDR to set)" : ":"));
                preview.adaptedLines().forEach(line -> err.println("#   line " + line.number() + ": " + line.after()
                        .strip()));
            }
            err.flush();
        }

        private int apply(List<Map<String, Object>> objects, KubernetesClient client, PrintWriter out) {
            List<ClusterApplier.ObjectResult> results;
            try {
                results = new ClusterApplier(client).apply(objects, createNamespace, result -> {
                    out.println(result.label() + ": " + result.outcome().name().toLowerCase(java.util.Locale.ROOT)
                            + (result.message().isEmpty() ? "" : " - " + result.message()));
                    out.flush();
                });
            } catch (ClusterApplier.MissingNamespacesException e) {
                throw new IllegalArgumentException(e.getMessage().replace("let the console create it",
                        "add --create-namespace"));
            }
            long failed = results.stream().filter(r -> !r.outcome().ok()).count();
            if (failed > 0) {
                spec.commandLine().getErr().println("Error: " + failed + " of " + results.size()
                        + " objects were not applied (see above); the others were. Fix the cause and run the same "
                        + "command again: applying is safe to repeat.");
                return 1;
            }
            return 0;
        }

        private boolean needsManagementCluster() {
            return targetNamespace == null || configMapName != null
                    || (infrastructure == null && from == null && configMapName == null && !builtIn);
        }

        private TemplateSource source(ManagementAccess management) {
            int sources = (from != null ? 1 : 0) + (configMapName != null || configMapNamespace != null
                    || configMapKey != null ? 1 : 0) + (infrastructure != null || flavor != null || builtIn ? 1 : 0);
            if (sources > 1) {
                throw new IllegalArgumentException("invalid cluster template source: only one template can be used "
                        + "at a time (--infrastructure/--flavor/--built-in, --from, or --from-config-map)");
            }
            if (from != null) {
                return new TemplateSource.Location(from);
            }
            if (configMapName != null || configMapNamespace != null || configMapKey != null) {
                if (configMapName == null) {
                    throw new IllegalArgumentException("--from-config-map names the ConfigMap to read");
                }
                return new TemplateSource.ConfigMap(configMapNamespace != null ? configMapNamespace
                        : management.namespace().orElse("default"), configMapName,
                        configMapKey != null ? configMapKey : TemplateSource.ConfigMap.DEFAULT_KEY);
            }
            String provider;
            String version = null;
            if (infrastructure != null) {
                int colon = infrastructure.indexOf(':');
                provider = colon < 0 ? infrastructure : infrastructure.substring(0, colon);
                version = colon < 0 ? null : infrastructure.substring(colon + 1);
            } else {
                List<InstalledProvider> installed = management.lookup().map(ManagementClusterLookup::infrastructureProviders)
                        .orElse(List.of());
                if (installed.size() != 1) {
                    throw new IllegalArgumentException(installed.isEmpty()
                            ? "no infrastructure provider is installed in the management cluster: name one with "
                                    + "--infrastructure (or use --from)"
                            : "several infrastructure providers are installed (" + String.join(", ", installed.stream()
                                    .map(InstalledProvider::name).toList()) + "): name one with --infrastructure");
                }
                provider = installed.get(0).name();
                version = installed.get(0).version();
            }
            if (builtIn) {
                String wanted = flavor == null ? "" : flavor;
                return BuiltInTemplates.find(provider, wanted).<TemplateSource>map(TemplateSource.BuiltIn::new)
                        .orElseThrow(() -> new IllegalArgumentException("there is no built-in template for "
                                + provider + (wanted.isEmpty() ? "" : " flavor " + wanted) + "; built-in: "
                                + String.join(", ", BuiltInTemplates.all().stream().map(t -> t.label()).toList())));
            }
            if (version == null && infrastructure != null) {
                version = management.lookup().flatMap(l -> l.infrastructureProvider(provider))
                        .map(InstalledProvider::version).orElse(null);
            }
            return new TemplateSource.ProviderRelease(provider, version, flavor);
        }

        private void write(String yaml, PrintWriter out) throws IOException {
            if (writeTo == null || writeTo.isBlank() || writeTo.trim().equals("-")) {
                out.print(yaml);
                out.flush();
                return;
            }
            SecretFiles.write(Path.of(writeTo.trim()), yaml);
        }
    }

    @Command(name = "yaml", mixinStandardHelpOptions = true,
            description = "Substitute the variables of any YAML from the environment and the clusterctl config file.")
    static final class Yaml implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--from", paramLabel = "URL|FILE|-", defaultValue = "-",
                description = "Where to read the YAML: a URL, a file, or - for standard input (default).")
        String from;

        @Option(names = "--list-variables", description = "Print the variables instead of the YAML.")
        boolean listVariables;

        @Mixin
        ClusterctlConfigOption config = new ClusterctlConfigOption();

        @Override
        public Integer call() {
            ClusterctlEnvironment environment = config.environment();
            TemplateFetcher.Fetched fetched = TemplateFetcher.of(environment, null, () -> System.in)
                    .fetch(new TemplateSource.Location(from));
            PrintWriter out = spec.commandLine().getOut();
            if (listVariables) {
                GenerateRequest request = new GenerateRequest("", "", null, null, null,
                        new TemplateSource.Location(from), Map.of());
                out.print(VariableListing.of(new TreeMap<>(TemplateVariables.of(fetched.text())), request,
                        VariableValues.none()).text());
            } else {
                VariableValues values = VariableValues.of(environment);
                String text = TemplateVariables.process(fetched.text(), values::get);
                out.print(TemplateObjects.toYaml(TemplateObjects.parse(text, fetched.origin(), false)));
            }
            out.flush();
            return 0;
        }
    }

    /** The management cluster, when one is configured and needed. */
    record ManagementAccess(Optional<ManagementTarget.Connection> connection,
            Optional<ManagementClusterLookup> lookup) {

        static ManagementAccess of(Optional<ManagementTarget.Connection> connection) {
            return new ManagementAccess(connection, connection.map(c -> new ManagementClusterLookup(c.client())));
        }

        Optional<KubernetesClient> client() {
            return connection.map(ManagementTarget.Connection::client);
        }

        Optional<String> namespace() {
            return connection.map(ManagementTarget.Connection::namespace);
        }

        void close() {
            connection.ifPresent(ManagementTarget.Connection::close);
        }
    }
}
