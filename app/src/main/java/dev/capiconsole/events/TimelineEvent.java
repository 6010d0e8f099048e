package dev.capiconsole.events;

import java.time.Instant;

/** One event of a cluster's timeline: the object it is about ({@code Kind/name}), when it was last seen, the event. */
public record TimelineEvent(String object, Instant lastSeen, EventRow event) {
}
