package dev.capiconsole.templates;

import java.util.List;
import java.util.Map;

/**
 * A generated workload cluster: its objects (ClusterClass objects first, when the template needed a ClusterClass
 * the management cluster lacks), the template's variables with their defaults, and where the text came from.
 */
public record GeneratedCluster(List<Map<String, Object>> objects, Map<String, String> variables, String origin,
        List<String> addedClusterClasses) {

    public String yaml() {
        return TemplateObjects.toYaml(objects);
    }
}
