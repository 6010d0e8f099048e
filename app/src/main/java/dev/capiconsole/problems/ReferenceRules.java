package dev.capiconsole.problems;

import dev.capiconsole.topology.CapiObject;
import dev.capiconsole.topology.ObjectRef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Objects whose references (infrastructure, bootstrap, control plane, templates, class) point at nothing. */
final class ReferenceRules {

    /** The reference fields each core kind has, as paths. */
    static final Map<String, List<List<String>>> REFERENCES = Map.of(
            "Cluster", List.of(List.of("spec", "infrastructureRef"), List.of("spec", "controlPlaneRef")),
            "Machine", List.of(List.of("spec", "infrastructureRef"), List.of("spec", "bootstrap", "configRef")),
            "MachineSet", List.of(List.of("spec", "template", "spec", "infrastructureRef"),
                    List.of("spec", "template", "spec", "bootstrap", "configRef")),
            "MachineDeployment", List.of(List.of("spec", "template", "spec", "infrastructureRef"),
                    List.of("spec", "template", "spec", "bootstrap", "configRef")));

    private ReferenceRules() {
    }

    /** Every reference of an object, with its field path. */
    static Map<String, ObjectRef> references(CapiObject object) {
        Map<String, ObjectRef> refs = new LinkedHashMap<>();
        for (List<String> path : REFERENCES.getOrDefault(object.kind(), List.of())) {
            ObjectRef ref = ObjectRef.of(object.map(path.toArray(String[]::new)), object.namespace());
            if (ref != null && !ref.name().isEmpty() && !ref.kind().isEmpty()) {
                refs.put(String.join(".", path), ref);
            }
        }
        if (object.kind().equals("Cluster") && !object.text("spec", "topology", "classRef", "name").isEmpty()) {
            String namespace = object.text("spec", "topology", "classRef", "namespace");
            refs.put("spec.topology.classRef", new ObjectRef(ManagementObjects.CORE, "ClusterClass",
                    namespace.isEmpty() ? object.namespace() : namespace, object.text("spec", "topology", "classRef",
                    "name")));
        }
        return refs;
    }

    static List<Problem> missing(Rule rule, ManagementObjects objects, ProblemOptions options) {
        List<Problem> problems = new ArrayList<>();
        for (String kind : List.of("Cluster", "MachineDeployment", "MachineSet", "Machine")) {
            for (CapiObject object : objects.core(kind)) {
                if (object.deleting()) {
                    continue;
                }
                references(object).forEach((field, ref) -> {
                    boolean served = objects.served(ref.apiGroup(), ref.kind());
                    // A Cluster's infrastructure kind that is not served is the missing-provider rule's problem.
                    if (!served && field.equals("spec.infrastructureRef") && kind.equals("Cluster")) {
                        return;
                    }
                    if (served && (!objects.read(ref.apiGroup(), ref.kind()) || !objects.covers(ref.namespace())
                            || objects.find(ref) != null)) {
                        return;
                    }
                    String target = ref.kind() + " " + ref.namespace() + "/" + ref.name();
                    String evidence = field + " = " + ref.kind() + "/" + ref.name() + " (" + ref.apiGroup() + "): "
                            + (served ? "no such object in namespace " + ref.namespace()
                            : "the server serves no kind " + ref.kind() + " in " + ref.apiGroup());
                    String plural = ref.kind().toLowerCase(Locale.ROOT) + "." + ref.apiGroup();
                    problems.add(Facts.problem(rule, Severity.ERROR, object, "References " + target
                            + ", which does not exist", Facts.created(object), evidence, served
                            ? "Create it, or point " + field + " at an existing one: kubectl get " + plural
                                    + Facts.namespaceFlag(ref.namespace())
                            : "Install the provider that serves " + ref.kind() + " (capi-console get providers)"));
                });
            }
        }
        return problems;
    }
}
