package dev.capiconsole.topology;

import java.time.Instant;
import java.util.Set;

/**
 * A condition: v1beta2 (metav1.Condition, no severity) or, in v1beta1 mode, a deprecated v1beta1 condition.
 *
 * @param severity {@code Error}, {@code Warning}, {@code Info} or empty (always empty for v1beta2 conditions)
 * @param lastTransitionTime {@code null} when the object gave none
 */
public record Condition(String type, String status, String severity, String reason, String message,
                        Instant lastTransitionTime) {

    /** A v1beta2 condition, which has no severity. */
    public Condition(String type, String status, String reason, String message, Instant lastTransitionTime) {
        this(type, status, "", reason, message, lastTransitionTime);
    }

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

    /** The v1beta1 test for grouping and echo: both absent, or the same status, severity and reason. */
    static boolean sameStatusSeverityAndReason(Condition a, Condition b) {
        if (a == null || b == null) {
            return a == b;
        }
        return a.status.equals(b.status) && a.severity.equals(b.severity) && a.reason.equals(b.reason);
    }

    Condition withoutMessage() {
        return new Condition(type, status, severity, reason, "", lastTransitionTime);
    }

    Condition withLastTransitionTime(Instant time) {
        return new Condition(type, status, severity, reason, message, time);
    }
}
