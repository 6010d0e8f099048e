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
 * not see that flicker. Recovery and rejection are reported at once. While any watch is lost, a check of the
 * credentials is started at once and then every few seconds: a watch that fails on a revoked token only looks like
 * one that cannot reconnect, and the sooner it is found the fewer requests the API server refuses.
 */
public final class WatchHealthMonitor implements AutoCloseable {

    static final long CREDENTIAL_CHECK_MILLIS = 5_000;

    private final Supplier<WatchHealth> probe;
    private final Runnable credentialCheck;
    private final long graceNanos;
    private final LongSupplier clock;
    private final Consumer<WatchHealth> changed;
    private ScheduledExecutorService scheduler;
    private WatchHealth reported = WatchHealth.WATCHING;
    private long lostSince = -1;
    private long checkedAt = -1;

    WatchHealthMonitor(Supplier<WatchHealth> probe, Runnable credentialCheck, long graceMillis,
                       LongSupplier clock, Consumer<WatchHealth> changed) {
        this.probe = probe;
        this.credentialCheck = credentialCheck;
        this.graceNanos = TimeUnit.MILLISECONDS.toNanos(graceMillis);
        this.clock = clock;
        this.changed = changed;
    }

    /**
     * Polls {@code probe} every {@code periodMillis} on a daemon thread, and starts {@code credentialCheck} (which
     * must not block: its outcome shows in the probe) when a watch is lost and then every few seconds while it stays
     * lost; {@code changed} runs on the polling thread.
     */
    public static WatchHealthMonitor start(Supplier<WatchHealth> probe, Runnable credentialCheck,
                                           long periodMillis, long graceMillis, Consumer<WatchHealth> changed) {
        WatchHealthMonitor monitor = new WatchHealthMonitor(probe, credentialCheck, graceMillis, System::nanoTime,
                changed);
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
            if (checkedAt < 0 || time - checkedAt >= TimeUnit.MILLISECONDS.toNanos(CREDENTIAL_CHECK_MILLIS)) {
                checkedAt = time;
                credentialCheck.run();
            }
            if (time - lostSince < graceNanos) {
                return;
            }
        } else {
            lostSince = -1;
            checkedAt = -1;
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
