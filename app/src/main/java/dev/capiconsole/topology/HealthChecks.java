package dev.capiconsole.topology;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What a MachineHealthCheck watches and how it stands, read from its v1beta2 shape ({@link V1Beta1Core} converts
 * older ones): which Machines it selects, and its spec and counters in one line for a person.
 */
public final class HealthChecks {

    public static final String SKIP_REMEDIATION = "cluster.x-k8s.io/skip-remediation";
    public static final String REMEDIATE_MACHINE = "cluster.x-k8s.io/remediate-machine";
    public static final String PAUSED = "cluster.x-k8s.io/paused";

    private HealthChecks() {
    }

    /**
     * Whether the check selects the Machine: the MachineHealthCheck controller lists Machines of its namespace by its
     * selector plus the cluster-name label of its {@code spec.clusterName}.
     */
    public static boolean selects(CapiObject check, CapiObject machine) {
        return check.namespace().equals(machine.namespace())
                && check.text("spec", "clusterName").equals(machine.labels().get(CapiObject.CLUSTER_NAME_LABEL))
                && LabelSelector.matches(check.map("spec", "selector"), machine.labels());
    }

    /** The checks among {@code checks} that select the Machine, in the given order. */
    public static List<CapiObject> selecting(List<CapiObject> checks, CapiObject machine) {
        return checks.stream().filter(check -> selects(check, machine)).toList();
    }

    /** Machines the checks count as not healthy: expected minus currently healthy, summed. */
    public static int unhealthyMachines(List<CapiObject> checks) {
        int unhealthy = 0;
        for (CapiObject check : checks) {
            Long expected = check.integer("status", "expectedMachines");
            Long healthy = check.integer("status", "currentHealthy");
            if (expected != null) {
                unhealthy += (int) Math.max(0, expected - (healthy == null ? 0 : healthy));
            }
        }
        return unhealthy;
    }

    /**
     * One line for the describe tree, e.g. {@code selects cluster.x-k8s.io/deployment-name=md-0; checks: node
     * startup 600s, Node Ready=False 300s; remediates while unhealthy <= 40%; 2 remediations allowed}.
     */
    public static String summary(CapiObject check) {
        List<String> parts = new ArrayList<>();
        parts.add("selects " + selector(check.map("spec", "selector")));
        List<String> checks = new ArrayList<>();
        Long startup = check.integer("spec", "checks", "nodeStartupTimeoutSeconds");
        if (startup != null) {
            checks.add("node startup " + startup + "s");
        }
        checks.addAll(conditions("Node", check.get("spec", "checks", "unhealthyNodeConditions")));
        checks.addAll(conditions("Machine", check.get("spec", "checks", "unhealthyMachineConditions")));
        if (!checks.isEmpty()) {
            parts.add("checks: " + String.join(", ", checks));
        }
        String range = check.text("spec", "remediation", "triggerIf", "unhealthyInRange");
        String limit = check.text("spec", "remediation", "triggerIf", "unhealthyLessThanOrEqualTo");
        if (!range.isEmpty()) {
            parts.add("remediates while unhealthy in " + range);
        } else if (!limit.isEmpty()) {
            parts.add("remediates while unhealthy <= " + limit);
        }
        if (check.annotations().containsKey(PAUSED)) {
            parts.add("paused (" + PAUSED + ")");
        } else {
            Long allowed = check.integer("status", "remediationsAllowed");
            if (allowed != null) {
                parts.add(allowed + (allowed == 1 ? " remediation" : " remediations") + " allowed");
            }
        }
        return String.join("; ", parts);
    }

    static String selector(Map<String, Object> selector) {
        List<String> terms = new ArrayList<>();
        if (selector.get("matchLabels") instanceof Map<?, ?> labels) {
            labels.forEach((key, value) -> terms.add(key + "=" + value));
        }
        if (selector.get("matchExpressions") instanceof List<?> expressions) {
            for (Object expression : expressions) {
                if (expression instanceof Map<?, ?> map) {
                    terms.add(expression(map));
                }
            }
        }
        return terms.isEmpty() ? "every Machine" : String.join(",", terms);
    }

    private static String expression(Map<?, ?> expression) {
        String key = String.valueOf(expression.get("key"));
        String values = expression.get("values") instanceof List<?> list
                ? list.stream().map(String::valueOf).collect(Collectors.joining(",", "(", ")")) : "";
        return switch (String.valueOf(expression.get("operator"))) {
            case "In" -> key + " in " + values;
            case "NotIn" -> key + " notin " + values;
            case "Exists" -> key;
            case "DoesNotExist" -> "!" + key;
            default -> key + " " + expression.get("operator") + " " + values;
        };
    }

    private static List<String> conditions(String where, Object list) {
        List<String> texts = new ArrayList<>();
        if (list instanceof List<?> entries) {
            for (Object entry : entries) {
                if (entry instanceof Map<?, ?> map) {
                    Object timeout = map.get("timeoutSeconds");
                    texts.add(where + " " + map.get("type") + "=" + map.get("status")
                            + (timeout == null ? "" : " " + timeout + "s"));
                }
            }
        }
        return texts;
    }
}
