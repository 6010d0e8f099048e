package dev.capiconsole.ui.common;

/**
 * The one way the window runs background work: view-models hand it {@link BackgroundTask}s and get their results
 * back on the FX thread. {@link #fx()} is the window's; {@link #sameThread()} runs everything at once on the calling
 * thread, so view-models can be tested without a window.
 */
public interface TaskExecutor {

    /** Runs the task's work in the background, then its success or failure callback on the UI thread. */
    <T> void execute(BackgroundTask<T> task);

    /** Runs an action on the UI thread (for updates that arrive from elsewhere, e.g. informers). */
    void onUiThread(Runnable action);

    /**
     * An executor whose tasks run one after another, in the order given (one lane of this executor): for work
     * that must not overlap, such as reading then writing the same objects.
     */
    TaskExecutor serial();

    /** Stops taking work; running work is interrupted. */
    void shutdown();

    static TaskExecutor fx() {
        return new FxTaskExecutor();
    }

    static TaskExecutor sameThread() {
        return new SameThreadTaskExecutor();
    }
}
