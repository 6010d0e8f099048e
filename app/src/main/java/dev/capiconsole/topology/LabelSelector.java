package dev.capiconsole.topology;

import java.util.List;
import java.util.Map;

/** Kubernetes label selector matching ({@code matchLabels} and {@code matchExpressions}), as a MachineHealthCheck uses it. */
public final class LabelSelector {

    private LabelSelector() {
    }

    public static boolean matches(Map<String, Object> selector, Map<String, Object> labels) {
        if (selector.get("matchLabels") instanceof Map<?, ?> matchLabels) {
            for (Map.Entry<?, ?> entry : matchLabels.entrySet()) {
                if (!String.valueOf(entry.getValue()).equals(labels.get(String.valueOf(entry.getKey())))) {
                    return false;
                }
            }
        }
        if (selector.get("matchExpressions") instanceof List<?> expressions) {
            for (Object expression : expressions) {
                if (!(expression instanceof Map<?, ?> map) || !expressionMatches(map, labels)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean expressionMatches(Map<?, ?> expression, Map<String, Object> labels) {
        String key = String.valueOf(expression.get("key"));
        List<?> values = expression.get("values") instanceof List<?> list ? list : List.of();
        Object value = labels.get(key);
        return switch (String.valueOf(expression.get("operator"))) {
            case "In" -> value != null && values.contains(value);
            case "NotIn" -> value == null || !values.contains(value);
            case "Exists" -> value != null;
            case "DoesNotExist" -> value == null;
            default -> false;
        };
    }
}
