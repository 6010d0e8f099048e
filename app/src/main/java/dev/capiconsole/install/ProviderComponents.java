package dev.capiconsole.install;

import dev.capiconsole.providers.ProviderType;
import dev.capiconsole.templates.TemplateObjects;
import dev.capiconsole.templates.TemplateVariables;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * A provider's components as clusterctl installs them: variables substituted, every namespaced object (and every
 * reference to the namespace) moved to the target namespace, the clusterctl labels on every object, Namespaces
 * first and cert-manager objects next.
 */
public final class ProviderComponents {

    public static final String CLUSTERCTL_LABEL = "clusterctl.cluster.x-k8s.io";
    public static final String CORE_LABEL = "clusterctl.cluster.x-k8s.io/core";
    public static final String PROVIDER_LABEL = "cluster.x-k8s.io/provider";
    private static final String INJECT_CA = "cert-manager.io/inject-ca-from";

    /** Kinds clusterctl treats as cluster-scoped; every other kind gets the target namespace. */
    private static final Set<String> CLUSTER_SCOPED = Set.of("Namespace", "Node", "PersistentVolume",
            "PodSecurityPolicy", "CertificateSigningRequest", "ClusterRoleBinding", "ClusterRole", "VolumeAttachment",
            "StorageClass", "CSIDriver", "CSINode", "ValidatingWebhookConfiguration", "MutatingWebhookConfiguration",
            "CustomResourceDefinition", "PriorityClass", "RuntimeClass");

    private final ProviderSpec provider;
    private final String targetNamespace;
    private final List<Map<String, Object>> objects;
    private final Map<String, String> variables;

    private ProviderComponents(ProviderSpec provider, String targetNamespace, List<Map<String, Object>> objects,
            Map<String, String> variables) {
        this.provider = provider;
        this.targetNamespace = targetNamespace;
        this.objects = objects;
        this.variables = variables;
    }

    /**
     * @param provider with its resolved version
     * @param targetNamespace {@code null} or blank for the namespace the components declare
     * @param values a variable's value, {@code null} when unset
     */
    public static ProviderComponents process(ProviderSpec provider, String rawYaml, String origin,
            String targetNamespace, Function<String, String> values) {
        TemplateVariables.Processed processed = TemplateVariables.processAndList(rawYaml, values);
        Map<String, String> variables = new TreeMap<>(processed.variables());
        List<Map<String, Object>> objects = new ArrayList<>(TemplateObjects.parse(processed.text(), origin));

        String declared = null;
        for (Map<String, Object> object : objects) {
            if ("Namespace".equals(object.get("kind"))) {
                if (declared != null) {
                    throw new InstallException(origin + " is not a valid components file: it has more than one "
                            + "Namespace");
                }
                declared = String.valueOf(metadata(object).get("name"));
            }
        }
        String target = targetNamespace == null || targetNamespace.isBlank() ? declared : targetNamespace.trim();
        if (target == null) {
            throw new InstallException("the components of " + provider.label() + " declare no namespace: name a "
                    + "target namespace");
        }
        if (declared == null) {
            Map<String, Object> namespace = new LinkedHashMap<>();
            namespace.put("apiVersion", "v1");
            namespace.put("kind", "Namespace");
            namespace.put("metadata", new LinkedHashMap<>(Map.of("name", target)));
            objects.add(namespace);
        }
        for (Map<String, Object> object : objects) {
            moveToNamespace(object, target, origin);
            Map<String, Object> metadata = metadata(object);
            Map<String, Object> labels = childMap(metadata, "labels");
            labels.putAll(commonLabels(provider));
        }
        List<Map<String, Object>> ordered = new ArrayList<>();
        objects.stream().filter(o -> "Namespace".equals(o.get("kind"))).forEach(ordered::add);
        objects.stream().filter(o -> !"Namespace".equals(o.get("kind")) && isCertManager(o)).forEach(ordered::add);
        objects.stream().filter(o -> !"Namespace".equals(o.get("kind")) && !isCertManager(o)).forEach(ordered::add);
        return new ProviderComponents(provider, target, List.copyOf(ordered), variables);
    }

