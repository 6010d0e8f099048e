package dev.capiconsole.addons;

import dev.capiconsole.topology.CapiObject;
import dev.capiconsole.topology.Condition;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The ClusterResourceSets of a management cluster: read with the Clusters they select and their bindings, the
 * Clusters a selector matches, labelling Clusters, deleting a set. One request per list; call off the FX thread.
 */
public final class ClusterResourceSets {

    private static final String CORE = "cluster.x-k8s.io/v1beta2";
    private static final String BINDING = "ClusterResourceSetBinding";

    private final KubernetesClient client;

    public ClusterResourceSets(KubernetesClient client) {
        this.client = client;
    }

    /** Every set of {@code namespace} (all namespaces when null), sorted by namespace and name. */
    public List<ResourceSetRow> list(String namespace) {
        List<GenericKubernetesResource> sets = namespace == null
                ? client.genericKubernetesResources(ResourceSetWriter.API_VERSION, "ClusterResourceSet")
                        .inAnyNamespace().list().getItems()
                : client.genericKubernetesResources(ResourceSetWriter.API_VERSION, "ClusterResourceSet")
                        .inNamespace(namespace).list().getItems();
        List<ResourceSetRow> rows = new ArrayList<>();
        for (GenericKubernetesResource set : sets) {
            rows.add(row(CapiObject.typed(map(set))));
        }
        rows.sort(Comparator.comparing(ResourceSetRow::namespace).thenComparing(ResourceSetRow::name));
        return rows;
    }

    /** The names of the Clusters of {@code namespace} whose labels match {@code matchLabels}. */
    public List<String> matchingClusters(String namespace, Map<String, String> matchLabels) {
        return client.genericKubernetesResources(CORE, "Cluster").inNamespace(namespace).withLabels(matchLabels)
                .list().getItems().stream().map(c -> c.getMetadata().getName()).sorted().toList();
    }

    /** The names of every Cluster of {@code namespace}. */
    public List<String> clusters(String namespace) {
        return matchingClusters(namespace, Map.of());
    }

    /**
     * Puts {@code key=value} on each named Cluster with a merge patch of that one label, so that controllers
     * writing the Cluster at the same time cause no conflict.
     */
    public void label(String namespace, List<String> clusterNames, String key, String value) {
        String patch = Serialization.asJson(Map.of("metadata", Map.of("labels", Map.of(key, value))));
        for (String name : clusterNames) {
            client.genericKubernetesResources(CORE, "Cluster").inNamespace(namespace).withName(name)
                    .patch(PatchContext.of(PatchType.JSON_MERGE), patch);
        }
    }

    /** Deletes the set; its ConfigMaps and Secrets stay (other sets may list them). False when it was not there. */
    public boolean delete(String namespace, String name) {
        return !client.genericKubernetesResources(ResourceSetWriter.API_VERSION, "ClusterResourceSet")
                .inNamespace(namespace).withName(name).delete().isEmpty();
    }

    private ResourceSetRow row(CapiObject set) {
        Map<String, Object> selector = set.map("spec", "clusterSelector");
        Map<?, ?> matchLabels = selector.get("matchLabels") instanceof Map<?, ?> m ? m : Map.of();
        List<?> expressions = selector.get("matchExpressions") instanceof List<?> l ? l : List.of();
        List<String> resources = new ArrayList<>();
        if (set.get("spec", "resources") instanceof List<?> list) {
            list.forEach(r -> resources.add(((Map<?, ?>) r).get("kind") + "/" + ((Map<?, ?>) r).get("name")));
        }
        String strategy = set.text("spec", "strategy");
        Condition applied = set.condition("ResourcesApplied");
        List<ResourceSetRow.ClusterBinding> clusters = new ArrayList<>();
        if (!matchLabels.isEmpty() || !expressions.isEmpty()) {
            for (String cluster : selected(set.namespace(), matchLabels, expressions)) {
                clusters.add(binding(set.namespace(), cluster, set.name(), resources.size()));
            }
        }
        return new ResourceSetRow(set.namespace(), set.name(),
                ResourceSetRow.selectorText(matchLabels, expressions), resources,
                strategy.isEmpty() ? Strategy.ApplyOnce.name() : strategy,
                applied == null ? "" : applied.status(), applied == null ? "" : applied.reason(),
                applied == null || applied.message() == null ? "" : applied.message(), clusters);
    }

    private List<String> selected(String namespace, Map<?, ?> matchLabels, List<?> expressions) {
        LabelSelector selector = new LabelSelector();
        matchLabels.forEach((k, v) -> selector.getMatchLabels().put(String.valueOf(k), String.valueOf(v)));
        for (Object expression : expressions) {
            Map<?, ?> e = (Map<?, ?>) expression;
            List<String> values = e.get("values") instanceof List<?> l ? l.stream().map(String::valueOf).toList()
                    : List.of();
            selector.getMatchExpressions().add(new LabelSelectorRequirement(String.valueOf(e.get("key")),
                    String.valueOf(e.get("operator")), values));
        }
        return client.genericKubernetesResources(CORE, "Cluster").inNamespace(namespace).withLabelSelector(selector)
                .list().getItems().stream().map(c -> c.getMetadata().getName()).sorted().toList();
    }

    private ResourceSetRow.ClusterBinding binding(String namespace, String cluster, String setName, int resources) {
        GenericKubernetesResource binding = client.genericKubernetesResources(ResourceSetWriter.API_VERSION, BINDING)
                .inNamespace(namespace).withName(cluster).get();
        if (binding == null || !(CapiObject.typed(map(binding)).get("spec", "bindings") instanceof List<?> bindings)) {
            return new ResourceSetRow.ClusterBinding(cluster, false, 0, resources);
        }
        for (Object entry : bindings) {
            Map<?, ?> bound = (Map<?, ?>) entry;
            if (setName.equals(bound.get("clusterResourceSetName"))) {
                long applied = bound.get("resources") instanceof List<?> list ? list.stream()
                        .filter(r -> Boolean.TRUE.equals(((Map<?, ?>) r).get("applied"))).count() : 0;
                return new ResourceSetRow.ClusterBinding(cluster, true, (int) applied, resources);
            }
        }
        return new ResourceSetRow.ClusterBinding(cluster, false, 0, resources);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(GenericKubernetesResource resource) {
        return Serialization.jsonMapper().convertValue(resource, Map.class);
    }
}
