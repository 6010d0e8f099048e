package dev.capiconsole.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capiconsole.topology.ApiObjectSource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntryBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IdentityItemStoreTest {

    private static GenericKubernetesResource machine(String resourceVersion) {
        GenericKubernetesResource machine = new GenericKubernetesResource();
        machine.setApiVersion("cluster.x-k8s.io/v1beta2");
        machine.setKind("Machine");
        machine.setMetadata(new ObjectMetaBuilder().withName("demo-md-0-abc").withNamespace("default").withUid("u-1")
                .withResourceVersion(resourceVersion).withLabels(Map.of("cluster.x-k8s.io/cluster-name", "demo"))
                .withManagedFields(new ManagedFieldsEntryBuilder().withManager("manager").build()).build());
        machine.setAdditionalProperty("spec", Map.of("clusterName", "demo"));
        machine.setAdditionalProperty("status", Map.of("phase", "Running"));
        return machine;
    }

    @Test
    void keepsWhatTheInformerReadsAndNothingElse() {
        IdentityItemStore store = new IdentityItemStore();
        // Else the informer would hold back its first list and hand these stubs to onAdd instead of the objects.
        assertThat(store.isFullState()).isFalse();
        GenericKubernetesResource machine = machine("7");
        String key = store.getKey(machine);
        assertThat(key).isEqualTo("default/demo-md-0-abc");

        assertThat(store.put(key, machine)).isNull();
        GenericKubernetesResource kept = store.get(key);
        assertThat(kept.getApiVersion()).isEqualTo("cluster.x-k8s.io/v1beta2");
        assertThat(kept.getKind()).isEqualTo("Machine");
        assertThat(kept.getMetadata().getName()).isEqualTo("demo-md-0-abc");
        assertThat(kept.getMetadata().getNamespace()).isEqualTo("default");
        assertThat(kept.getMetadata().getUid()).isEqualTo("u-1");
        assertThat(kept.getMetadata().getResourceVersion()).isEqualTo("7");
        assertThat(kept.getMetadata().getLabels()).isEmpty();
        assertThat(kept.getMetadata().getManagedFields()).isEmpty();
        assertThat(kept.getAdditionalProperties()).isEmpty();

        assertThat(store.put(key, machine("8")).getMetadata().getResourceVersion()).isEqualTo("7");
        assertThat(store.size()).isEqualTo(1);
        assertThat(store.keySet()).containsExactly(key);
        assertThat(store.remove(key).getMetadata().getResourceVersion()).isEqualTo("8");
        assertThat(store.size()).isZero();
    }

    @Test
    void theModelsMapHasNoManagedFields() {
        Map<String, Object> object = ApiObjectSource.map(machine("7"));
        @SuppressWarnings("unchecked")
        Map<String, Object> metadata = (Map<String, Object>) object.get("metadata");
        assertThat(metadata).containsKey("labels").doesNotContainKey("managedFields");
        assertThat(object).containsKeys("spec", "status");
    }
}
