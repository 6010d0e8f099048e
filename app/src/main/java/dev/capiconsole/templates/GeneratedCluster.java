package dev.capiconsole.templates;

import java.util.List;
import java.util.Map;

/**
 * A generated workload cluster: its objects (ClusterClass objects first, when the template needed a ClusterClass
 * the management cluster lacks), where the text came from, and which ClusterClasses were brought along.
 */
public record GeneratedCluster(List<Map<String, Object>> objects, String origin, List<String> addedClusterClasses) {

    public String yaml() {
        return TemplateObjects.toYaml(objects);
    }
}
