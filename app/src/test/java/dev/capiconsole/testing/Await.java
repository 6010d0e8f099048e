package dev.capiconsole.testing;

import java.time.Duration;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Polls a condition until it holds, for tests that wait on a lab, a process or a window. A condition that throws
 * counts as not yet (an object not created yet, a control not shown yet); on timeout the failure names what was
 * awaited and carries the last such exception.
 */
public final class Await {

    private static final Duration POLL = Duration.ofMillis(250);

    private Await() {
    }

    /** Waits until {@code condition} is true, failing after {@code timeout} with {@code what} in the message. */
    public static void until(Duration timeout, String what, BooleanSupplier condition) {
        value(timeout, what, () -> condition.getAsBoolean() ? Optional.of(Boolean.TRUE) : Optional.empty());
    }

    /** Waits until {@code probe} gives a value and returns it, failing as {@link #until} does. */
    public static <T> T value(Duration timeout, String what, Supplier<Optional<T>> probe) {
        long deadline = System.nanoTime() + timeout.toNanos();
        RuntimeException last = null;
        while (true) {
            try {
                Optional<T> found = probe.get();
                if (found.isPresent()) {
                    return found.get();
                }
            } catch (RuntimeException e) {
                last = e;
            }
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("Not reached within " + seconds(timeout) + ": " + what
                        + (last == null ? "" : " (last attempt failed: " + last + ")"), last);
            }
            sleep();
        }
    }

    private static String seconds(Duration timeout) {
        return timeout.toMillis() % 1000 == 0 ? timeout.toSeconds() + " s" : timeout.toMillis() + " ms";
    }

    private static void sleep() {
        try {
            Thread.sleep(POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting", e);
        }
    }
}
