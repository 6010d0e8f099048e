package dev.capiconsole.templates;

import dev.capiconsole.addons.ClusterAddons;
import dev.capiconsole.topology.CapiObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code clusterctl generate cluster}: reads the template, sets the values clusterctl sets itself, substitutes,
 * parses, moves every namespaced object into the target namespace, and adds the ClusterClass a topology Cluster
 * refers to when the management cluster does not have it yet; with add-ons, labels the Cluster and appends their
 * ConfigMaps and ClusterResourceSet.
 */
public final class ClusterGenerator {

    private static final Set<String> CLUSTER_SCOPED = Set.of("Namespace", "Node", "PersistentVolume",
            "PodSecurityPolicy", "CertificateSigningRequest", "ClusterRoleBinding", "ClusterRole", "VolumeAttachment",
            "StorageClass", "CSIDriver", "CSINode", "ValidatingWebhookConfiguration", "MutatingWebhookConfiguration",
            "CustomResourceDefinition", "PriorityClass", "RuntimeClass");

    private final TemplateFetcher fetcher;
    private final ClusterClassLookup managementCluster;

    public ClusterGenerator(TemplateFetcher fetcher, ClusterClassLookup managementCluster) {
        this.fetcher = fetcher;
        this.managementCluster = managementCluster;
    }

    /** The template's text and origin, for variable discovery without generating anything. */
    public TemplateFetcher.Fetched read(TemplateSource source) {
        return fetcher.fetch(source);
    }

    public GeneratedCluster generate(GenerateRequest request, VariableValues values) {
        return generate(request, values, fetcher.fetch(request.source()));
    }

    public GeneratedCluster generate(GenerateRequest request, VariableValues values, TemplateFetcher.Fetched template) {
        String namespace = request.targetNamespace();
        KubernetesNames.namespaceProblem(namespace).ifPresent(problem -> {
            throw new InvalidTemplateException("invalid target namespace: " + problem);
        });
        KubernetesNames.clusterNameProblem(request.clusterName()).ifPresent(problem -> {
            throw new InvalidTemplateException(problem);
        });
        values.setAll(request.formValues());
        values.set("NAMESPACE", namespace).set("CLUSTER_NAME", request.clusterName());
        if (request.kubernetesVersion() != null && !request.kubernetesVersion().isEmpty()) {
            KubernetesNames.versionProblem(request.kubernetesVersion()).ifPresent(problem -> {
                throw new InvalidTemplateException(problem);
            });
            values.set("KUBERNETES_VERSION", request.kubernetesVersion());
        }
        values.set("CONTROL_PLANE_MACHINE_COUNT",
                String.valueOf(count(request.controlPlaneMachineCount(), values, "CONTROL_PLANE_MACHINE_COUNT", 1)));
        values.set("WORKER_MACHINE_COUNT",
                String.valueOf(count(request.workerMachineCount(), values, "WORKER_MACHINE_COUNT", 0)));

        List<Map<String, Object>> objects = inNamespace(TemplateObjects.parse(
                TemplateVariables.process(template.text(), values::get), template.origin()), namespace);

        List<Map<String, Object>> classObjects = new ArrayList<>();
        List<String> added = new ArrayList<>();
        boolean bringsClasses = request.source() instanceof TemplateSource.BuiltIn
                || request.source() instanceof TemplateSource.ProviderRelease;
        if (bringsClasses) {
            for (ClassKey key : classKeys(objects)) {
                if (managementCluster.available() && managementCluster.clusterClassExists(key.namespace, key.name)) {
                    continue;
                }
                TemplateFetcher.Fetched classTemplate = template.clusterClasses().find(key.name)
                        .orElseThrow(() -> new TemplateSourceException("the Cluster uses ClusterClass " + key
                                + " but the management cluster does not have it and " + template.origin()
                                + " has no clusterclass-" + key.name + ".yaml beside it"));
                List<Map<String, Object>> parsed = inNamespace(TemplateObjects.parse(
                        TemplateVariables.process(classTemplate.text(), values::get), classTemplate.origin()),
                        key.namespace);
                if (managementCluster.available()) {
                    for (Map<String, Object> object : parsed) {
                        // One the console applied itself is left by an apply cut off before the class: applied again.
                        if (managementCluster.objectExists(object)
                                && !managementCluster.objectAppliedByTheConsole(object)) {
                            throw new InvalidTemplateException(ObjectKeys.label(object) + " of ClusterClass " + key
                                    + " already exists in the cluster, but the ClusterClass does not");
                        }
                    }
                }
                classObjects.addAll(parsed);
                added.add(key.toString());
            }
        }
        List<Map<String, Object>> all = new ArrayList<>(classObjects);
        all.addAll(objects);
        if (request.addons().isEmpty()) {
            return new GeneratedCluster(all, template.origin(), added);
        }
        ClusterAddons.Result addons = request.addons().addTo(objects, request.clusterName(), namespace);
        all.addAll(addons.objects());
        return new GeneratedCluster(all, template.origin(), added, addons.previews());
    }

