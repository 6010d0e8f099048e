package dev.capiconsole.operations;

import dev.capiconsole.topology.CapiObject;
import dev.capiconsole.topology.V1Beta1Core;
import io.fabric8.kubernetes.api.model.APIGroup;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.List;
import java.util.Map;

/** A Cluster and the objects day-2 operations touch, read fresh from the management cluster. */
public record ClusterObjects(CapiObject cluster, CapiObject controlPlane, List<CapiObject> machineDeployments,
                             List<CapiObject> machines, List<CapiObject> machineHealthChecks) {

    static final String CLUSTER_NAME = CapiObject.CLUSTER_NAME_LABEL;

    public static ClusterObjects read(KubernetesClient client, String namespace, String name) {
        String core = "cluster.x-k8s.io/" + V1Beta1Core.servedVersion(client);
        GenericKubernetesResource cluster = client.genericKubernetesResources(core, "Cluster").inNamespace(namespace)
                .withName(name).get();
        if (cluster == null) {
            throw new OperationRefused("there is no Cluster " + namespace + "/" + name);
        }
        CapiObject clusterObject = object(cluster);
        CapiObject controlPlane = null;
        Map<String, Object> ref = clusterObject.map("spec", "controlPlaneRef");
        if (!ref.isEmpty()) {
            String apiVersion = ref.get("apiVersion") != null ? String.valueOf(ref.get("apiVersion"))
                    : ref.get("apiGroup") + "/" + servedVersion(client, String.valueOf(ref.get("apiGroup")));
            GenericKubernetesResource found = client.genericKubernetesResources(apiVersion,
                    String.valueOf(ref.get("kind"))).inNamespace(namespace).withName(String.valueOf(ref.get("name")))
                    .get();
            controlPlane = found == null ? null : object(found);
        }
        List<CapiObject> deployments = client.genericKubernetesResources(core, "MachineDeployment")
                .inNamespace(namespace).withLabel(CLUSTER_NAME, name).list().getItems().stream()
                .map(ClusterObjects::object).toList();
        List<CapiObject> machines = client.genericKubernetesResources(core, "Machine").inNamespace(namespace)
                .withLabel(CLUSTER_NAME, name).list().getItems().stream().map(ClusterObjects::object).toList();
        return new ClusterObjects(clusterObject, controlPlane, deployments, machines,
                healthChecks(client, core, namespace, name));
    }

    /** The Cluster's MachineHealthChecks; none when the user may not list them (the other operations still work). */
    private static List<CapiObject> healthChecks(KubernetesClient client, String core, String namespace,
                                                 String name) {
        try {
            return client.genericKubernetesResources(core, "MachineHealthCheck").inNamespace(namespace)
                    .withLabel(CLUSTER_NAME, name).list().getItems().stream().map(ClusterObjects::object).toList();
        } catch (KubernetesClientException e) {
            return List.of();
        }
    }

    /** The Cluster a core object ({@code Machine}, {@code MachineHealthCheck}) belongs to, by its spec.clusterName. */
    public static String clusterOf(KubernetesClient client, String namespace, String kind, String name) {
        String core = "cluster.x-k8s.io/" + V1Beta1Core.servedVersion(client);
        GenericKubernetesResource found = client.genericKubernetesResources(core, kind).inNamespace(namespace)
                .withName(name).get();
        if (found == null) {
            throw new OperationRefused("there is no " + kind + " " + namespace + "/" + name);
        }
        return object(found).text("spec", "clusterName");
    }

    /** A MachineDeployment by its own name, or by its name in the Cluster's topology (md-0). */
    public CapiObject machineDeployment(String name) {
        return machineDeployments.stream().filter(md -> md.name().equals(name)).findFirst()
                .or(() -> machineDeployments.stream()
                        .filter(md -> name.equals(md.labels().get(ChangePlanner.DEPLOYMENT_NAME))).findFirst())
                .orElseThrow(() -> new OperationRefused(cluster.display()
                        + " has no MachineDeployment " + name + " (it has: " + String.join(", ",
                        machineDeployments.stream().map(CapiObject::name).toList()) + ")"));
    }

    public CapiObject machine(String name) {
        return machines.stream().filter(m -> m.name().equals(name)).findFirst().orElseThrow(() ->
                new OperationRefused(cluster.display() + " has no Machine " + name));
    }

    public CapiObject machineHealthCheck(String name) {
        return machineHealthChecks.stream().filter(m -> m.name().equals(name)).findFirst().orElseThrow(() ->
                new OperationRefused(cluster.display() + " has no MachineHealthCheck " + name));
    }

    public int controlPlaneMachines() {
        return (int) machines.stream().filter(m -> m.labels().containsKey(ChangePlanner.CONTROL_PLANE_LABEL)
                && !m.deleting()).count();
    }

    @SuppressWarnings("unchecked")
    static CapiObject object(GenericKubernetesResource resource) {
        return CapiObject.unstructured(Serialization.jsonMapper().convertValue(resource, Map.class));
    }

    private static String servedVersion(KubernetesClient client, String group) {
        try {
            APIGroup found = client.getApiGroup(group);
            if (found != null && found.getPreferredVersion() != null) {
                return found.getPreferredVersion().getVersion();
            }
        } catch (KubernetesClientException e) {
            // fall through to the current API
        }
        return "v1beta2";
    }
}
