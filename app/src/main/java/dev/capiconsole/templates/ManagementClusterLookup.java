package dev.capiconsole.templates;

import dev.capiconsole.connection.ServerErrors;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Answers a generator's questions from a live management cluster. */
public final class ManagementClusterLookup implements ClusterClassLookup {

    /** One entry of clusterctl's inventory ({@code providers.clusterctl.cluster.x-k8s.io}). */
    public record InstalledProvider(String name, String type, String version, String namespace) {
    }

    private final KubernetesClient client;
    private final boolean available;
    private final KubernetesSerialization serialization = new KubernetesSerialization();

    public ManagementClusterLookup(KubernetesClient client) {
        this.client = client;
        boolean served;
        try {
            served = client.getApiGroup("cluster.x-k8s.io") != null;
        } catch (KubernetesClientException e) {
            served = false;
        }
        this.available = served;
    }

    @Override
    public boolean available() {
        return available;
    }

    @Override
    public boolean clusterClassExists(String namespace, String name) {
        try {
            return client.genericKubernetesResources("cluster.x-k8s.io/v1beta2", "ClusterClass").inNamespace(namespace)
                    .withName(name).get() != null;
        } catch (KubernetesClientException e) {
            if (e.getCode() == 404) {
                return false;
            }
            throw new TemplateSourceException("cannot check whether ClusterClass " + namespace + "/" + name
                    + " exists: " + ServerErrors.explain(e));
        }
    }

    @Override
    public boolean objectExists(Map<String, Object> object) {
        return read(object) != null;
    }

    @Override
    public boolean objectAppliedByTheConsole(Map<String, Object> object) {
        GenericKubernetesResource found = read(object);
        return found != null && found.getMetadata().getManagedFields() != null && found.getMetadata()
                .getManagedFields().stream().anyMatch(f -> dev.capiconsole.connection.FieldManager.NAME
                        .equals(f.getManager()));
    }

    private GenericKubernetesResource read(Map<String, Object> object) {
        GenericKubernetesResource resource = serialization.convertValue(object, GenericKubernetesResource.class);
        try {
            String namespace = resource.getMetadata().getNamespace();
            var operation = client.genericKubernetesResources(resource.getApiVersion(), resource.getKind());
            return (namespace == null ? operation.withName(resource.getMetadata().getName())
                    : operation.inNamespace(namespace).withName(resource.getMetadata().getName())).get();
        } catch (KubernetesClientException e) {
            return null;
        }
    }

    /** The infrastructure providers clusterctl's inventory lists (empty without an inventory). */
    public List<InstalledProvider> infrastructureProviders() {
        try {
            return client.genericKubernetesResources("clusterctl.cluster.x-k8s.io/v1alpha3", "Provider").inAnyNamespace()
                    .list().getItems().stream()
                    .map(p -> new InstalledProvider(String.valueOf(p.getAdditionalProperties().get("providerName")),
                            String.valueOf(p.getAdditionalProperties().get("type")),
                            String.valueOf(p.getAdditionalProperties().get("version")), p.getMetadata().getNamespace()))
                    .filter(p -> p.type().equals("InfrastructureProvider")).toList();
        } catch (KubernetesClientException e) {
            return List.of();
        }
    }

    public Optional<InstalledProvider> infrastructureProvider(String name) {
        return infrastructureProviders().stream().filter(p -> p.name().equals(name)).findFirst();
    }
}
