package dev.capiconsole.ui.common;

/** Runs work and callbacks at once on the calling thread: view-model tests without a window or waits. */
final class SameThreadTaskExecutor implements TaskExecutor {

    private boolean shutDown;

    @Override
    public <T> void execute(BackgroundTask<T> task) {
        if (shutDown) {
            return;
        }
        task.runAndReport(this, e -> {
            throw new IllegalStateException("Background work failed and nothing handles the failure", e);
        });
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
        shutDown = true;
    }
}
