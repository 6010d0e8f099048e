package dev.capiconsole.live;

import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Turns a burst of change signals into runs of {@code task} on a background thread, at least {@code gapMillis}
 * apart (from the end of one run to the start of the next): informer handlers only flip a flag, and the task
 * rebuilds from the latest state. A signal after a quiet spell runs at once, so a lone change is not held back
 * by a timer; a signal during a run, or within the gap after it, gives one more run when the gap ends.
 */
public final class Coalescer implements AutoCloseable {

    private final long gapNanos;
    private final Runnable task;
    private final ScheduledExecutorService scheduler;
    private final AtomicBoolean pending = new AtomicBoolean();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private volatile long lastEnd;

    public Coalescer(long gapMillis, Runnable task) {
        this.gapNanos = TimeUnit.MILLISECONDS.toNanos(gapMillis);
        this.task = task;
        this.lastEnd = System.nanoTime() - gapNanos;
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "capi-console-coalescer");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Asks for a run; many signals before it starts give one run. */
    public void signal() {
        pending.set(true);
        scheduleIfIdle();
    }

    private void scheduleIfIdle() {
        if (!scheduled.compareAndSet(false, true)) {
            return; // a run is due or under way; it will look at pending when it ends
        }
        try {
            scheduler.schedule(this::run, Math.max(0, lastEnd + gapNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException closed) {
            scheduled.set(false);
        }
    }

    private void run() {
        pending.set(false); // from here on, a signal asks for another run
        try {
            task.run();
        } catch (RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(Coalescer.class).warn("Refresh failed", e);
        } finally {
            lastEnd = System.nanoTime();
            scheduled.set(false);
        }
        if (pending.get()) {
            scheduleIfIdle();
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
