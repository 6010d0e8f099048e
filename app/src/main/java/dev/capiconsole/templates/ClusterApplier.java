package dev.capiconsole.templates;

import dev.capiconsole.connection.FieldManager;
import dev.capiconsole.connection.ServerErrors;
import dev.capiconsole.topology.CapiObject;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Applies generated objects with server-side apply (field manager {@code capi-console}), one by one, and says
 * for each what happened. A failure does not stop the others; applying the same objects again is safe.
 */
public final class ClusterApplier {

    public enum Outcome {
        CREATED, CONFIGURED, UNCHANGED, FAILED;

        public boolean ok() {
            return this != FAILED;
        }
    }

    public record ObjectResult(String kind, String namespace, String name, Outcome outcome, String message) {
        public String label() {
            return CapiObject.display(kind, namespace, name);
        }
    }

    /** Namespaces that the objects need and the cluster lacks. */
    public static final class MissingNamespacesException extends RuntimeException {
        private final List<String> namespaces;

        MissingNamespacesException(List<String> namespaces) {
            super((namespaces.size() == 1 ? "the namespace " + namespaces.get(0) + " does not exist"
                    : "the namespaces " + String.join(", ", namespaces) + " do not exist")
                    + " in the management cluster: create it first, or let the console create it");
            this.namespaces = List.copyOf(namespaces);
        }

        public List<String> namespaces() {
            return namespaces;
        }
    }

    /**
     * Kinds applied first: what other objects refer to. Templates come before their ClusterClass, so that an apply
     * cut off half way never leaves a ClusterClass without its templates (a re-run would take the class as there).
     */
    private static final List<String> FIRST = List.of("Namespace", "CustomResourceDefinition", "Secret", "ConfigMap");

    private final KubernetesClient client;
    private final KubernetesSerialization serialization = new KubernetesSerialization();

    public ClusterApplier(KubernetesClient client) {
        this.client = client;
    }

    /** The namespaces the objects live in that do not exist yet. */
    public List<String> missingNamespaces(List<Map<String, Object>> objects) {
        Set<String> declared = new LinkedHashSet<>();
        Set<String> needed = new LinkedHashSet<>();
        for (Map<String, Object> object : objects) {
            Map<?, ?> metadata = metadata(object);
            if ("Namespace".equals(object.get("kind"))) {
                declared.add(String.valueOf(metadata.get("name")));
            } else if (metadata.get("namespace") instanceof String namespace && !namespace.isEmpty()) {
                needed.add(namespace);
            }
        }
        needed.removeAll(declared);
        List<String> missing = new ArrayList<>();
        for (String namespace : needed) {
            if (client.namespaces().withName(namespace).get() == null) {
                missing.add(namespace);
            }
        }
        return missing;
    }

    /**
     * Applies every object, reporting each result as it comes. Missing namespaces are created first when
     * {@code createNamespaces} is set; otherwise nothing is applied and {@link MissingNamespacesException} says
     * which are missing.
     */
    public List<ObjectResult> apply(List<Map<String, Object>> objects, boolean createNamespaces,
            Consumer<ObjectResult> progress) {
        List<ObjectResult> results = new ArrayList<>();
        List<String> missing = missingNamespaces(objects);
        if (!missing.isEmpty() && !createNamespaces) {
            throw new MissingNamespacesException(missing);
        }
        for (String namespace : missing) {
            ObjectResult result;
            try {
                client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(namespace)
                        .endMetadata().build()).create();
                result = new ObjectResult("Namespace", "", namespace, Outcome.CREATED, "");
            } catch (KubernetesClientException e) {
                result = new ObjectResult("Namespace", "", namespace, Outcome.FAILED, ServerErrors.explain(e));
            }
            results.add(result);
            progress.accept(result);
        }
        for (Map<String, Object> object : inApplyOrder(objects)) {
            ObjectResult result = applyOne(object);
            results.add(result);
            progress.accept(result);
        }
        return results;
    }

    static List<Map<String, Object>> inApplyOrder(List<Map<String, Object>> objects) {
        List<Map<String, Object>> ordered = new ArrayList<>(objects);
        ordered.sort(Comparator.comparingInt(o -> {
            int index = FIRST.indexOf(String.valueOf(o.get("kind")));
            if (index >= 0) {
                return index;
            }
            String kind = String.valueOf(o.get("kind"));
            if (kind.endsWith("Template")) {
                return FIRST.size();
            }
            return kind.equals("ClusterClass") ? FIRST.size() + 1 : FIRST.size() + 2;
        }));
        return ordered;
    }

    private ObjectResult applyOne(Map<String, Object> object) {
        String kind = String.valueOf(object.get("kind"));
        Map<?, ?> metadata = metadata(object);
        String name = String.valueOf(metadata.get("name"));
        String namespace = metadata.get("namespace") instanceof String ns ? ns : "";
        GenericKubernetesResource resource = serialization.convertValue(object, GenericKubernetesResource.class);
        try {
            var existing = namespace.isEmpty() ? client.resource(resource).get()
                    : client.resource(resource).inNamespace(namespace).get();
            var applied = (namespace.isEmpty() ? client.resource(resource) : client.resource(resource)
                    .inNamespace(namespace)).fieldManager(FieldManager.NAME).serverSideApply();
            Outcome outcome = existing == null ? Outcome.CREATED
                    : sameApartFromStatus(existing, applied) ? Outcome.UNCHANGED : Outcome.CONFIGURED;
            return new ObjectResult(kind, namespace, name, outcome, "");
        } catch (KubernetesClientException e) {
            return new ObjectResult(kind, namespace, name, Outcome.FAILED, ServerErrors.explain(e));
        }
    }

    /**
     * Whether applying left the object as it was. Controllers write status all the time, and with it the
     * resourceVersion, so neither tells whether the apply changed anything.
     */
    static boolean sameApartFromStatus(GenericKubernetesResource before, GenericKubernetesResource after) {
        Map<String, Object> beforeFields = new java.util.HashMap<>(before.getAdditionalProperties());
        Map<String, Object> afterFields = new java.util.HashMap<>(after.getAdditionalProperties());
        beforeFields.remove("status");
        afterFields.remove("status");
        return beforeFields.equals(afterFields)
                && Objects.equals(before.getMetadata().getLabels(), after.getMetadata().getLabels())
                && Objects.equals(before.getMetadata().getAnnotations(), after.getMetadata().getAnnotations())
                && Objects.equals(before.getMetadata().getOwnerReferences(), after.getMetadata().getOwnerReferences())
                && Objects.equals(before.getMetadata().getFinalizers(), after.getMetadata().getFinalizers());
    }

    private static Map<?, ?> metadata(Map<String, Object> object) {
        return object.get("metadata") instanceof Map<?, ?> map ? map : Map.of();
    }
}
