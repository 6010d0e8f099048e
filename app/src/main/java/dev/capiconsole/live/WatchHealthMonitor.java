package dev.capiconsole.live;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Polls the health of a connection's watches and reports changes. A lost watch is reported only once it has stayed
 * lost for the grace time: watches end and re-open routinely (the API server's watch timeout), and the user should
 * not see that flicker. Recovery and rejection are reported at once.
 */
public final class WatchHealthMonitor implements AutoCloseable {

    private final Supplier<WatchHealth> probe;
    private final long graceNanos;
    private final LongSupplier clock;
    private final Consumer<WatchHealth> changed;
    private ScheduledExecutorService scheduler;
    private WatchHealth reported = WatchHealth.WATCHING;
    private long lostSince = -1;

    WatchHealthMonitor(Supplier<WatchHealth> probe, long graceMillis, LongSupplier clock,
                       Consumer<WatchHealth> changed) {
        this.probe = probe;
        this.graceNanos = TimeUnit.MILLISECONDS.toNanos(graceMillis);
        this.clock = clock;
        this.changed = changed;
    }

    /** Polls every {@code periodMillis} on a daemon thread; {@code changed} runs on that thread. */
    public static WatchHealthMonitor start(Supplier<WatchHealth> probe, long periodMillis, long graceMillis,
                                           Consumer<WatchHealth> changed) {
        WatchHealthMonitor monitor = new WatchHealthMonitor(probe, graceMillis, System::nanoTime, changed);
        monitor.scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "capi-console-watch-health");
            thread.setDaemon(true);
            return thread;
        });
        monitor.scheduler.scheduleWithFixedDelay(monitor::check, periodMillis, periodMillis, TimeUnit.MILLISECONDS);
        return monitor;
    }

    /** One poll: reports the health if it changed (a lost watch after the grace time). */
    synchronized void check() {
        WatchHealth now;
        try {
            now = probe.get();
        } catch (RuntimeException e) {
            now = WatchHealth.reconnecting(String.valueOf(e.getMessage()));
        }
        if (now.state() == WatchHealth.State.RECONNECTING) {
            long time = clock.getAsLong();
            if (lostSince < 0) {
                lostSince = time;
            }
            if (time - lostSince < graceNanos) {
                return;
            }
        } else {
            lostSince = -1;
        }
        if (!now.equals(reported)) {
            reported = now;
            changed.accept(now);
        }
    }

    @Override
    public void close() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }
}
