package dev.capiconsole.topology;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * A Kubernetes object as a plain map, with the readers the describe tree needs. "Typed" objects are the
 * Cluster API core kinds (Cluster, MachineDeployment, MachineSet, MachinePool, Machine), read the way clusterctl
 * reads its own types; every provider object is "unstructured" and read the way clusterctl reads those.
 */
public final class CapiObject {

    /** The label Cluster API puts on every object of a cluster, naming the cluster. */
    public static final String CLUSTER_NAME_LABEL = "cluster.x-k8s.io/cluster-name";

    private final Map<String, Object> raw;
    private final boolean typed;

    private CapiObject(Map<String, Object> raw, boolean typed) {
        this.raw = raw;
        this.typed = typed;
    }

    public static CapiObject typed(Map<String, Object> raw) {
        return new CapiObject(raw, true);
    }

    public static CapiObject unstructured(Map<String, Object> raw) {
        return new CapiObject(raw, false);
    }

    /** A deep copy of an object map (maps and lists copied, values shared), safe to change. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> deepCopy(Map<String, Object> object) {
        return (Map<String, Object>) copyValue(object);
    }

    private static Object copyValue(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(String.valueOf(k), copyValue(v)));
            return copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(v -> copy.add(copyValue(v)));
            return copy;
        }
        return value;
    }

    /** The object as YAML for reading, without its managedFields. */
    @SuppressWarnings("unchecked")
    public String toYaml() {
        Map<String, Object> copy = new LinkedHashMap<>(raw);
        if (copy.get("metadata") instanceof Map<?, ?> metadata) {
            Map<String, Object> trimmed = new LinkedHashMap<>((Map<String, Object>) metadata);
            trimmed.remove("managedFields");
            copy.put("metadata", trimmed);
        }
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        return new Yaml(options).dump(copy);
    }

    public Map<String, Object> raw() {
        return raw;
    }

    public boolean isTyped() {
        return typed;
    }

    public String apiVersion() {
        return text("apiVersion");
    }

    public String kind() {
        return text("kind");
    }

    public String name() {
        return text("metadata", "name");
    }

    public String namespace() {
        return text("metadata", "namespace");
    }

    /** "Kind namespace/name", or "Kind name" without a namespace: how the console names an object to a person. */
    public static String display(String kind, String namespace, String name) {
        return kind + " " + (namespace == null || namespace.isEmpty() ? "" : namespace + "/") + name;
    }

    public String display() {
        return display(kind(), namespace(), name());
    }

    public boolean deleting() {
        return get("metadata", "deletionTimestamp") != null;
    }

    public Map<String, Object> labels() {
        return map("metadata", "labels");
    }

    public Map<String, Object> annotations() {
        return map("metadata", "annotations");
    }

    /** The owner reference marked {@code controller: true}, if any. */
    public Optional<Map<String, Object>> controller() {
        if (!(get("metadata", "ownerReferences") instanceof List<?> refs)) {
            return Optional.empty();
        }
        for (Object ref : refs) {
            if (ref instanceof Map<?, ?> map && Boolean.TRUE.equals(map.get("controller"))) {
                @SuppressWarnings("unchecked")
                Map<String, Object> owner = (Map<String, Object>) map;
                return Optional.of(owner);
            }
        }
        return Optional.empty();
    }

    /** Whether the controller owner is the {@code cluster.x-k8s.io} object of that kind and name. */
    public boolean controlledBy(String kind, String name) {
        return controller().filter(owner -> kind.equals(owner.get("kind")) && name.equals(owner.get("name"))
                && "cluster.x-k8s.io".equals(group(String.valueOf(owner.get("apiVersion"))))).isPresent();
    }

    static String group(String apiVersion) {
        int slash = apiVersion.indexOf('/');
        return slash < 0 ? "" : apiVersion.substring(0, slash);
    }

