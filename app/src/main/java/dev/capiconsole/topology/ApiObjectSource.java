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

/** Reads straight from the API server, one request per object or list (what clusterctl does on each run). */
public final class ApiObjectSource implements ObjectSource {

    private static final Pattern KUBE_VERSION = Pattern.compile("v(\\d+)(?:(alpha|beta)(\\d+))?");

    private final KubernetesClient client;
    private final Map<String, Optional<CustomResourceDefinition>> crds = new HashMap<>();
    private final String core;
    private final String addons;

    /** Reads the core kinds in the version the server serves (v1beta2, or v1beta1 on older clusters). */
    public ApiObjectSource(KubernetesClient client) {
        this(client, V1Beta1Core.servedVersion(client));
    }

    /** Reads the core kinds in the given version ({@code v1beta1} objects are converted on reading). */
    public ApiObjectSource(KubernetesClient client, String coreVersion) {
        this.client = client;
        this.core = "cluster.x-k8s.io/" + coreVersion;
        this.addons = "addons.cluster.x-k8s.io/" + coreVersion;
    }

    @Override
    public CapiObject cluster(String namespace, String name) {
        GenericKubernetesResource cluster = client.genericKubernetesResources(core, "Cluster")
                .inNamespace(namespace).withName(name).get();
        return cluster == null ? null : V1Beta1Core.typed(map(cluster));
    }

    @Override
    public List<CapiObject> list(String kind, String namespace, String clusterName) {
        return client.genericKubernetesResources(core, kind).inNamespace(namespace)
                .withLabel(CapiObject.CLUSTER_NAME_LABEL, clusterName).list().getItems().stream()
                .map(item -> V1Beta1Core.typed(map(item))).toList();
    }

    @Override
    public CapiObject referenced(ObjectRef ref) {
        try {
            Optional<String> version = newestVersion(ref.apiGroup(), ref.kind());
            if (version.isEmpty()) {
                return null;
            }
            GenericKubernetesResource object = client.genericKubernetesResources(
                    ref.apiGroup() + "/" + version.get(), ref.kind()).inNamespace(ref.namespace())
                    .withName(ref.name()).get();
            return object == null ? null : CapiObject.unstructured(map(object));
        } catch (KubernetesClientException e) {
            return null;
        }
    }

    @Override
    public String contract(String apiGroup, String kind) {
        return crd(apiGroup, kind).map(crd -> contractOf(crd.getMetadata().getLabels())).orElse("v1beta2");
    }

    @Override
    public CapiObject resourceSetBinding(String namespace, String clusterName) {
        try {
            GenericKubernetesResource binding = client.genericKubernetesResources(addons,
                    "ClusterResourceSetBinding").inNamespace(namespace).withName(clusterName).get();
            return binding == null ? null : V1Beta1Core.typed(map(binding));
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

    private Optional<String> newestVersion(String group, String kind) {
        return crd(group, kind).flatMap(crd -> newestContractVersion(crd.getMetadata().getLabels()));
    }

    /** The newest API version a CRD's contract label lists, trying the v1beta2 contract first. */
    public static Optional<String> newestContractVersion(Map<String, String> labels) {
        Map<String, String> safe = labels == null ? Map.of() : labels;
        for (String contract : List.of("v1beta2", "v1beta1")) {
            String value = safe.get("cluster.x-k8s.io/" + contract);
            if (value != null && !value.isEmpty()) {
                return List.of(value.split("_")).stream().max(Comparator.comparing(ApiObjectSource::versionRank));
            }
        }
        return Optional.empty();
    }

    public static String contractOf(Map<String, String> labels) {
        return labels != null && labels.get("cluster.x-k8s.io/v1beta2") != null
                && !labels.get("cluster.x-k8s.io/v1beta2").isEmpty() ? "v1beta2" : "v1beta1";
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

    /**
     * The object as a plain map, without its managedFields: nothing the console shows reads them, and they are often
     * the larger part of an object the live model would otherwise hold for every Machine.
     */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> map(GenericKubernetesResource resource) {
        Map<String, Object> object = Serialization.jsonMapper().convertValue(resource, Map.class);
        if (object.get("metadata") instanceof Map<?, ?> metadata) {
            metadata.remove("managedFields");
        }
        return object;
    }
}
