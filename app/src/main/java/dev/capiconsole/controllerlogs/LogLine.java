package dev.capiconsole.controllerlogs;

import java.time.Instant;
import java.util.Map;

/**
 * One line of a Cluster API manager's log, parsed: the manager that wrote it, the line as written, its level, when
 * (null when the line does not say), its message and its structured keys (controller-runtime's {@code controller},
 * {@code reconcileID}, and one key per object it names, e.g. {@code Machine} with {@code namespace/name}).
 */
public record LogLine(String manager, String text, LogLevel level, Instant time, String message,
                      Map<String, String> keys) {

    public LogLine {
        keys = Map.copyOf(keys);
    }

    /** The value of a structured key, or null. */
    public String key(String name) {
        return keys.get(name);
    }

    /** The line as the CLI prints it: the manager, then the line as written. */
    public String printed() {
        return manager + " " + text;
    }
}
