package dev.capiconsole.operations;

import dev.capiconsole.events.EventRow;
import dev.capiconsole.topology.CapiObject;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Instant;
import java.util.List;

/** The events of one object of the management cluster (what the controllers reported about it). */
public final class ObjectEvents {

    private ObjectEvents() {
    }

    public static List<EventRow> read(KubernetesClient client, CapiObject object, Instant now) {
        return EventRow.about(client.v1().events().inNamespace(object.namespace())
                        .withField("involvedObject.name", object.name()).list().getItems(), object.kind(),
                object.name(), object.text("metadata", "uid").isEmpty() ? null : object.text("metadata", "uid"), now);
    }
}
