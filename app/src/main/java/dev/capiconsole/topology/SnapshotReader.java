package dev.capiconsole.topology;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one Cluster's objects from a management cluster the way {@code clusterctl describe} discovers them:
 * v1beta2 core objects by the cluster-name label, provider objects through their contract references at the
 * newest API version their CRD's contract label names. A reference that cannot be read is left out.
 */
public final class SnapshotReader {

    static final String CORE = "cluster.x-k8s.io/v1beta2";
    private static final String CLUSTER_NAME_LABEL = "cluster.x-k8s.io/cluster-name";
    private static final Pattern KUBE_VERSION = Pattern.compile("v(\\d+)(?:(alpha|beta)(\\d+))?");

    private final KubernetesClient client;
    private final Map<String, Optional<CustomResourceDefinition>> crds = new HashMap<>();

    public SnapshotReader(KubernetesClient client) {
        this.client = client;
    }

    public ClusterSnapshot read(String namespace, String name) {
        GenericKubernetesResource cluster = client.genericKubernetesResources(CORE, "Cluster").inNamespace(namespace)
                .withName(name).get();
        if (cluster == null) {
            throw new IllegalArgumentException("Cluster " + namespace + "/" + name + " not found");
        }
        ClusterSnapshot snapshot = new ClusterSnapshot(CapiObject.typed(map(cluster)));
        CapiObject root = snapshot.cluster();
        resolve(snapshot, ObjectRef.of(root.map("spec", "infrastructureRef"), namespace));
        ObjectRef controlPlane = ObjectRef.of(root.map("spec", "controlPlaneRef"), namespace);
        if (resolve(snapshot, controlPlane) != null) {
            snapshot.withContract(controlPlane.apiGroup(), controlPlane.kind(),
                    contract(controlPlane.apiGroup(), controlPlane.kind()));
        }
        List<CapiObject> machines = list("Machine", namespace, name);
        snapshot.withMachines(machines)
                .withMachineDeployments(list("MachineDeployment", namespace, name))
                .withMachineSets(list("MachineSet", namespace, name))
                .withMachinePools(list("MachinePool", namespace, name));
        for (CapiObject machine : machines) {
            resolve(snapshot, ObjectRef.of(machine.map("spec", "infrastructureRef"), namespace));
            resolve(snapshot, ObjectRef.of(machine.map("spec", "bootstrap", "configRef"), namespace));
        }
        for (CapiObject pool : snapshot.machinePools()) {
            resolve(snapshot, ObjectRef.of(pool.map("spec", "template", "spec", "bootstrap", "configRef"), namespace));
            resolve(snapshot, ObjectRef.of(pool.map("spec", "template", "spec", "infrastructureRef"), namespace));
        }
        try {
            GenericKubernetesResource binding = client.genericKubernetesResources("addons.cluster.x-k8s.io/v1beta2",
                    "ClusterResourceSetBinding").inNamespace(namespace).withName(name).get();
            if (binding != null) {
                snapshot.withResourceSetBinding(CapiObject.typed(map(binding)));
            }
        } catch (KubernetesClientException e) {
            // No binding to show: clusterctl shows none either.
        }
        return snapshot;
    }

    private List<CapiObject> list(String kind, String namespace, String clusterName) {
        return client.genericKubernetesResources(CORE, kind).inNamespace(namespace)
                .withLabel(CLUSTER_NAME_LABEL, clusterName).list().getItems().stream()
                .map(item -> CapiObject.typed(map(item))).toList();
    }

    private CapiObject resolve(ClusterSnapshot snapshot, ObjectRef ref) {
        if (ref == null) {
            return null;
        }
        try {
            Optional<String> version = newestVersion(ref.apiGroup(), ref.kind());
            if (version.isEmpty()) {
                return null;
            }
            GenericKubernetesResource object = client.genericKubernetesResources(
                    ref.apiGroup() + "/" + version.get(), ref.kind()).inNamespace(ref.namespace())
                    .withName(ref.name()).get();
            if (object == null) {
                return null;
            }
            CapiObject result = CapiObject.unstructured(map(object));
            snapshot.withReferenced(ref, result);
            return result;
        } catch (KubernetesClientException e) {
            return null;
        }
    }

    private Optional<CustomResourceDefinition> crd(String group, String kind) {
        String crdName = DescribeTable.plural(kind.toLowerCase(Locale.ROOT)) + "." + group;
        return crds.computeIfAbsent(crdName, n -> {
            try {
                return Optional.ofNullable(client.apiextensions().v1().customResourceDefinitions().withName(n).get());
            } catch (KubernetesClientException e) {
                return Optional.empty();
            }
        });
    }

    /** The newest API version the CRD's contract label lists, trying the v1beta2 contract first. */
    private Optional<String> newestVersion(String group, String kind) {
        return crd(group, kind).flatMap(crd -> {
            Map<String, String> labels = crd.getMetadata().getLabels() == null ? Map.of()
                    : crd.getMetadata().getLabels();
            for (String contract : List.of("v1beta2", "v1beta1")) {
                String value = labels.get("cluster.x-k8s.io/" + contract);
                if (value != null && !value.isEmpty()) {
                    return List.of(value.split("_")).stream().max(Comparator.comparing(SnapshotReader::versionRank));
                }
            }
            return Optional.empty();
        });
    }

    private String contract(String group, String kind) {
        return crd(group, kind).map(crd -> {
            Map<String, String> labels = crd.getMetadata().getLabels();
            return labels != null && labels.get("cluster.x-k8s.io/v1beta2") != null
                    && !labels.get("cluster.x-k8s.io/v1beta2").isEmpty() ? "v1beta2" : "v1beta1";
        }).orElse("v1beta2");
    }

    /** Kubernetes version order as a sortable key: GA above beta above alpha, then by numbers. */
    static long versionRank(String version) {
        Matcher m = KUBE_VERSION.matcher(version);
        if (!m.matches()) {
            return Long.MIN_VALUE;
        }
        long major = Long.parseLong(m.group(1));
        int stability = m.group(2) == null ? 3 : m.group(2).equals("beta") ? 2 : 1;
        long minor = m.group(3) == null ? 0 : Long.parseLong(m.group(3));
        return stability * 1_000_000_000L + major * 1_000_000L + minor;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(GenericKubernetesResource resource) {
        return Serialization.jsonMapper().convertValue(resource, Map.class);
    }
}