    public Object get(String... path) {
        Object current = raw;
        for (String key : path) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(key);
        }
        return current;
    }

    public String text(String... path) {
        Object value = get(path);
        return value == null ? "" : value.toString();
    }

    /** An integer field, or null when absent or not an integer. */
    public Long integer(String... path) {
        Object value = get(path);
        if (value instanceof Integer || value instanceof Long || value instanceof Short) {
            return ((Number) value).longValue();
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> map(String... path) {
        Object value = get(path);
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    /**
     * The object's conditions, as clusterctl reads them: typed objects from {@code status.conditions}; unstructured
     * ones from {@code status.v1beta2.conditions} when that list exists, else {@code status.conditions}, with an
     * empty reason read as {@code NoReasonReported} and any malformed entry making the whole list absent.
     */
    public List<Condition> conditions() {
        Object list;
        if (typed) {
            list = get("status", "conditions");
        } else {
            Object v1beta2 = get("status", "v1beta2", "conditions");
            list = v1beta2 instanceof List<?> ? v1beta2 : get("status", "conditions");
        }
        if (!(list instanceof List<?> entries)) {
            return List.of();
        }
        List<Condition> result = new ArrayList<>();
        for (Object entry : entries) {
            if (!(entry instanceof Map<?, ?> map)) {
                return List.of();
            }
            Object type = map.get("type");
            Object status = map.get("status");
            Object reason = map.get("reason");
            Object message = map.get("message");
            Object time = map.get("lastTransitionTime");
            if (!(type instanceof String t) || t.isEmpty() || !(status instanceof String s)
                    || !(s.equals("True") || s.equals("False") || s.equals("Unknown"))
                    || (reason != null && !(reason instanceof String)) || (message != null && !(message instanceof String))) {
                return List.of();
            }
            Instant transition = null;
            if (time != null) {
                try {
                    transition = Instant.parse(time.toString());
                } catch (DateTimeParseException e) {
                    return List.of();
                }
            }
            String why = reason == null ? "" : (String) reason;
            if (!typed && why.isEmpty()) {
                why = "NoReasonReported";
            }
            result.add(new Condition(t, s, why, message == null ? "" : (String) message, transition));
        }
        return result;
    }

    /**
     * The deprecated v1beta1 conditions, as {@code clusterctl describe --v1beta2=false} reads them: typed objects
     * only from {@code status.deprecated.v1beta1.conditions}; provider objects from there when it decodes, else from
     * {@code status.conditions}. Decoding is lenient (any type and status, missing fields empty), but a field of the
     * wrong type or an unreadable time makes that whole list unusable.
     */
    public List<Condition> v1beta1Conditions() {
        List<Condition> deprecated = decodeV1Beta1(get("status", "deprecated", "v1beta1", "conditions"));
        if (deprecated != null || typed) {
            return deprecated == null ? List.of() : deprecated;
        }
        List<Condition> current = decodeV1Beta1(get("status", "conditions"));
        return current == null ? List.of() : current;
    }

    private static List<Condition> decodeV1Beta1(Object list) {
        if (!(list instanceof List<?> entries)) {
            return null;
        }
        List<Condition> result = new ArrayList<>();
        for (Object entry : entries) {
            if (!(entry instanceof Map<?, ?> map)) {
                return null;
            }
            String[] fields = new String[5];
            String[] names = {"type", "status", "severity", "reason", "message"};
            for (int i = 0; i < names.length; i++) {
                Object value = caseInsensitive(map, names[i]);
                if (value != null && !(value instanceof String)) {
                    return null;
                }
                fields[i] = value == null ? "" : (String) value;
            }
            Object time = caseInsensitive(map, "lastTransitionTime");
            Instant transition = null;
            if (time != null) {
                try {
                    transition = Instant.parse(time.toString());
                } catch (DateTimeParseException e) {
                    return null;
                }
            }
            result.add(new Condition(fields[0], fields[1], fields[2], fields[3], fields[4], transition));
        }
        return result;
    }

    private static Object caseInsensitive(Map<?, ?> map, String key) {
        Object exact = map.get(key);
        if (exact != null) {
            return exact;
        }
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            if (String.valueOf(entry.getKey()).equalsIgnoreCase(key)) {
                return entry.getValue();
            }
        }
        return null;
    }

    public Condition condition(String type) {
        return conditions().stream().filter(c -> c.type().equals(type)).findFirst().orElse(null);
    }
}
