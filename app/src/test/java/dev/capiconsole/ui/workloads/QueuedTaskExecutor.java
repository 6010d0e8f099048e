package dev.capiconsole.ui.workloads;

import dev.capiconsole.ui.common.BackgroundTask;
import dev.capiconsole.ui.common.TaskExecutor;
import java.util.ArrayDeque;
import java.util.Queue;

/** Holds background work until the test runs it, one task at a time: to see the states in between. */
final class QueuedTaskExecutor implements TaskExecutor {

    private final TaskExecutor now = TaskExecutor.sameThread();
    private final Queue<BackgroundTask<?>> waiting = new ArrayDeque<>();

    @Override
    public <T> void execute(BackgroundTask<T> task) {
        waiting.add(task);
    }

    /** Runs the oldest waiting task with its callbacks; work it gives meanwhile waits its turn. */
    void runNext() {
        now.execute(waiting.remove());
    }

    int waiting() {
        return waiting.size();
    }

    @Override
    public void onUiThread(Runnable action) {
        action.run();
    }

    @Override
    public TaskExecutor serial() {
        return this;
    }

    @Override
    public void shutdown() {
        waiting.clear();
    }
}
