package dev.capiconsole.problems;

import java.time.Duration;

/**
 * The rules' limits.
 *
 * @param provisionTimeout how long a Machine, a control plane or a rollout may take before it counts as stuck
 * @param deletionTimeout how long an object may stay in deletion before it counts as stuck on a finalizer
 * @param certificateWindow how close a control-plane Machine's certificate expiry may come before it is reported
 */
public record ProblemOptions(Duration provisionTimeout, Duration deletionTimeout, Duration certificateWindow) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(10);

    public static ProblemOptions defaults() {
        return new ProblemOptions(DEFAULT_TIMEOUT, DEFAULT_TIMEOUT, Duration.ofDays(30));
    }
}
