package dev.capiconsole.ui.common;

import java.util.concurrent.atomic.AtomicReference;

/**
 * Hands the UI thread only the newest of a stream of whole-state updates: while one waits for the UI thread, a newer
 * one takes its place. A busy UI thread so gets one update per turn instead of a queue it can never catch up with.
 */
public final class LatestOnUiThread {

    private final TaskExecutor tasks;
    private final AtomicReference<Runnable> waiting = new AtomicReference<>();

    public LatestOnUiThread(TaskExecutor tasks) {
        this.tasks = tasks;
    }

    /** Runs {@code update} on the UI thread unless a newer one is posted before it gets there. */
    public void post(Runnable update) {
        if (waiting.getAndSet(update) == null) {
            tasks.onUiThread(() -> {
                Runnable latest = waiting.getAndSet(null);
                if (latest != null) {
                    latest.run();
                }
            });
        }
    }
}
