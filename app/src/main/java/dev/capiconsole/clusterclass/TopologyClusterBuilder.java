package dev.capiconsole.clusterclass;

import dev.capiconsole.templates.KubernetesNames;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Builds a topology Cluster (v1beta2; v1beta1 for a class served as v1beta1) from a {@link ClusterClassModel} and a
 * {@link TopologyRequest}, after checking the request as the Cluster webhook would: the version among the class's
 * {@code kubernetesVersions} when it lists any, known worker classes, unique worker names, declared variables, set
 * values valid against their schemas once defaulted, and required variables set or defaulted. Only what the request
 * sets is written: the server fills in the defaults.
 */
public final class TopologyClusterBuilder {

    static final String VARIABLES_PATH = "spec.topology.variables";

    private final ClusterClassModel model;

    public TopologyClusterBuilder(ClusterClassModel model) {
        this.model = model;
    }

    /** Every problem of the request, at its field; empty when the Cluster can be built. */
    public List<SchemaError> check(TopologyRequest request) {
        List<SchemaError> errors = new ArrayList<>();
        KubernetesNames.clusterNameProblem(request.name()).ifPresent(p ->
                errors.add(new SchemaError("metadata.name", "name", p)));
        KubernetesNames.namespaceProblem(request.namespace()).ifPresent(p ->
                errors.add(new SchemaError("metadata.namespace", "namespace", p)));
        checkVersion(request.version(), errors);
        if (request.controlPlaneReplicas() != null && request.controlPlaneReplicas() < 0) {
            errors.add(new SchemaError("spec.topology.controlPlane.replicas", "minimum", "must not be negative"));
        }
        errors.addAll(checkVariables(request.variables(), VARIABLES_PATH, true));
        Set<String> names = new HashSet<>();
        for (WorkerTopology worker : request.workers()) {
            Optional<WorkerClass> workerClass = model.workerClass(worker.className());
            String path = workersPath(workerClass.map(WorkerClass::kind).orElse(WorkerClass.Kind.MACHINE_DEPLOYMENT))
                    + "[" + worker.name() + "]";
            if (workerClass.isEmpty()) {
                errors.add(new SchemaError(path + ".class", "class", "the class " + model.name() + " has no worker "
                        + "class " + worker.className() + "; it has: " + String.join(", ", model.workerClasses()
                        .stream().map(WorkerClass::label).toList())));
            }
            if (!names.add(worker.name())) {
                errors.add(new SchemaError(path + ".name", "unique", "another worker group is named " + worker.name()));
            }
            KubernetesNames.namespaceProblem(worker.name()).ifPresent(p -> errors.add(new SchemaError(path + ".name",
                    "name", p.replace("namespace", "worker name"))));
            if (worker.replicas() != null && worker.replicas() < 0) {
                errors.add(new SchemaError(path + ".replicas", "minimum", "must not be negative"));
            }
            errors.addAll(checkVariables(worker.overrides(), path + ".variables.overrides", false));
        }
        return errors;
    }

    /** The Cluster object; fails with every problem when {@link #check} finds any. */
    public Map<String, Object> build(TopologyRequest request) {
        List<SchemaError> errors = check(request);
        if (!errors.isEmpty()) {
            throw new InvalidTopologyException(errors);
        }
        return unchecked(request);
    }

    /** The Cluster object as requested, not checked: for asking the server about values the console refuses. */
    public Map<String, Object> unchecked(TopologyRequest request) {
        Map<String, Object> topology = new LinkedHashMap<>();
        if (model.v1beta1()) {
            topology.put("class", request.className());
            if (!request.classNamespace().isEmpty()) {
                topology.put("classNamespace", request.classNamespace());
            }
        } else {
            Map<String, Object> classRef = new LinkedHashMap<>();
            classRef.put("name", request.className());
            if (!request.classNamespace().isEmpty()) {
                classRef.put("namespace", request.classNamespace());
            }
            topology.put("classRef", classRef);
        }
        topology.put("version", request.version());
        if (request.controlPlaneReplicas() != null) {
            topology.put("controlPlane", Map.of("replicas", request.controlPlaneReplicas()));
        }
        Map<String, Object> workers = workers(request.workers());
        if (!workers.isEmpty()) {
            topology.put("workers", workers);
        }
        if (!request.variables().isEmpty()) {
            topology.put("variables", variableList(request.variables()));
        }
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("name", request.name());
        metadata.put("namespace", request.namespace());
        Map<String, Object> cluster = new LinkedHashMap<>();
        cluster.put("apiVersion", model.v1beta1() ? "cluster.x-k8s.io/v1beta1" : "cluster.x-k8s.io/v1beta2");
        cluster.put("kind", "Cluster");
        cluster.put("metadata", metadata);
        cluster.put("spec", Map.of("topology", topology));
        return cluster;
    }

