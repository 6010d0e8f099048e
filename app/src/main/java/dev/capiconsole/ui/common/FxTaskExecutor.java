package dev.capiconsole.ui.common;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Work on daemon threads of one pool, callbacks through {@link Platform#runLater}. */
final class FxTaskExecutor implements TaskExecutor {

    private static final Logger LOG = LoggerFactory.getLogger(FxTaskExecutor.class);
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final ExecutorService pool;

    FxTaskExecutor() {
        this(Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "capi-console-background-" + THREADS.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }));
    }

    private FxTaskExecutor(ExecutorService pool) {
        this.pool = pool;
    }

    @Override
    public <T> void execute(BackgroundTask<T> task) {
        try {
            pool.execute(() -> task.runAndReport(this, FxTaskExecutor::logFailure));
        } catch (RejectedExecutionException e) {
            LOG.debug("Work given after the window closed is dropped: nobody is left to see its result");
        }
    }

    static void logFailure(Exception e) {
        LOG.warn("Background work failed", e);
    }

    @Override
    public void onUiThread(Runnable action) {
        if (Platform.isFxApplicationThread()) {
            action.run();
        } else {
            Platform.runLater(action);
        }
    }

    @Override
    public TaskExecutor serial() {
        return new SerialLane(this);
    }

    @Override
    public void shutdown() {
        pool.shutdownNow();
    }
}
