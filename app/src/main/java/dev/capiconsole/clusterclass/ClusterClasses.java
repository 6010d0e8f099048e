package dev.capiconsole.clusterclass;

import dev.capiconsole.topology.V1Beta1Core;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The ClusterClasses of a management cluster, read once with the Clusters that use them. */
public final class ClusterClasses {

    private final KubernetesClient client;
    private final String apiVersion;
    private final KubernetesSerialization serialization = new KubernetesSerialization();

    public ClusterClasses(KubernetesClient client) {
        this.client = client;
        this.apiVersion = "cluster.x-k8s.io/" + V1Beta1Core.servedVersion(client);
    }

    /** Every class of {@code namespace} (null: of every namespace), by namespace and name. */
    public List<ClusterClassModel> list(String namespace) {
        List<Map<String, Object>> clusters = objects("Cluster", null);
        return objects("ClusterClass", namespace).stream().map(c -> ClassReader.read(c, clusters))
                .sorted(Comparator.comparing(ClusterClassModel::namespace).thenComparing(ClusterClassModel::name))
                .toList();
    }

    /** The class {@code namespace/name}, if it exists. */
    public Optional<ClusterClassModel> get(String namespace, String name) {
        GenericKubernetesResource found = client.genericKubernetesResources(apiVersion, "ClusterClass")
                .inNamespace(namespace).withName(name).get();
        return Optional.ofNullable(found).map(r -> ClassReader.read(map(r), objects("Cluster", null)));
    }

    private List<Map<String, Object>> objects(String kind, String namespace) {
        var resources = client.genericKubernetesResources(apiVersion, kind);
        List<GenericKubernetesResource> items = namespace == null ? resources.inAnyNamespace().list().getItems()
                : resources.inNamespace(namespace).list().getItems();
        return items.stream().map(this::map).toList();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> map(GenericKubernetesResource resource) {
        return serialization.convertValue(resource, Map.class);
    }
}
