package dev.capiconsole.operations;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import dev.capiconsole.topology.CapiObject;
import dev.capiconsole.yaml.YamlLimits;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * An operator's edit of one object, reviewed before it is applied: the diff against the object as the edit began,
 * and a server-side apply configuration that holds only the fields the edit changed (so the console does not take
 * ownership of fields it did not touch) plus the resourceVersion it began from (so a concurrent change is refused,
 * never overwritten).
 */
public record ObjectEdit(Change.Target target, List<String> diff, Map<String, Object> applyConfiguration) {

    private static final List<String> READ_ONLY_METADATA = List.of("managedFields", "creationTimestamp", "generation",
            "uid", "selfLink", "deletionTimestamp", "deletionGracePeriodSeconds", "resourceVersion");

    /** The text an operator edits: the object without status and server-kept metadata. */
    public static String editableYaml(CapiObject object) {
        return yaml(editable(object.raw()));
    }

    /** The same view of any object, for the diff against the live object when an edit met a conflict. */
    public static String editableYaml(Map<String, Object> raw) {
        return yaml(editable(raw));
    }

    /** Checks and reviews an edit of {@code original} (as it was when the edit began). */
    public static ObjectEdit plan(CapiObject original, String edited) {
        Map<String, Object> before = editable(original.raw());
        Object parsed;
        try {
            parsed = YamlLimits.CONFIG.load(edited);
        } catch (YAMLException e) {
            throw new OperationRefused("the edited text is not valid YAML: " + YamlLimits.problem(e));
        }
        if (!(parsed instanceof Map<?, ?>)) {
            throw new OperationRefused("the edited text must be one object (a YAML map)");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> after = (Map<String, Object>) parsed;
        for (String identity : List.of("apiVersion", "kind")) {
            if (!Objects.equals(before.get(identity), after.get(identity))) {
                throw new OperationRefused(identity + " cannot be changed by an edit (was " + before.get(identity)
                        + ")");
            }
        }
        Map<?, ?> metadata = after.get("metadata") instanceof Map<?, ?> m ? m : Map.of();
        if (!original.name().equals(metadata.get("name"))
                || !Objects.equals(original.namespace(), metadata.get("namespace"))) {
            throw new OperationRefused("the name and namespace cannot be changed by an edit");
        }
        if (after.containsKey("status")) {
            throw new OperationRefused("status is written by controllers, not by edits: remove it from the text");
        }
        List<String> removed = new ArrayList<>();
        Map<String, Object> changed = changes(before, after, "", removed);
        if (!removed.isEmpty()) {
            throw new OperationRefused("removing fields is not done here (server-side apply cannot remove fields "
                    + "other managers own): " + String.join(", ", removed) + "; set them to a value instead");
        }
        if (changed.isEmpty()) {
            throw new OperationRefused("nothing was changed");
        }
        Map<String, Object> configuration = new LinkedHashMap<>();
        configuration.put("apiVersion", original.apiVersion());
        configuration.put("kind", original.kind());
        Map<String, Object> identity = new LinkedHashMap<>();
        identity.put("name", original.name());
        identity.put("namespace", original.namespace());
        identity.put("resourceVersion", original.text("metadata", "resourceVersion"));
        if (changed.get("metadata") instanceof Map<?, ?> changedMetadata) {
            changedMetadata.forEach((k, v) -> identity.put(String.valueOf(k), v));
        }
        configuration.put("metadata", identity);
        changed.forEach((k, v) -> {
            if (!k.equals("metadata")) {
                configuration.put(k, v);
            }
        });
        return new ObjectEdit(ChangePlanner.target(original), diff(yaml(before), yaml(after),
                original.display()), configuration);
    }

    /**
     * The same edit against a newer resourceVersion of the object, for when only what the edit does not show
     * (status, server-kept metadata) changed since it began.
     */
    public ObjectEdit at(String resourceVersion) {
        Map<String, Object> configuration = new LinkedHashMap<>(applyConfiguration);
        @SuppressWarnings("unchecked")
        Map<String, Object> metadata = new LinkedHashMap<>((Map<String, Object>) configuration.get("metadata"));
        metadata.put("resourceVersion", resourceVersion);
        configuration.put("metadata", metadata);
        return new ObjectEdit(new Change.Target(target.apiVersion(), target.kind(), target.namespace(), target.name(),
                resourceVersion), diff, configuration);
    }

    /**
     * Whether the fields this edit sets still hold, in {@code live}, the values they had when the edit began: if so,
     * whatever else moved meanwhile (status, fields controllers own) does not touch the edit.
     */
    public boolean stillApplies(Map<String, Object> original, Map<String, Object> live) {
        return sameAt(applyConfiguration, original, live, true);
    }

    private static boolean sameAt(Map<?, ?> config, Object original, Object live, boolean top) {
        Map<?, ?> before = original instanceof Map<?, ?> m ? m : Map.of();
        Map<?, ?> now = live instanceof Map<?, ?> m ? m : Map.of();
        for (Map.Entry<?, ?> entry : config.entrySet()) {
            String key = String.valueOf(entry.getKey());
            if (top && (key.equals("apiVersion") || key.equals("kind"))) {
                continue;
            }
            if (entry.getValue() instanceof Map<?, ?> nested) {
                Map<Object, Object> fields = new LinkedHashMap<>(nested);
                if (top && key.equals("metadata")) {
                    fields.keySet().removeAll(List.of("name", "namespace", "resourceVersion"));
                }
                if (!sameAt(fields, before.get(key), now.get(key), false)) {
                    return false;
                }
            } else if (!Objects.equals(before.get(key), now.get(key))) {
                return false;
            }
        }
        return true;
    }

    /** A unified diff (3 lines of context) from {@code before} to {@code after}; empty when they are the same. */
    public static List<String> diff(String before, String after, String name) {
        List<String> a = before.lines().toList();
        List<String> b = after.lines().toList();
        return UnifiedDiffUtils.generateUnifiedDiff(name + " (before)", name + " (after)", a, DiffUtils.diff(a, b), 3);
    }

    /** The fields of {@code after} that differ from {@code before}: maps recursively, other values whole. */
    private static Map<String, Object> changes(Map<?, ?> before, Map<?, ?> after, String path, List<String> removed) {
        Map<String, Object> changed = new LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : after.entrySet()) {
            String key = String.valueOf(entry.getKey());
            Object old = before.get(key);
            Object now = entry.getValue();
            if (old instanceof Map<?, ?> oldMap && now instanceof Map<?, ?> newMap) {
                Map<String, Object> nested = changes(oldMap, newMap, path + "." + key, removed);
                if (!nested.isEmpty()) {
                    changed.put(key, nested);
                }
            } else if (!Objects.equals(old, now)) {
                changed.put(key, now);
            }
        }
        for (Object key : before.keySet()) {
            if (!after.containsKey(key)) {
                removed.add(path + "." + key);
            }
        }
        return changed;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> editable(Map<String, Object> raw) {
        Map<String, Object> copy = CapiObject.deepCopy(raw);
        copy.remove("status");
        if (copy.get("metadata") instanceof Map<?, ?> metadata) {
            READ_ONLY_METADATA.forEach(((Map<String, Object>) metadata)::remove);
        }
        return copy;
    }

    private static String yaml(Map<String, Object> object) {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        return new Yaml(options).dump(object);
    }
}
