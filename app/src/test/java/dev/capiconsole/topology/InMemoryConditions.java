package dev.capiconsole.topology;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.Map;

/** Condition checks on objects read from the lab, for waiting in tests. */
final class InMemoryConditions {

    private InMemoryConditions() {
    }

    @SuppressWarnings("unchecked")
    static boolean isTrue(GenericKubernetesResource resource, String type) {
        if (resource == null) {
            return false;
        }
        Condition condition = CapiObject.typed(Serialization.jsonMapper().convertValue(resource, Map.class))
                .condition(type);
        return condition != null && condition.isTrue();
    }
}
