package dev.capiconsole.addons;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One ClusterResourceSet as the Resource sets page and {@code get crs} show it.
 *
 * @param selector {@code matchLabels} (and expressions, as text)
 * @param resources {@code Kind/name} in order
 * @param applied the CRS's {@code ResourcesApplied} condition: status ({@code True}, {@code False}, or empty when
 *     the controller has not reported yet) and message
 * @param clusters the Clusters of its namespace it selects, each with its binding
 */
public record ResourceSetRow(String namespace, String name, String selector, List<String> resources,
        String strategy, String appliedStatus, String appliedReason, String appliedMessage,
        List<ClusterBinding> clusters) {

    public ResourceSetRow {
        resources = List.copyOf(resources);
        clusters = List.copyOf(clusters);
    }

    /**
     * A selected Cluster and its binding to this set.
     *
     * @param bound whether its ClusterResourceSetBinding lists this set
     * @param appliedResources the set's resources the binding records as applied
     */
    public record ClusterBinding(String cluster, boolean bound, int appliedResources, int resources) {
        public String state() {
            if (!bound) {
                return "not bound yet";
            }
            return appliedResources == resources ? "applied (" + resources + "/" + resources + ")"
                    : "applied " + appliedResources + " of " + resources;
        }
    }

    public String clusterNames() {
        return clusters.isEmpty() ? "(none)" : clusters.stream().map(ClusterBinding::cluster)
                .collect(Collectors.joining(", "));
    }

    static String selectorText(Map<?, ?> matchLabels, List<?> expressions) {
        String labels = matchLabels.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(","));
        String exprs = expressions.stream().map(e -> {
            Map<?, ?> m = (Map<?, ?>) e;
            return m.get("key") + " " + m.get("operator") + " " + m.get("values");
        }).collect(Collectors.joining(","));
        return labels.isEmpty() ? exprs : exprs.isEmpty() ? labels : labels + "," + exprs;
    }
}
