package dev.capiconsole.templates;

import dev.capiconsole.topology.CapiObject;
import java.util.Map;

/** Small readers for untyped Kubernetes objects. */
final class ObjectKeys {

    private ObjectKeys() {
    }

    static Map<?, ?> map(Object value) {
        return value instanceof Map<?, ?> map ? map : Map.of();
    }

    static String text(Object value) {
        return value == null ? "" : String.valueOf(value);
    }

    static String label(Map<String, Object> object) {
        Map<?, ?> metadata = map(object.get("metadata"));
        return CapiObject.display(text(object.get("kind")), text(metadata.get("namespace")),
                text(metadata.get("name")));
    }
}
