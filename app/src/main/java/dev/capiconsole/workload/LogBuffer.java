package dev.capiconsole.workload;

import java.util.ArrayDeque;
import java.util.Deque;

/** The last lines of a followed log, bounded so that a chatty container cannot fill the heap. Thread-safe. */
public final class LogBuffer {

    private final int maxLines;
    private final Deque<String> lines = new ArrayDeque<>();
    private long dropped;

    public LogBuffer(int maxLines) {
        if (maxLines < 1) {
            throw new IllegalArgumentException("a log buffer holds at least one line");
        }
        this.maxLines = maxLines;
    }

    public synchronized void add(String line) {
        lines.addLast(line);
        if (lines.size() > maxLines) {
            lines.removeFirst();
            dropped++;
        }
    }

    public synchronized void set(String text) {
        lines.clear();
        dropped = 0;
        if (!text.isEmpty()) {
            text.lines().forEach(this::add);
        }
    }

    /** The kept lines, each ending with a line break, after a note on how many older ones were let go. */
    public synchronized String text() {
        StringBuilder out = new StringBuilder();
        if (dropped > 0) {
            out.append("… ").append(dropped).append(" earlier lines not kept (the view keeps the last ")
                    .append(maxLines).append(")\n");
        }
        lines.forEach(l -> out.append(l).append('\n'));
        return out.toString();
    }
}
