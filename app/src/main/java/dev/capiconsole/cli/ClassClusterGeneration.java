package dev.capiconsole.cli;

import dev.capiconsole.clusterclass.ClusterClassModel;
import dev.capiconsole.clusterclass.ClusterClasses;
import dev.capiconsole.clusterclass.SchemaError;
import dev.capiconsole.clusterclass.ServerDryRun;
import dev.capiconsole.clusterclass.TopologyClusterBuilder;
import dev.capiconsole.clusterclass.TopologyRequest;
import dev.capiconsole.clusterclass.VariableInput;
import dev.capiconsole.clusterclass.WorkerTopology;
import dev.capiconsole.templates.TemplateObjects;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code generate cluster NAME --class CLASS}: a topology Cluster built from a ClusterClass of the management
 * cluster, its variables typed on the command line ({@code --set}, {@code --set-json}), checked locally against the
 * class's schemas, then printed, dry-run on the server, or applied.
 */
final class ClassClusterGeneration {

    /** What the command line asked for. */
    record Options(String name, String namespace, String className, String classNamespace, String version,
            Long controlPlaneCount, Long workerCount, List<String> sets, List<String> jsonSets, List<String> workers,
            List<String> overrides, boolean listVariables, boolean dryRunServer) {
    }

    private final Options options;
    private final KubernetesClient client;

    ClassClusterGeneration(Options options, KubernetesClient client) {
        this.options = options;
        this.client = client;
    }

    ClusterClassModel model() {
        String namespace = options.classNamespace() != null ? options.classNamespace() : options.namespace();
        return new ClusterClasses(client).get(namespace, options.className()).orElseThrow(() ->
                new IllegalArgumentException("there is no ClusterClass " + options.className() + " in namespace "
                        + namespace + "; list them with: capi-console get clusterclasses -A"));
    }

    /** Prints the variables, or the server's verdict, or writes the Cluster's YAML; the exit code. */
    int run(PrintWriter out, PrintWriter err, YamlOutput yaml, ClusterApply apply) throws IOException {
        ClusterClassModel model = model();
        if (options.listVariables()) {
            ClusterClassText.details(model, out);
            out.flush();
            return 0;
        }
        TopologyClusterBuilder builder = new TopologyClusterBuilder(model);
        TopologyRequest request = request(model);
        List<SchemaError> problems = builder.check(request);
        if (!problems.isEmpty()) {
            err.println("Error: the Cluster does not fit the class " + model.name() + " (" + problems.size()
                    + (problems.size() == 1 ? " problem" : " problems") + "); nothing was applied:");
            problems.forEach(p -> err.println("  " + p));
            err.flush();
            return 1;
        }
        Map<String, Object> cluster = builder.build(request);
        if (options.dryRunServer()) {
            List<SchemaError> refused = new ServerDryRun(client).create(cluster);
            if (refused.isEmpty()) {
                out.println("The server accepts Cluster " + request.namespace() + "/" + request.name()
                        + " (dry-run: nothing was created).");
                out.flush();
                return 0;
            }
            err.println("Error: the server refuses Cluster " + request.namespace() + "/" + request.name()
                    + " (dry-run: nothing was created):");
            for (SchemaError error : refused) {
                Optional<String> variable = ServerDryRun.variableOf(error);
                err.println("  " + variable.map(v -> "variable " + v + ": ").orElse("") + error);
            }
            err.flush();
            return 1;
        }
        if (apply != null) {
            return apply.apply(List.of(cluster));
        }
        yaml.write(TemplateObjects.toYaml(List.of(cluster)));
        return 0;
    }

    /** Where the YAML goes (GenerateCommand's standard output or --write-to file). */
    interface YamlOutput {
        void write(String yaml) throws IOException;
    }

    /** Applies objects and returns the exit code (GenerateCommand's server-side apply). */
    interface ClusterApply {
        int apply(List<Map<String, Object>> objects);
    }

    private TopologyRequest request(ClusterClassModel model) {
        Map<String, Object> values = new LinkedHashMap<>();
        options.jsonSets().forEach(set -> VariableInput.set(values, model, set, true));
        options.sets().forEach(set -> VariableInput.set(values, model, set, false));
        Map<String, Map<String, Object>> overrides = new LinkedHashMap<>();
        for (String override : options.overrides()) {
            int colon = override.indexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("--worker-set " + override + ": use WORKER:VAR=VALUE");
            }
            VariableInput.set(overrides.computeIfAbsent(override.substring(0, colon), k -> new LinkedHashMap<>()),
                    model, override.substring(colon + 1), false);
        }
        List<WorkerTopology> workers = new ArrayList<>();
        for (String worker : options.workers()) {
            workers.add(worker(worker, overrides));
        }
        overrides.keySet().stream().filter(w -> workers.stream().noneMatch(t -> t.name().equals(w))).findFirst()
                .ifPresent(w -> {
                    throw new IllegalArgumentException("--worker-set names worker " + w + ", which no --worker adds");
                });
        if (workers.isEmpty() && options.workerCount() != null && !model.machineDeploymentClasses().isEmpty()) {
            workers.add(new WorkerTopology(model.machineDeploymentClasses().get(0).name(), "md-0",
                    options.workerCount().intValue(), null, null));
        }
        String version = options.version() != null ? options.version()
                : model.kubernetesVersions().isEmpty() ? null
                : model.kubernetesVersions().get(model.kubernetesVersions().size() - 1);
        return new TopologyRequest(options.name(), options.namespace(), model.name(),
                options.classNamespace() == null || options.classNamespace().equals(options.namespace()) ? ""
                        : options.classNamespace(), version,
                options.controlPlaneCount() == null ? null : options.controlPlaneCount().intValue(), workers, values);
    }

    /** {@code CLASS:NAME:REPLICAS[:FAILURE_DOMAIN]}. */
    private static WorkerTopology worker(String text, Map<String, Map<String, Object>> overrides) {
        String[] parts = text.split(":", -1);
        if (parts.length < 2 || parts.length > 4) {
            throw new IllegalArgumentException("--worker " + text + ": use CLASS:NAME:REPLICAS[:FAILURE_DOMAIN]");
        }
        Integer replicas = null;
        if (parts.length > 2 && !parts[2].isEmpty()) {
            try {
                replicas = Integer.parseInt(parts[2]);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--worker " + text + ": REPLICAS must be a whole number");
            }
        }
        return new WorkerTopology(parts[0], parts[1], replicas, parts.length > 3 ? parts[3] : null,
                overrides.get(parts[1]));
    }
}
