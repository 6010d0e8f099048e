package dev.capiconsole.templates;

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
        String namespace = text(metadata.get("namespace"));
        return object.get("kind") + " " + (namespace.isEmpty() ? "" : namespace + "/") + text(metadata.get("name"));
    }
}
