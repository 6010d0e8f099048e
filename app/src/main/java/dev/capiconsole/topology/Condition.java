package dev.capiconsole.topology;

import java.time.Instant;
import java.util.Set;

/**
 * A v1beta2 condition (metav1.Condition).
 *
 * @param lastTransitionTime {@code null} when the object gave none
 */
public record Condition(String type, String status, String reason, String message, Instant lastTransitionTime) {

    /** Types whose "good" state is False (clusterctl colours and filters them the other way round). */
    public static final Set<String> NEGATIVE_POLARITY =
            Set.of("Paused", "Deleting", "RollingOut", "ScalingUp", "ScalingDown", "Updating", "Remediating");

    public boolean isTrue() {
        return "True".equals(status);
    }

    public boolean negativePolarity() {
        return NEGATIVE_POLARITY.contains(type);
    }

    /** clusterctl's test for grouping and echo: both absent, or the same status and reason. */
    static boolean sameStatusAndReason(Condition a, Condition b) {
        if (a == null || b == null) {
            return a == b;
        }
        return a.status.equals(b.status) && a.reason.equals(b.reason);
    }

    Condition withoutMessage() {
        return new Condition(type, status, reason, "", lastTransitionTime);
    }

    Condition withLastTransitionTime(Instant time) {
        return new Condition(type, status, reason, message, time);
    }
}
