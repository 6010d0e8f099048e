package dev.capiconsole.topology;

import io.fabric8.kubernetes.api.model.APIGroup;
import io.fabric8.kubernetes.api.model.GroupVersionForDiscovery;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Management clusters older than Cluster API v1.11 serve the core kinds only as v1beta1. This reads such objects
 * into the v1beta2 shape the describe tree and the overview use, for the fields they use: v1beta1 references
 * ({@code apiVersion}) become v1beta2 ones ({@code apiGroup}), {@code spec.topology.class} becomes
 * {@code classRef}, the v1beta2 conditions and counters move out of {@code status.v1beta2}, and the v1beta1
 * conditions move to {@code status.deprecated.v1beta1.conditions}.
 */
public final class V1Beta1Core {

    private static final String[][] REFERENCES = {
        {"spec", "infrastructureRef"}, {"spec", "controlPlaneRef"}, {"spec", "bootstrap", "configRef"},
        {"spec", "template", "spec", "infrastructureRef"}, {"spec", "template", "spec", "bootstrap", "configRef"}};

    private static final String GO_DURATION_UNIT = "(\\d+(?:\\.\\d+)?)(h|ms|m|s|us|µs|ns)";
    private static final Pattern GO_DURATION = Pattern.compile("(?:" + GO_DURATION_UNIT + ")+");
    private static final Pattern GO_DURATION_PART = Pattern.compile(GO_DURATION_UNIT);

    private V1Beta1Core() {
    }

    /** The version of {@code cluster.x-k8s.io} to read: v1beta2 when served, else v1beta1. */
    public static String servedVersion(KubernetesClient client) {
        try {
            APIGroup group = client.getApiGroup("cluster.x-k8s.io");
            if (group != null && group.getVersions() != null && group.getVersions().stream()
                    .map(GroupVersionForDiscovery::getVersion).noneMatch("v1beta2"::equals)
                    && group.getVersions().stream().map(GroupVersionForDiscovery::getVersion)
                    .anyMatch("v1beta1"::equals)) {
                return "v1beta1";
            }
        } catch (KubernetesClientException e) {
            // Discovery refused: assume the current API and let the reads report what is wrong.
        }
        return "v1beta2";
    }

    /** A core object as the tree reads it: v1beta2 objects unchanged, v1beta1 ones converted. */
    public static CapiObject typed(Map<String, Object> raw) {
        return CapiObject.typed(String.valueOf(raw.get("apiVersion")).endsWith("/v1beta1") ? toV1Beta2(raw) : raw);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> toV1Beta2(Map<String, Object> raw) {
        Map<String, Object> object = CapiObject.deepCopy(raw);
        String apiVersion = String.valueOf(object.get("apiVersion"));
        object.put("apiVersion", apiVersion.substring(0, apiVersion.length() - "v1beta1".length()) + "v1beta2");
        for (String[] path : REFERENCES) {
            if (get(object, path) instanceof Map<?, ?> ref && ref.get("apiVersion") instanceof String version) {
                Map<String, Object> writable = (Map<String, Object>) ref;
                int slash = version.indexOf('/');
                writable.put("apiGroup", slash < 0 ? "" : version.substring(0, slash));
            }
        }
        if (get(object, "spec", "topology") instanceof Map<?, ?> topology && topology.get("class") != null) {
            Map<String, Object> classRef = new LinkedHashMap<>();
            classRef.put("name", topology.get("class"));
            if (topology.get("classNamespace") != null) {
                classRef.put("namespace", topology.get("classNamespace"));
            }
            ((Map<String, Object>) topology).put("classRef", classRef);
        }
        if ("MachineHealthCheck".equals(object.get("kind")) && object.get("spec") instanceof Map<?, ?> spec) {
            object.put("spec", healthCheckSpec((Map<String, Object>) spec));
        }
        if (object.get("status") instanceof Map<?, ?> statusMap) {
            Map<String, Object> status = (Map<String, Object>) statusMap;
            Object deprecatedConditions = status.remove("conditions");
            Map<String, Object> v1beta2 = status.remove("v1beta2") instanceof Map<?, ?> m
                    ? (Map<String, Object>) m : Map.of();
            for (String replaced : List.of("readyReplicas", "availableReplicas", "updatedReplicas")) {
                status.remove(replaced);
            }
            status.putAll(v1beta2);
            if (deprecatedConditions != null) {
                status.put("deprecated", Map.of("v1beta1", Map.of("conditions", deprecatedConditions)));
            }
        }
        return object;
    }

    /** A v1beta1 MachineHealthCheck spec in v1beta2's shape: {@code checks} and {@code remediation.triggerIf}. */
    private static Map<String, Object> healthCheckSpec(Map<String, Object> spec) {
        Map<String, Object> converted = new LinkedHashMap<>(spec);
        Map<String, Object> checks = new LinkedHashMap<>();
        Long startup = seconds(converted.remove("nodeStartupTimeout"));
        if (startup != null) {
            checks.put("nodeStartupTimeoutSeconds", startup);
        }
        putConditions(checks, "unhealthyNodeConditions", converted.remove("unhealthyConditions"));
        putConditions(checks, "unhealthyMachineConditions", converted.remove("unhealthyMachineConditions"));
        converted.put("checks", checks);
        Map<String, Object> triggerIf = new LinkedHashMap<>();
        Object maxUnhealthy = converted.remove("maxUnhealthy");
        if (maxUnhealthy != null) {
            triggerIf.put("unhealthyLessThanOrEqualTo", maxUnhealthy);
        }
        Object range = converted.remove("unhealthyRange");
        if (range != null) {
            triggerIf.put("unhealthyInRange", range);
        }
        converted.put("remediation", Map.of("triggerIf", triggerIf));
        return converted;
    }

    private static void putConditions(Map<String, Object> checks, String key, Object list) {
        if (!(list instanceof List<?> entries)) {
            return;
        }
        List<Map<String, Object>> converted = new ArrayList<>();
        for (Object entry : entries) {
            if (entry instanceof Map<?, ?> map) {
                Map<String, Object> condition = new LinkedHashMap<>();
                condition.put("type", map.get("type"));
                condition.put("status", map.get("status"));
                Long timeout = seconds(map.get("timeout"));
                if (timeout != null) {
                    condition.put("timeoutSeconds", timeout);
                }
                converted.add(condition);
            }
        }
        checks.put(key, converted);
    }

    /** Whole seconds of a Go duration as metav1.Duration writes it ({@code 5m0s}, {@code 1h0m0s}), or null. */
    static Long seconds(Object duration) {
        if (!(duration instanceof String text) || !GO_DURATION.matcher(text).matches()) {
            return null;
        }
        double total = 0;
        Matcher part = GO_DURATION_PART.matcher(text);
        while (part.find()) {
            double value = Double.parseDouble(part.group(1));
            total += switch (part.group(2)) {
                case "h" -> value * 3600;
                case "m" -> value * 60;
                case "s" -> value;
                case "ms" -> value / 1_000;
                case "us", "µs" -> value / 1_000_000;
                default -> value / 1_000_000_000;
            };
        }
        return (long) total;
    }

    private static Object get(Map<String, Object> object, String... path) {
        Object current = object;
        for (String key : path) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(key);
        }
        return current;
    }
}
