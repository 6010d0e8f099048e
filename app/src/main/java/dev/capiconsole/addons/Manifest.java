package dev.capiconsole.addons;

import dev.capiconsole.yaml.YamlLimits;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * The text of one add-on manifest, checked: valid YAML with at least one Kubernetes object.
 *
 * @param name a short name for the ConfigMap (e.g. {@code calico}, or the file's name without extension)
 * @param file the data key in the ConfigMap, the file's name as {@code kubectl create configmap --from-file} uses it
 * @param text the manifest, as read (adapted later)
 * @param origin where it was read, for messages
 * @param pool the default pod network it carries, replaced by the Cluster's
 */
public record Manifest(String name, String file, String text, String origin, PodCidr.Pool pool) {

    /** Refuses text that is not YAML, holds a document that is not an object, or holds no object at all. */
    public Manifest {
        checkObjects(text, origin);
    }

    public int bytes() {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    public Manifest withText(String adapted) {
        return new Manifest(name, file, adapted, origin, pool);
    }

    private static void checkObjects(String text, String origin) {
                List<Object> objects = new ArrayList<>();
        int index = 0;
        try {
            for (Object document : new Yaml(YamlLimits.MANIFEST.constructor()).loadAll(text)) {
                index++;
                if (document == null) {
                    continue;
                }
                YamlLimits.MANIFEST.checkExpansion(document);
                if (!(document instanceof Map<?, ?> map) || !(map.get("apiVersion") instanceof String)
                        || !(map.get("kind") instanceof String)) {
                    throw new AddonException(origin + ": document " + index
                            + " is not a Kubernetes object (it needs apiVersion and kind); nothing was written");
                }
                objects.add(map);
            }
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark();
            throw new AddonException(origin + " is not valid YAML" + (mark == null ? "" : " at line "
                    + (mark.getLine() + 1)) + ": " + e.getProblem() + "; nothing was written", e);
        } catch (YAMLException e) {
            throw new AddonException(origin + " is not valid YAML: " + YamlLimits.problem(e)
                    + "; nothing was written", e);
        }
        if (objects.isEmpty()) {
            throw new AddonException(origin + " holds no Kubernetes object; nothing was written");
        }
    }
}