    static Map<String, String> commonLabels(ProviderSpec provider) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(CLUSTERCTL_LABEL, "");
        labels.put(PROVIDER_LABEL, provider.label());
        return labels;
    }

    private static void moveToNamespace(Map<String, Object> object, String target, String origin) {
        String kind = String.valueOf(object.get("kind"));
        Map<String, Object> metadata = metadata(object);
        if ("Namespace".equals(kind)) {
            metadata.put("name", target);
        }
        String original = metadata.get("namespace") instanceof String s ? s : "";
        if (!CLUSTER_SCOPED.contains(kind)) {
            metadata.put("namespace", target);
        }
        switch (kind) {
            case "ClusterRoleBinding", "RoleBinding" -> {
                if (object.get("subjects") instanceof List<?> subjects) {
                    for (Object subject : subjects) {
                        if (subject instanceof Map<?, ?> map && map.get("namespace") instanceof String ns
                                && !ns.isEmpty()) {
                            @SuppressWarnings("unchecked")
                            Map<String, Object> writable = (Map<String, Object>) map;
                            writable.put("namespace", target);
                        }
                    }
                }
            }
            case "MutatingWebhookConfiguration", "ValidatingWebhookConfiguration", "CustomResourceDefinition" -> {
                if (metadata.get("annotations") instanceof Map<?, ?> annotations
                        && annotations.get(INJECT_CA) instanceof String from) {
                    String[] parts = from.split("/", -1);
                    if (parts.length != 2) {
                        throw new InstallException(origin + ": " + kind + " " + metadata.get("name")
                                + " does not have a correct value for " + INJECT_CA);
                    }
                    @SuppressWarnings("unchecked")
                    Map<String, Object> writable = (Map<String, Object>) annotations;
                    writable.put(INJECT_CA, target + "/" + parts[1]);
                }
                if ("CustomResourceDefinition".equals(kind)) {
                    Map<String, Object> service = path(object, "spec", "conversion", "webhook", "clientConfig",
                            "service");
                    if (service != null) {
                        service.put("namespace", target);
                    }
                } else if (object.get("webhooks") instanceof List<?> webhooks) {
                    for (Object webhook : webhooks) {
                        Map<String, Object> service = webhook instanceof Map<?, ?> ? path(cast(webhook),
                                "clientConfig", "service") : null;
                        if (service != null) {
                            service.put("namespace", target);
                        }
                    }
                }
            }
            case "Certificate" -> {
                Map<String, Object> spec = path(object, "spec");
                if (spec != null && spec.get("dnsNames") instanceof List<?> names) {
                    List<Object> fixed = new ArrayList<>();
                    for (Object name : names) {
                        fixed.add(String.valueOf(name).replaceFirst(
                                java.util.regex.Pattern.quote("." + original + "."),
                                java.util.regex.Matcher.quoteReplacement("." + target + ".")));
                    }
                    spec.put("dnsNames", fixed);
                }
            }
            default -> {
            }
        }
    }

    private static boolean isCertManager(Map<String, Object> object) {
        return String.valueOf(object.get("apiVersion")).startsWith("cert-manager.io/");
    }

    public ProviderSpec provider() {
        return provider;
    }

    public String targetNamespace() {
        return targetNamespace;
    }

    public List<Map<String, Object>> objects() {
        return objects;
    }

    /** The variables the components use, each with its default ({@code null} when it has none). */
    public Map<String, String> variables() {
        return variables;
    }

    /** The container images of the Deployments and DaemonSets. */
    public List<String> images() {
        return imagesOf(objects);
    }

    /** The container images of the objects' pod templates, each once. */
    static List<String> imagesOf(List<Map<String, Object>> objects) {
        List<String> images = new ArrayList<>();
        for (Map<String, Object> object : objects) {
            Map<String, Object> podSpec = path(object, "spec", "template", "spec");
            if (podSpec == null) {
                continue;
            }
            for (String key : List.of("initContainers", "containers")) {
                if (podSpec.get(key) instanceof List<?> containers) {
                    for (Object container : containers) {
                        if (container instanceof Map<?, ?> map && map.get("image") instanceof String image
                                && !images.contains(image)) {
                            images.add(image);
                        }
                    }
                }
            }
        }
        return images;
    }

    /** The Deployments that run a container named {@code manager}: what clusterctl waits for. */
    public List<Map<String, Object>> managerDeployments() {
        List<Map<String, Object>> managers = new ArrayList<>();
        for (Map<String, Object> object : objects) {
            Map<String, Object> podSpec = path(object, "spec", "template", "spec");
            if ("Deployment".equals(object.get("kind")) && podSpec != null
                    && podSpec.get("containers") instanceof List<?> containers
                    && containers.stream().anyMatch(c -> c instanceof Map<?, ?> m && "manager".equals(m.get("name")))) {
                managers.add(object);
            }
        }
        return managers;
    }

    /** The inventory object clusterctl writes for this provider. */
    public Map<String, Object> inventoryObject() {
        Map<String, Object> labels = new LinkedHashMap<>(commonLabels(provider));
        labels.put(CORE_LABEL, "inventory");
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("name", provider.label());
        metadata.put("namespace", targetNamespace);
        metadata.put("labels", labels);
        Map<String, Object> inventory = new LinkedHashMap<>();
        inventory.put("apiVersion", Inventory.API_VERSION);
        inventory.put("kind", "Provider");
        inventory.put("metadata", metadata);
        inventory.put("providerName", provider.name());
        inventory.put("type", provider.type().clusterctlName());
        inventory.put("version", provider.version());
        return inventory;
    }

    public boolean isCore() {
        return provider.type() == ProviderType.CORE;
    }

    static Map<String, Object> metadata(Map<String, Object> object) {
        return childMap(object, "metadata");
    }

    static Map<String, Object> childMap(Map<String, Object> parent, String key) {
        if (parent.get(key) instanceof Map<?, ?> map) {
            return cast(map);
        }
        Map<String, Object> created = new LinkedHashMap<>();
        parent.put(key, created);
        return created;
    }

    static Map<String, Object> path(Map<String, Object> object, String... keys) {
        Map<String, Object> current = object;
        for (String key : keys) {
            if (!(current.get(key) instanceof Map<?, ?> next)) {
                return null;
            }
            current = cast(next);
        }
        return current;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Object map) {
        return (Map<String, Object>) map;
    }
}
