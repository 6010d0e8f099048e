package dev.capiconsole.ui.common;

import dev.capiconsole.testing.Await;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * A {@link TaskExecutor} for view-model tests whose work really runs in the background: callbacks run on one
 * "UI thread" of its own, as on the FX thread, and the test reads the view-model's state on that thread too.
 */
public final class TestUiThread implements TaskExecutor {

    private final ExecutorService pool = Executors.newCachedThreadPool(daemon("test-background"));
    private final ExecutorService ui = Executors.newSingleThreadExecutor(daemon("test-ui"));

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    @Override
    public <T> void execute(BackgroundTask<T> task) {
        pool.execute(() -> task.runAndReport(this, FxTaskExecutor::logFailure));
    }

    @Override
    public void onUiThread(Runnable action) {
        ui.execute(action);
    }

    @Override
    public TaskExecutor serial() {
        return new SerialLane(this);
    }

    /** Runs on the UI thread and returns what it read. */
    public <T> T read(Supplier<T> reading) {
        try {
            return ui.submit(reading::get).get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException | TimeoutException e) {
            throw new IllegalStateException("the UI thread did not answer", e);
        }
    }

    /** Checks the condition on the UI thread until it holds; fails naming what it waited for. */
    public void await(String what, Duration timeout, BooleanSupplier condition) {
        Await.until(timeout, what, () -> read(condition::getAsBoolean));
    }

    @Override
    public void shutdown() {
        pool.shutdownNow();
        ui.shutdownNow();
    }
}
