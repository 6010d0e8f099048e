package dev.capiconsole.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;

class LatestOnUiThreadTest {

    /** A UI thread that runs what it was given only when the test says so. */
    private final Deque<Runnable> uiQueue = new ArrayDeque<>();
    private final TaskExecutor slowUi = new TaskExecutor() {
        @Override
        public <T> void execute(BackgroundTask<T> task) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void onUiThread(Runnable action) {
            uiQueue.add(action);
        }

        @Override
        public TaskExecutor serial() {
            return this;
        }

        @Override
        public void shutdown() {
        }
    };

    @Test
    void updatesPostedWhileTheUiThreadIsBusyCollapseIntoTheNewest() {
        LatestOnUiThread handOff = new LatestOnUiThread(slowUi);
        List<Integer> applied = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            int update = i;
            handOff.post(() -> applied.add(update));
        }
        assertThat(uiQueue).as("one turn of the UI thread asked for, not five").hasSize(1);
        uiQueue.poll().run();
        assertThat(applied).containsExactly(5);
    }

    @Test
    void anUpdateAfterTheUiThreadTookTheLastOneGetsATurnOfItsOwn() {
        LatestOnUiThread handOff = new LatestOnUiThread(slowUi);
        List<Integer> applied = new ArrayList<>();
        handOff.post(() -> applied.add(1));
        uiQueue.poll().run();
        handOff.post(() -> applied.add(2));
        assertThat(uiQueue).hasSize(1);
        uiQueue.poll().run();
        assertThat(applied).containsExactly(1, 2);
        assertThat(uiQueue).isEmpty();
    }
}
