package dev.capiconsole.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capiconsole.topology.CapiObject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ObjectsByClusterTest {

    private final ObjectsByCluster lists = new ObjectsByCluster("cluster.x-k8s.io");

    private static CapiObject object(String apiVersion, String kind, String name, String clusterName) {
        Map<String, Object> metadata = new HashMap<>(Map.of("name", name, "namespace", "default"));
        if (clusterName != null) {
            metadata.put("labels", Map.of("cluster.x-k8s.io/cluster-name", clusterName));
        }
        return CapiObject.unstructured(Map.of("apiVersion", apiVersion, "kind", kind, "metadata", metadata));
    }

    private static CapiObject machine(String name, String clusterName) {
        return object("cluster.x-k8s.io/v1beta2", "Machine", name, clusterName);
    }

    private List<String> names(String kind, String clusterName) {
        return lists.list(kind, "default", clusterName).stream().map(CapiObject::name).toList();
    }

    @Test
    void aClustersListHoldsItsOwnCoreObjectsByName() {
        lists.stored(machine("b", "one"), null);
        lists.stored(machine("a", "one"), null);
        lists.stored(machine("c", "two"), null);
        lists.stored(object("cluster.x-k8s.io/v1beta1", "Machine", "old-api", "one"), null);
        lists.stored(object("infrastructure.cluster.x-k8s.io/v1beta2", "Machine", "not-core", "one"), null);
        lists.stored(machine("unlabelled", null), null);

        assertThat(names("Machine", "one")).containsExactly("a", "b", "old-api");
        assertThat(names("Machine", "two")).containsExactly("c");
        assertThat(names("MachineSet", "one")).isEmpty();
        assertThat(lists.list("Machine", "other-namespace", "one")).isEmpty();
    }

    @Test
    void anObjectWhoseLabelChangesMovesToItsNewCluster() {
        CapiObject first = machine("a", "one");
        lists.stored(first, null);
        CapiObject moved = machine("a", "two");
        lists.stored(moved, first);
        assertThat(names("Machine", "one")).isEmpty();
        assertThat(names("Machine", "two")).containsExactly("a");

        CapiObject unlabelled = machine("a", null);
        lists.stored(unlabelled, moved);
        assertThat(names("Machine", "two")).isEmpty();
    }

    @Test
    void anUpdateInPlaceKeepsOneEntryAndADeletionRemovesIt() {
        CapiObject first = machine("a", "one");
        lists.stored(first, null);
        CapiObject second = machine("a", "one");
        lists.stored(second, first);
        assertThat(lists.list("Machine", "default", "one")).containsExactly(second);

        // A deletion of an object already replaced leaves the newer one filed.
        lists.deleted(first);
        assertThat(lists.list("Machine", "default", "one")).containsExactly(second);
        lists.deleted(second);
        assertThat(names("Machine", "one")).isEmpty();
    }
}