    /**
     * The problems of variable values under {@code path} ({@code spec.topology.variables} or a worker's overrides):
     * undefined names, values that break their schema once defaulted, and (for the Cluster's own variables)
     * required variables that are neither set nor defaulted.
     */
    public List<SchemaError> checkVariables(Map<String, Object> values, String path, boolean checkRequired) {
        List<SchemaError> errors = new ArrayList<>();
        if (checkRequired) {
            for (ClassVariable variable : model.variables()) {
                if (variable.required() && !values.containsKey(variable.name())
                        && variable.schema().defaultForMissing().isEmpty()) {
                    errors.add(new SchemaError(path, "required", "required variable \"" + variable.name()
                            + "\" must be set"));
                }
            }
        }
        values.forEach((name, value) -> {
            Optional<ClassVariable> variable = model.variable(name);
            if (variable.isEmpty()) {
                errors.add(new SchemaError(path + "[" + name + "]", "defined", "variable is not defined in the class "
                        + model.name()));
                return;
            }
            VariableSchema schema = variable.get().schema();
            errors.addAll(schema.validate(schema.withDefaults(value), path + "[" + name + "].value"));
        });
        return errors;
    }

    private void checkVersion(String version, List<SchemaError> errors) {
        if (version == null || version.isEmpty()) {
            errors.add(new SchemaError("spec.topology.version", "required", "a Kubernetes version is needed"
                    + (model.kubernetesVersions().isEmpty() ? "" : "; the class allows "
                    + String.join(", ", model.kubernetesVersions()))));
            return;
        }
        KubernetesNames.versionProblem(version).ifPresent(p ->
                errors.add(new SchemaError("spec.topology.version", "version", p)));
        if (!model.kubernetesVersions().isEmpty() && !model.kubernetesVersions().contains(version)) {
            errors.add(new SchemaError("spec.topology.version", "kubernetesVersions", "version must be one of the "
                    + "versions of the class " + model.name() + ": " + String.join(", ", model.kubernetesVersions())));
        }
    }

    private Map<String, Object> workers(List<WorkerTopology> requested) {
        Map<String, Object> workers = new LinkedHashMap<>();
        for (WorkerTopology worker : requested) {
            WorkerClass.Kind kind = model.workerClass(worker.className()).map(WorkerClass::kind)
                    .orElse(WorkerClass.Kind.MACHINE_DEPLOYMENT);
            Map<String, Object> group = new LinkedHashMap<>();
            group.put("class", worker.className());
            group.put("name", worker.name());
            if (worker.replicas() != null) {
                group.put("replicas", worker.replicas());
            }
            if (!worker.failureDomain().isEmpty()) {
                if (kind == WorkerClass.Kind.MACHINE_POOL) {
                    group.put("failureDomains", List.of(worker.failureDomain()));
                } else {
                    group.put("failureDomain", worker.failureDomain());
                }
            }
            if (!worker.overrides().isEmpty()) {
                group.put("variables", Map.of("overrides", variableList(worker.overrides())));
            }
            String key = kind == WorkerClass.Kind.MACHINE_POOL ? "machinePools" : "machineDeployments";
            @SuppressWarnings("unchecked")
            List<Object> groups = (List<Object>) workers.computeIfAbsent(key, k -> new ArrayList<>());
            groups.add(group);
        }
        return workers;
    }

    private static List<Map<String, Object>> variableList(Map<String, Object> values) {
        List<Map<String, Object>> list = new ArrayList<>();
        values.forEach((name, value) -> {
            Map<String, Object> variable = new LinkedHashMap<>();
            variable.put("name", name);
            variable.put("value", JsonValues.copy(value));
            list.add(variable);
        });
        return list;
    }

    static String workersPath(WorkerClass.Kind kind) {
        return "spec.topology.workers." + (kind == WorkerClass.Kind.MACHINE_POOL ? "machinePools" : "machineDeployments");
    }
}
