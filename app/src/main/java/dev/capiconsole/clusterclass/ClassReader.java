package dev.capiconsole.clusterclass;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a ClusterClass object (v1beta2, or v1beta1 from older management clusters) and the Clusters of the
 * management cluster into a {@link ClusterClassModel}; pure.
 */
public final class ClassReader {

    private static final String BUILTIN = "builtin";
    private static final Pattern TEMPLATE_ACTION = Pattern.compile("\\{\\{(.*?)}}", Pattern.DOTALL);
    /** A top-level name in a Go template action: {@code .name} not preceded by a name, an index or a call. */
    private static final Pattern TEMPLATE_NAME = Pattern.compile("(?<![\\w\\])$])\\.([A-Za-z_][\\w-]*)");

    private ClassReader() {
    }

    public static ClusterClassModel read(Map<String, Object> clusterClass, List<Map<String, Object>> clusters) {
        String namespace = string(clusterClass, "metadata", "namespace");
        String name = string(clusterClass, "metadata", "name");
        List<Map<String, Object>> patches = maps(get(clusterClass, "spec", "patches"));
        List<ClassVariable> variables = new ArrayList<>();
        Map<String, List<VariableUse>> uses = uses(patches);
        for (Definition definition : definitions(clusterClass)) {
            variables.add(new ClassVariable(definition.name(), definition.required(), definition.schema(),
                    definition.from(), uses.getOrDefault(definition.name(), List.of())));
        }
        return new ClusterClassModel(namespace, name, string(clusterClass, "apiVersion"), List.copyOf(variables),
                controlPlane(clusterClass), workerClasses(clusterClass),
                strings(get(clusterClass, "spec", "kubernetesVersions")), clustersUsing(namespace, name, clusters));
    }

    private record Definition(String name, boolean required, VariableSchema schema, String from) {
    }

    /** The effective definitions: the status's (inline and external) when reconciled, else the spec's. */
    @SuppressWarnings("unchecked")
    private static List<Definition> definitions(Map<String, Object> clusterClass) {
        List<Definition> definitions = new ArrayList<>();
        for (Map<String, Object> status : maps(get(clusterClass, "status", "variables"))) {
            List<Map<String, Object>> candidates = maps(status.get("definitions"));
            if (!candidates.isEmpty()) {
                Map<String, Object> first = candidates.get(0);
                definitions.add(new Definition(String.valueOf(status.get("name")), Boolean.TRUE.equals(
                        first.get("required")), new VariableSchema((Map<String, Object>) get(first, "schema",
                        "openAPIV3Schema")), first.get("from") instanceof String from ? from : "inline"));
            }
        }
        if (!definitions.isEmpty()) {
            // The status lists variables by name; the class's own order is the author's, so inline ones keep it.
            List<String> specOrder = maps(get(clusterClass, "spec", "variables")).stream()
                    .map(v -> String.valueOf(v.get("name"))).toList();
            definitions.sort(Comparator.comparingInt(d -> specOrder.contains(d.name()) ? specOrder.indexOf(d.name())
                    : specOrder.size()));
            return definitions;
        }
        for (Map<String, Object> variable : maps(get(clusterClass, "spec", "variables"))) {
            definitions.add(new Definition(String.valueOf(variable.get("name")), Boolean.TRUE.equals(
                    variable.get("required")), new VariableSchema((Map<String, Object>) get(variable, "schema",
                    "openAPIV3Schema")), "inline"));
        }
        return definitions;
    }

    /** Every variable the inline patches read, by variable name, builtin ones left out. */
    static Map<String, List<VariableUse>> uses(List<Map<String, Object>> patches) {
        Map<String, List<VariableUse>> uses = new LinkedHashMap<>();
        for (Map<String, Object> patch : patches) {
            String patchName = String.valueOf(patch.get("name"));
            if (patch.get("enabledIf") instanceof String enabledIf) {
                templateNames(enabledIf).forEach(variable -> uses.computeIfAbsent(variable, k -> new ArrayList<>())
                        .add(new VariableUse(patchName, "enabledIf", "template")));
            }
            for (Map<String, Object> definition : maps(patch.get("definitions"))) {
                String kind = string(definition, "selector", "kind");
                for (Map<String, Object> jsonPatch : maps(definition.get("jsonPatches"))) {
                    String target = (kind.isEmpty() ? "" : kind + " ") + jsonPatch.get("path");
                    if (get(jsonPatch, "valueFrom", "variable") instanceof String reference) {
                        String variable = topLevelName(reference);
                        if (!variable.equals(BUILTIN)) {
                            uses.computeIfAbsent(variable, k -> new ArrayList<>())
                                    .add(new VariableUse(patchName, target, reference));
                        }
                    }
                    if (get(jsonPatch, "valueFrom", "template") instanceof String template) {
                        templateNames(template).forEach(variable -> uses.computeIfAbsent(variable,
                                k -> new ArrayList<>()).add(new VariableUse(patchName, target, "template")));
                    }
                }
            }
        }
        return uses;
    }

