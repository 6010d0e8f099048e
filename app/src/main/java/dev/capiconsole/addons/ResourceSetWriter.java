package dev.capiconsole.addons;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The objects of a ClusterResourceSet as the quick start writes them by hand: one ConfigMap per manifest (as
 * {@code kubectl create configmap NAME --from-file=FILE} makes it: the data key is the file's name), or a Secret of
 * type {@code addons.cluster.x-k8s.io/resource-set} when the manifests contain secrets, then the
 * ClusterResourceSet listing them in order. A manifest over a ConfigMap's 1 MiB is split between its YAML
 * documents into several, named {@code -2}, {@code -3}, ... and listed in order.
 */
public final class ResourceSetWriter {

    public static final String API_VERSION = "addons.cluster.x-k8s.io/v1beta2";
    public static final String SECRET_TYPE = "addons.cluster.x-k8s.io/resource-set";
    /** The API server refuses a ConfigMap or Secret whose data exceeds 1 MiB; some room is kept for the key. */
    static final int MAX_DATA_BYTES = 1024 * 1024 - 1024;
    private static final Pattern DOCUMENT_SEPARATOR = Pattern.compile("(?m)^---[ \\t]*$\\n?");

    /**
     * What to write.
     *
     * @param name the ClusterResourceSet's name, also the prefix of its ConfigMaps' names
     * @param clusterSelector {@code matchLabels} selecting the clusters
     * @param secrets write Secrets instead of ConfigMaps
     */
    public record Plan(String name, String namespace, Map<String, String> clusterSelector, List<Manifest> manifests,
            boolean secrets, Strategy strategy) {
        public Plan {
            clusterSelector = Map.copyOf(clusterSelector);
            manifests = List.copyOf(manifests);
            if (manifests.isEmpty()) {
                throw new AddonException("a ClusterResourceSet needs at least one manifest");
            }
        }
    }

    private ResourceSetWriter() {
    }

    /** The ConfigMaps (or Secrets) in order, then the ClusterResourceSet. */
    public static List<Map<String, Object>> objects(Plan plan) {
        List<Map<String, Object>> objects = new ArrayList<>();
        List<Map<String, Object>> resources = new ArrayList<>();
        for (Manifest manifest : plan.manifests()) {
            List<String> parts = split(manifest);
            for (int i = 0; i < parts.size(); i++) {
                String name = plan.name() + "-" + manifest.name() + (i == 0 ? "" : "-" + (i + 1));
                objects.add(plan.secrets() ? secret(name, plan.namespace(), manifest.file(), parts.get(i))
                        : configMap(name, plan.namespace(), manifest.file(), parts.get(i)));
                resources.add(entry("name", name, "kind", plan.secrets() ? "Secret" : "ConfigMap"));
            }
        }
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("clusterSelector", Map.of("matchLabels", new LinkedHashMap<>(plan.clusterSelector())));
        spec.put("resources", resources);
        spec.put("strategy", plan.strategy().name());
        Map<String, Object> set = header(API_VERSION, "ClusterResourceSet", plan.name(), plan.namespace());
        set.put("spec", spec);
        objects.add(set);
        return objects;
    }

    /** The manifest whole when it fits, else its documents grouped in order into parts that each fit. */
    static List<String> split(Manifest manifest) {
        if (manifest.bytes() <= MAX_DATA_BYTES) {
            return List.of(manifest.text());
        }
        List<String> parts = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        int partBytes = 0;
        for (String document : DOCUMENT_SEPARATOR.split(manifest.text())) {
            if (document.isBlank()) {
                continue;
            }
            String withEnd = document.endsWith("\n") ? document : document + "\n";
            int bytes = withEnd.getBytes(StandardCharsets.UTF_8).length + 4;
            if (bytes > MAX_DATA_BYTES) {
                throw new AddonException(manifest.origin() + " has a single YAML document of " + bytes
                        + " bytes, more than a ConfigMap holds (1 MiB); nothing was written");
            }
            if (partBytes + bytes > MAX_DATA_BYTES) {
                parts.add(part.toString());
                part.setLength(0);
                partBytes = 0;
            }
            part.append(part.length() == 0 ? "" : "---\n").append(withEnd);
            partBytes += bytes;
        }
        parts.add(part.toString());
        return parts;
    }

    private static Map<String, Object> configMap(String name, String namespace, String key, String text) {
        Map<String, Object> map = header("v1", "ConfigMap", name, namespace);
        map.put("data", entry(key, text));
        return map;
    }

    private static Map<String, Object> secret(String name, String namespace, String key, String text) {
        Map<String, Object> secret = header("v1", "Secret", name, namespace);
        secret.put("type", SECRET_TYPE);
        secret.put("data", entry(key, Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8))));
        return secret;
    }

    private static Map<String, Object> header(String apiVersion, String kind, String name, String namespace) {
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("apiVersion", apiVersion);
        object.put("kind", kind);
        object.put("metadata", entry("name", name, "namespace", namespace));
        return object;
    }

    private static Map<String, Object> entry(String... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
