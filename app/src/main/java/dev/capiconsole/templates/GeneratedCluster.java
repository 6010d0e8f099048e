package dev.capiconsole.templates;

import dev.capiconsole.addons.ClusterAddons;
import java.util.List;
import java.util.Map;

/**
 * A generated workload cluster: its objects (ClusterClass objects first, when the template needed a ClusterClass
 * the management cluster lacks; the add-ons' ConfigMaps and ClusterResourceSet last), where the text came from,
 * which ClusterClasses were brought along, and which manifest lines the add-ons' adaptation changed.
 */
public record GeneratedCluster(List<Map<String, Object>> objects, String origin, List<String> addedClusterClasses,
        List<ClusterAddons.Preview> addonPreviews) {

    public GeneratedCluster(List<Map<String, Object>> objects, String origin, List<String> addedClusterClasses) {
        this(objects, origin, addedClusterClasses, List.of());
    }

    public String yaml() {
        return TemplateObjects.toYaml(objects);
    }
}
