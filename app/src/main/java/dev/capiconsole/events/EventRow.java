package dev.capiconsole.events;

import dev.capiconsole.topology.HumanDuration;
import io.fabric8.kubernetes.api.model.Event;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/** One event of an object, as {@code kubectl describe} lists them: type, reason, age, source, count, message. */
public record EventRow(String type, String reason, String age, String from, int count, String message) {

    /**
     * The events that are about one object (kind, name and, when both sides have one, uid), oldest first. Some
     * servers ignore field selectors, so the filter is applied here too.
     */
    public static List<EventRow> about(List<Event> events, String kind, String name, String uid, Instant now) {
        return events.stream()
                .filter(e -> e.getInvolvedObject() != null && kind.equals(e.getInvolvedObject().getKind())
                        && name.equals(e.getInvolvedObject().getName())
                        && (uid == null || e.getInvolvedObject().getUid() == null
                        || uid.equals(e.getInvolvedObject().getUid())))
                .sorted(Comparator.comparing(EventRow::lastSeen, Comparator.nullsFirst(Comparator.naturalOrder())))
                .map(e -> of(e, now)).toList();
    }

    public static EventRow of(Event e, Instant now) {
        String from = e.getSource() != null && e.getSource().getComponent() != null ? e.getSource().getComponent()
                : Objects.requireNonNullElse(e.getReportingComponent(), "");
        String seen = lastSeenText(e);
        return new EventRow(Objects.requireNonNullElse(e.getType(), ""), Objects.requireNonNullElse(e.getReason(), ""),
                seen == null ? "" : age(seen, now), from, e.getCount() == null ? 1 : e.getCount(),
                Objects.requireNonNullElse(e.getMessage(), "").trim());
    }

    private static String lastSeenText(Event e) {
        if (e.getLastTimestamp() != null) {
            return e.getLastTimestamp();
        }
        if (e.getEventTime() != null && e.getEventTime().getTime() != null) {
            return e.getEventTime().getTime();
        }
        return e.getMetadata() == null ? null : e.getMetadata().getCreationTimestamp();
    }

    /** When the event was last seen (its last timestamp, event time or creation), or null. */
    public static Instant lastSeen(Event e) {
        String text = lastSeenText(e);
        try {
            return text == null ? null : Instant.parse(text);
        } catch (DateTimeParseException ex) {
            return null;
        }
    }

    private static String age(String timestamp, Instant now) {
        try {
            return HumanDuration.since(Instant.parse(timestamp), now);
        } catch (DateTimeParseException e) {
            return timestamp;
        }
    }
}
