package dev.capiconsole.controllerlogs;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.List;

/** The last lines followed about an object, bounded so that a chatty controller cannot fill the heap. Thread-safe. */
public final class MatchedLines {

    private final int capacity;
    private final Deque<LogLine> lines = new ArrayDeque<>();
    private long dropped;

    public MatchedLines(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("keeps at least one line");
        }
        this.capacity = capacity;
    }

    public synchronized void addAll(Collection<LogLine> added) {
        for (LogLine line : added) {
            lines.addLast(line);
            if (lines.size() > capacity) {
                lines.removeFirst();
                dropped++;
            }
        }
    }

    public synchronized void clear() {
        lines.clear();
        dropped = 0;
    }

    /** The kept lines by time. */
    public synchronized List<LogLine> byTime() {
        List<LogLine> copy = new ArrayList<>(lines);
        copy.sort(ObjectLogs.BY_TIME);
        return copy;
    }

    /** How many older lines were let go to stay within the capacity. */
    public synchronized long dropped() {
        return dropped;
    }
}
