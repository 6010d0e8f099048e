package dev.capiconsole.ui.common;

import java.util.ArrayDeque;
import java.util.Queue;

/** Tasks of one lane run one at a time, in order, on the executor the lane belongs to. */
final class SerialLane implements TaskExecutor {

    private final TaskExecutor executor;
    private final Queue<BackgroundTask<?>> waiting = new ArrayDeque<>();
    private boolean running;
    private volatile boolean shutDown;

    SerialLane(TaskExecutor executor) {
        this.executor = executor;
    }

    @Override
    public <T> void execute(BackgroundTask<T> task) {
        synchronized (waiting) {
            if (shutDown) {
                return;
            }
            waiting.add(task);
            if (running) {
                return;
            }
            running = true;
        }
        executor.execute(BackgroundTask.of(this::drain));
    }

    private void drain() {
        while (true) {
            BackgroundTask<?> next;
            synchronized (waiting) {
                next = waiting.poll();
                if (next == null || shutDown) {
                    running = false;
                    waiting.clear();
                    return;
                }
            }
            next.runAndReport(executor, FxTaskExecutor::logFailure);
        }
    }

    @Override
    public void onUiThread(Runnable action) {
        executor.onUiThread(action);
    }

    @Override
    public TaskExecutor serial() {
        return new SerialLane(this);
    }

    @Override
    public void shutdown() {
        shutDown = true;
    }
}