    private static long count(Long requested, VariableValues values, String name, long fallback) {
        long count;
        if (requested != null) {
            count = requested;
        } else {
            String value = values.get(name);
            if (value == null) {
                count = fallback;
            } else {
                try {
                    count = Long.parseLong(value);
                } catch (NumberFormatException e) {
                    throw new InvalidTemplateException("invalid value for " + name + " set: \"" + value
                            + "\" is not a whole number");
                }
            }
        }
        if (count < fallback) {
            throw new InvalidTemplateException(name.equals("WORKER_MACHINE_COUNT")
                    ? "the worker machine count must be 0 or more, not " + count
                    : "the control plane machine count must be 1 or more, not " + count);
        }
        return count;
    }

    /** clusterctl's namespace fix for templates: namespaced objects, Namespaces and binding subjects. */
    static List<Map<String, Object>> inNamespace(List<Map<String, Object>> objects, String namespace) {
        List<Map<String, Object>> fixed = new ArrayList<>(objects.size());
        for (Map<String, Object> original : objects) {
            Map<String, Object> object = CapiObject.deepCopy(original);
            String kind = String.valueOf(object.get("kind"));
            @SuppressWarnings("unchecked")
            Map<String, Object> metadata = (Map<String, Object>) object.computeIfAbsent("metadata",
                    k -> new LinkedHashMap<>());
            if (kind.equals("Namespace")) {
                metadata.put("name", namespace);
            }
            if (!CLUSTER_SCOPED.contains(kind)) {
                metadata.put("namespace", namespace);
            }
            if ((kind.equals("RoleBinding") || kind.equals("ClusterRoleBinding"))
                    && object.get("subjects") instanceof List<?> subjects) {
                for (Object subject : subjects) {
                    if (subject instanceof Map<?, ?> map && map.get("namespace") instanceof String s && !s.isEmpty()) {
                        @SuppressWarnings("unchecked")
                        Map<String, Object> writable = (Map<String, Object>) map;
                        writable.put("namespace", namespace);
                    }
                }
            }
            fixed.add(object);
        }
        return fixed;
    }

    private record ClassKey(String namespace, String name) {
        @Override
        public String toString() {
            return namespace + "/" + name;
        }
    }

    /** The ClusterClasses that topology Clusters (v1beta2 {@code classRef}, v1beta1 {@code class}) refer to. */
    private static List<ClassKey> classKeys(List<Map<String, Object>> objects) {
        List<ClassKey> keys = new ArrayList<>();
        for (Map<String, Object> object : objects) {
            String apiVersion = String.valueOf(object.get("apiVersion"));
            if (!"Cluster".equals(object.get("kind")) || !apiVersion.startsWith("cluster.x-k8s.io/")) {
                continue;
            }
            Map<?, ?> spec = ObjectKeys.map(object.get("spec"));
            Map<?, ?> topology = ObjectKeys.map(spec.get("topology"));
            if (topology.isEmpty()) {
                continue;
            }
            String clusterNamespace = String.valueOf(ObjectKeys.map(object.get("metadata")).get("namespace"));
            String name;
            String classNamespace;
            if (apiVersion.endsWith("/v1beta1")) {
                name = ObjectKeys.text(topology.get("class"));
                classNamespace = ObjectKeys.text(topology.get("classNamespace"));
            } else {
                Map<?, ?> classRef = ObjectKeys.map(topology.get("classRef"));
                name = ObjectKeys.text(classRef.get("name"));
                classNamespace = ObjectKeys.text(classRef.get("namespace"));
            }
            if (name.isEmpty()) {
                continue;
            }
            ClassKey key = new ClassKey(classNamespace.isEmpty() ? clusterNamespace : classNamespace, name);
            if (!keys.contains(key)) {
                keys.add(key);
            }
        }
        return keys;
    }
}
