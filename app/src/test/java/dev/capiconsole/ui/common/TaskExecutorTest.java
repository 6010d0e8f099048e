package dev.capiconsole.ui.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class TaskExecutorTest {

    @Test
    void sameThreadRunsWorkThenTheMatchingCallback() {
        TaskExecutor tasks = TaskExecutor.sameThread();
        AtomicReference<String> seen = new AtomicReference<>();
        BackgroundTask.of(() -> "read").onSuccess(seen::set).onFailure(e -> seen.set("failed")).runWith(tasks);
        assertThat(seen).hasValue("read");

        BackgroundTask.of(() -> {
            throw new IllegalStateException("no such cluster");
        }).onSuccess(result -> seen.set("succeeded")).onFailure(e -> seen.set(e.getMessage())).runWith(tasks);
        assertThat(seen).hasValue("no such cluster");
    }

    @Test
    void sameThreadSurfacesAFailureNobodyHandles() {
        TaskExecutor tasks = TaskExecutor.sameThread();
        assertThatThrownBy(() -> BackgroundTask.of(() -> {
            throw new IllegalStateException("lost");
        }).runWith(tasks)).hasRootCauseMessage("lost");
    }

    @Test
    void aShutDownExecutorDropsNewWork() {
        TaskExecutor tasks = TaskExecutor.sameThread();
        tasks.shutdown();
        AtomicReference<String> seen = new AtomicReference<>("untouched");
        BackgroundTask.of(() -> "late").onSuccess(seen::set).runWith(tasks);
        assertThat(seen).hasValue("untouched");
    }

    /** A lane keeps order although the pool behind it runs work side by side. */
    @Test
    void aSerialLaneRunsItsTasksOneAfterAnotherInOrder() throws Exception {
        TaskExecutor pool = new UiOnCallingThread();
        TaskExecutor lane = pool.serial();
        List<Integer> order = new CopyOnWriteArrayList<>();
        CountDownLatch done = new CountDownLatch(20);
        for (int i = 0; i < 20; i++) {
            int n = i;
            BackgroundTask.of(() -> {
                Thread.sleep(n % 3);
                order.add(n);
                return n;
            }).onSuccess(result -> done.countDown()).runWith(lane);
        }
        assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(order).containsExactlyElementsOf(java.util.stream.IntStream.range(0, 20).boxed().toList());
        pool.shutdown();
    }

    /** The window's pool, with "UI thread" callbacks run where they arrive (no JavaFX toolkit in this test). */
    private static final class UiOnCallingThread implements TaskExecutor {
        private final java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);

        @Override
        public <T> void execute(BackgroundTask<T> task) {
            pool.execute(() -> task.runAndReport(this, e -> { }));
        }

        @Override
        public void onUiThread(Runnable action) {
            action.run();
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
}