    /** {@code imageRepository} of {@code imageRepository.registry} or {@code images[0]}. */
    static String topLevelName(String reference) {
        int end = reference.length();
        for (char stop : new char[] {'.', '['}) {
            int index = reference.indexOf(stop);
            if (index >= 0 && index < end) {
                end = index;
            }
        }
        return reference.substring(0, end);
    }

    /** The top-level names a Go template reads ({@code {{ .registry.host }}} reads {@code registry}), builtin out. */
    static Set<String> templateNames(String template) {
        Set<String> names = new LinkedHashSet<>();
        Matcher action = TEMPLATE_ACTION.matcher(template);
        while (action.find()) {
            Matcher name = TEMPLATE_NAME.matcher(action.group(1));
            while (name.find()) {
                if (!name.group(1).equals(BUILTIN)) {
                    names.add(name.group(1));
                }
            }
        }
        return names;
    }

    private static ControlPlaneClass controlPlane(Map<String, Object> clusterClass) {
        Object controlPlane = get(clusterClass, "spec", "controlPlane");
        return new ControlPlaneClass(refField(controlPlane, "kind"), refField(controlPlane, "name"),
                refField(get(controlPlane, "machineInfrastructure"), "kind"));
    }

    private static List<WorkerClass> workerClasses(Map<String, Object> clusterClass) {
        List<WorkerClass> classes = new ArrayList<>();
        for (Map<String, Object> md : maps(get(clusterClass, "spec", "workers", "machineDeployments"))) {
            classes.add(workerClass(WorkerClass.Kind.MACHINE_DEPLOYMENT, md));
        }
        for (Map<String, Object> mp : maps(get(clusterClass, "spec", "workers", "machinePools"))) {
            classes.add(workerClass(WorkerClass.Kind.MACHINE_POOL, mp));
        }
        return List.copyOf(classes);
    }

    private static WorkerClass workerClass(WorkerClass.Kind kind, Map<String, Object> worker) {
        // v1beta1 nests the templates under "template".
        Object templates = worker.get("template") instanceof Map<?, ?> template ? template : worker;
        return new WorkerClass(kind, String.valueOf(worker.get("class")), refField(get(templates, "bootstrap"), "kind"),
                refField(get(templates, "infrastructure"), "kind"));
    }

    /** A field of a class's template reference: v1beta2 {@code templateRef}, v1beta1 {@code ref}. */
    private static String refField(Object holder, String field) {
        Object value = get(holder, "templateRef", field);
        if (value == null) {
            value = get(holder, "ref", field);
        }
        return value instanceof String text ? text : "";
    }

    private static List<String> clustersUsing(String namespace, String name, List<Map<String, Object>> clusters) {
        List<String> using = new ArrayList<>();
        for (Map<String, Object> cluster : clusters) {
            String clusterNamespace = string(cluster, "metadata", "namespace");
            Object topology = get(cluster, "spec", "topology");
            String className = string(topology, "classRef", "name");
            String classNamespace = string(topology, "classRef", "namespace");
            if (className.isEmpty()) {
                className = string(topology, "class");
                classNamespace = string(topology, "classNamespace");
            }
            String effectiveNamespace = classNamespace.isEmpty() ? clusterNamespace : classNamespace;
            if (className.equals(name) && effectiveNamespace.equals(namespace)) {
                using.add(clusterNamespace + "/" + string(cluster, "metadata", "name"));
            }
        }
        return List.copyOf(using);
    }

    static Object get(Object object, String... path) {
        Object current = object;
        for (String key : path) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(key);
        }
        return current;
    }

    private static String string(Object object, String... path) {
        return get(object, path) instanceof String text ? text : "";
    }

    private static List<String> strings(Object list) {
        return list instanceof List<?> items ? items.stream().map(String::valueOf).toList() : List.of();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> maps(Object list) {
        return list instanceof List<?> items ? items.stream().filter(Map.class::isInstance)
                .map(m -> (Map<String, Object>) m).toList() : List.of();
    }
}
