package dev.capiconsole.ui.common;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * One piece of work for a {@link TaskExecutor}: it runs off the FX thread, and its callbacks run on the FX thread
 * (with {@link TaskExecutor#sameThread()}, on the calling thread). Build it, then hand it to an executor:
 * {@code BackgroundTask.of(() -> read()).onSuccess(show).onFailure(explain).runWith(tasks)}.
 *
 * @param <T> what the work produces
 */
public final class BackgroundTask<T> {

    /** Work that produces nothing but may fail. */
    @FunctionalInterface
    public interface Work {
        void run() throws Exception;
    }

    private final Callable<T> work;
    private Consumer<? super T> onSuccess = result -> { };
    private Consumer<Exception> onFailure;

    private BackgroundTask(Callable<T> work) {
        this.work = work;
    }

    public static <T> BackgroundTask<T> of(Callable<T> work) {
        return new BackgroundTask<>(work);
    }

    public static BackgroundTask<Void> of(Work work) {
        return new BackgroundTask<>(() -> {
            work.run();
            return null;
        });
    }

    /** Runs with the result on the FX thread once the work succeeded. */
    public BackgroundTask<T> onSuccess(Consumer<? super T> action) {
        this.onSuccess = action;
        return this;
    }

    /** Runs on the FX thread when the work threw; without it the failure is logged. */
    public BackgroundTask<T> onFailure(Consumer<Exception> action) {
        this.onFailure = action;
        return this;
    }

    public void runWith(TaskExecutor executor) {
        executor.execute(this);
    }

    /**
     * Runs the work on this thread, then hands its result or failure to the callbacks on the executor's UI thread;
     * a failure nobody asked for goes to {@code unhandled}.
     */
    void runAndReport(TaskExecutor executor, Consumer<Exception> unhandled) {
        T result;
        try {
            result = work.call();
        } catch (Exception e) {
            if (onFailure == null) {
                unhandled.accept(e);
            } else {
                executor.onUiThread(() -> onFailure.accept(e));
            }
            return;
        }
        executor.onUiThread(() -> onSuccess.accept(result));
    }
}
