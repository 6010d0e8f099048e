package dev.capiconsole.live;

import dev.capiconsole.topology.CapiObject;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The index's Cluster API core objects filed by kind, namespace and cluster name (the
 * {@code cluster.x-k8s.io/cluster-name} label): the overview asks for one list per cluster on every refresh, and
 * with hundreds of clusters a scan of every object per list would cost more than the rest of the refresh.
 */
final class ObjectsByCluster {

    private final String coreGroup;
    private final Map<String, Map<String, CapiObject>> lists = new ConcurrentHashMap<>();

    ObjectsByCluster(String coreGroup) {
        this.coreGroup = coreGroup;
    }

    /** Files {@code object}; {@code previous} is the object it replaces, or null. */
    void stored(CapiObject object, CapiObject previous) {
        String key = key(object);
        if (key != null) {
            lists.compute(key, (k, named) -> {
                Map<String, CapiObject> filed = named == null ? new ConcurrentHashMap<>() : named;
                filed.put(object.name(), object);
                return filed;
            });
        }
        if (previous != null && !Objects.equals(key(previous), key)) {
            deleted(previous);
        }
    }

    /** Unfiles {@code stored}: the object as it was stored, since a deletion may say no more than its name. */
    void deleted(CapiObject stored) {
        String key = key(stored);
        if (key != null) {
            lists.computeIfPresent(key, (k, named) -> {
                named.remove(stored.name(), stored);
                return named.isEmpty() ? null : named; // a deleted cluster leaves no empty lists behind
            });
        }
    }

    /** The cluster's objects of a core kind, by name. */
    List<CapiObject> list(String kind, String namespace, String clusterName) {
        Map<String, CapiObject> named = lists.get(key(kind, namespace, clusterName));
        if (named == null) {
            return List.of();
        }
        return named.values().stream().sorted(Comparator.comparing(CapiObject::name)).toList();
    }

    private String key(CapiObject object) {
        Object clusterName = object.labels().get(CapiObject.CLUSTER_NAME_LABEL);
        String apiVersion = object.apiVersion();
        if (clusterName == null || !apiVersion.startsWith(coreGroup + "/")) {
            return null;
        }
        return key(object.kind(), object.namespace(), String.valueOf(clusterName));
    }

    private static String key(String kind, String namespace, String clusterName) {
        return kind + "/" + namespace + "/" + clusterName;
    }
}
