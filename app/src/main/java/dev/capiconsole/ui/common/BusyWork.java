package dev.capiconsole.ui.common;

import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.StringProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A page's background work that the page shows: busy while it runs, what it is doing in the status text, its
 * failure's message in the error text (and the whole exception in the log).
 */
public final class BusyWork {

    private static final Logger LOG = LoggerFactory.getLogger(BusyWork.class);

    private final TaskExecutor tasks;
    private final BooleanProperty busy;
    private final StringProperty status;
    private final StringProperty error;

    public BusyWork(TaskExecutor tasks, BooleanProperty busy, StringProperty status, StringProperty error) {
        this.tasks = tasks;
        this.busy = busy;
        this.status = status;
        this.error = error;
    }

    /** Runs {@code work} in the background; its result goes to {@code show} on the FX thread. */
    public <T> void run(String what, Callable<T> work, Consumer<T> show) {
        busy.set(true);
        status.set(what);
        BackgroundTask.of(work)
                .onSuccess(result -> {
                    busy.set(false);
                    show.accept(result);
                })
                .onFailure(e -> {
                    LOG.warn("{} failed", what, e);
                    busy.set(false);
                    error.set(e.getMessage() == null ? e.toString() : e.getMessage());
                    status.set("");
                })
                .runWith(tasks);
    }
}
