package dev.capiconsole.topology;

import java.util.Map;

/** A v1beta2 contract reference ({@code apiGroup, kind, name}) in a namespace. */
public record ObjectRef(String apiGroup, String kind, String namespace, String name) {

    /** The reference at {@code map}, or null when none of its fields is set (clusterctl's "not defined"). */
    public static ObjectRef of(Map<String, Object> map, String namespace) {
        String group = text(map.get("apiGroup"));
        String kind = text(map.get("kind"));
        String name = text(map.get("name"));
        if (group.isEmpty() && kind.isEmpty() && name.isEmpty()) {
            return null;
        }
        return new ObjectRef(group, kind, namespace, name);
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    String key() {
        return apiGroup + "/" + kind + "/" + namespace + "/" + name;
    }
}
