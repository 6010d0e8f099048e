package dev.capiconsole.addons;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The add-ons chosen for a new cluster: their manifests (read and checked already), whether they go in Secrets,
 * and the strategy. {@link #addTo} labels the Cluster, adapts the manifests to its pod CIDR and writes the
 * ClusterResourceSet named {@code <cluster>-addons} that selects it.
 */
public record ClusterAddons(List<Manifest> manifests, boolean secrets, Strategy strategy) {

    /** The label the generator puts on the Cluster; its value is the ClusterResourceSet's name. */
    public static final String LABEL = "capi-console.dev/addons";

    public static final ClusterAddons NONE = new ClusterAddons(List.of(), false, Strategy.ApplyOnce);

    public ClusterAddons {
        manifests = List.copyOf(manifests);
    }

    public boolean isEmpty() {
        return manifests.isEmpty();
    }

    /** The adapted lines of one manifest, for the preview. */
    public record Preview(String manifest, String origin, List<PodCidr.AdaptedLine> adaptedLines) {
    }

    /** The ConfigMaps/Secrets and the ClusterResourceSet to append, and what adaptation changed. */
    public record Result(List<Map<String, Object>> objects, List<Preview> previews) {
    }

    public static String resourceSetName(String clusterName) {
        return clusterName + "-addons";
    }

    /**
     * Labels the Cluster among {@code objects} (changed in place) and returns the add-on objects for it.
     * Without a Cluster there is nothing to select, which is an error.
     */
    public Result addTo(List<Map<String, Object>> objects, String clusterName, String namespace) {
        Map<String, Object> cluster = objects.stream().filter(o -> "Cluster".equals(o.get("kind"))
                && String.valueOf(o.get("apiVersion")).startsWith("cluster.x-k8s.io/")).findFirst()
                .orElseThrow(() -> new AddonException("the template has no Cluster to put the add-ons' label on"));
        String setName = resourceSetName(clusterName);
        labels(cluster).put(LABEL, setName);
        Optional<String> cidr = PodCidr.ofCluster(cluster);
        List<Manifest> adapted = new ArrayList<>();
        List<Preview> previews = new ArrayList<>();
        for (Manifest manifest : manifests) {
            PodCidr.Adaptation adaptation = PodCidr.adapt(manifest.pool(), manifest.text(), cidr.orElse(null));
            adapted.add(manifest.withText(adaptation.text()));
            previews.add(new Preview(manifest.name(), manifest.origin(), adaptation.lines()));
        }
        List<Map<String, Object>> added = ResourceSetWriter.objects(new ResourceSetWriter.Plan(setName, namespace,
                Map.of(LABEL, setName), adapted, secrets, strategy));
        return new Result(added, previews);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> labels(Map<String, Object> object) {
        Map<String, Object> metadata = (Map<String, Object>) object.computeIfAbsent("metadata",
                k -> new LinkedHashMap<>());
        return (Map<String, Object>) metadata.computeIfAbsent("labels", k -> new LinkedHashMap<>());
    }
}
