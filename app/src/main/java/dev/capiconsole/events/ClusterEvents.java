package dev.capiconsole.events;

import dev.capiconsole.topology.ClusterSnapshot;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.ObjectReference;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A Cluster's events timeline: the management cluster's events whose object is one of the Cluster's tree (the
 * Cluster, its infrastructure cluster and control plane, Machines, MachineDeployments, MachineSets, MachinePools,
 * infrastructure machines, bootstrap configs, MachineHealthChecks), newest first.
 */
public final class ClusterEvents {

    private ClusterEvents() {
    }

    /** The objects of the snapshot, as {@code Kind/namespace/name} keys. */
    public static Set<String> objectKeys(ClusterSnapshot snapshot) {
        Set<String> keys = new LinkedHashSet<>();
        Stream.of(List.of(snapshot.cluster()), snapshot.referencedObjects(), snapshot.machines(),
                        snapshot.machineDeployments(), snapshot.machineSets(), snapshot.machinePools(),
                        snapshot.machineHealthChecks())
                .flatMap(Collection::stream)
                .forEach(object -> keys.add(key(object.kind(), object.namespace(), object.name())));
        return keys;
    }

    /** The events about the objects of {@code keys}, newest first. */
    public static List<TimelineEvent> timeline(Collection<Event> events, Set<String> keys, Instant now) {
        return events.stream()
                .filter(e -> e.getInvolvedObject() != null && keys.contains(key(e.getInvolvedObject(), e)))
                .map(e -> new TimelineEvent(e.getInvolvedObject().getKind() + "/" + e.getInvolvedObject().getName(),
                        EventRow.lastSeen(e), EventRow.of(e, now)))
                .sorted(Comparator.comparing(TimelineEvent::lastSeen,
                        Comparator.nullsLast(Comparator.<Instant>naturalOrder().reversed())))
                .toList();
    }

    /** Whether a timeline row passes the type choice (null: any) and contains the text (ignoring case). */
    public static boolean shown(TimelineEvent event, String type, String text) {
        if (type != null && !type.equals(event.event().type())) {
            return false;
        }
        if (text == null || text.isBlank()) {
            return true;
        }
        String wanted = text.trim().toLowerCase(Locale.ROOT);
        EventRow row = event.event();
        return Stream.of(event.object(), row.reason(), row.message(), row.from())
                .anyMatch(field -> field.toLowerCase(Locale.ROOT).contains(wanted));
    }

    private static String key(ObjectReference involved, Event event) {
        String namespace = involved.getNamespace() != null ? involved.getNamespace()
                : event.getMetadata() == null ? null : event.getMetadata().getNamespace();
        return key(involved.getKind(), namespace, involved.getName());
    }

    private static String key(String kind, String namespace, String name) {
        return kind + "/" + namespace + "/" + name;
    }
}
