package dev.capiconsole.live;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Turns a burst of change signals into at most one run of {@code task} per period, on a background thread:
 * informer handlers only flip a flag, and the task rebuilds from the latest state.
 */
public final class Coalescer implements AutoCloseable {

    private final AtomicBoolean pending = new AtomicBoolean();
    private final ScheduledExecutorService scheduler;

    public Coalescer(long periodMillis, Runnable task) {
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "capi-console-coalescer");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(() -> {
            if (pending.getAndSet(false)) {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    org.slf4j.LoggerFactory.getLogger(Coalescer.class).warn("Refresh failed", e);
                }
            }
        }, periodMillis, periodMillis, TimeUnit.MILLISECONDS);
    }

    /** Asks for a run; many signals within one period give one run. */
    public void signal() {
        pending.set(true);
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
