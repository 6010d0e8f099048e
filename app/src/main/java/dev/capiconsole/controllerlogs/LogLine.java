package dev.capiconsole.controllerlogs;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One line of a Cluster API manager's log, parsed: the manager that wrote it, the line as written, its level, when
 * (null when the line does not say), its message and its structured keys (controller-runtime's {@code controller},
 * {@code reconcileID}, and one key per object it names, e.g. {@code Machine} with {@code namespace/name}).
 */
public record LogLine(String manager, String text, LogLevel level, Instant time, String message,
                      Map<String, String> keys) {

    public LogLine {
        keys = Collections.unmodifiableMap(new LinkedHashMap<>(keys));
    }

    /** The value of a structured key, or null. */
    public String key(String name) {
        return keys.get(name);
    }

    /** Keys every reconcile line repeats, and the JSON format's own fields. */
    private static final Set<String> BOOKKEEPING = Set.of("controller", "controllerGroup", "controllerKind",
            "reconcileID", "logger", "msg", "message", "ts", "caller", "v", "level");

    /**
     * The keys that say something about this line, as {@code key=value} separated by spaces: the error first, then
     * the others in their order, leaving out the bookkeeping every reconcile repeats and {@code omitted} (the
     * object the lines are about, which every line names).
     */
    public String details(String omitted) {
        String error = keys.containsKey("err") ? "err=" + keys.get("err") : "";
        String rest = keys.entrySet().stream()
                .filter(e -> !BOOKKEEPING.contains(e.getKey()) && !e.getKey().equals(omitted)
                        && !e.getKey().equals("err"))
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(" "));
        return (error + " " + rest).trim();
    }

    /** The line as the CLI prints it: the manager, then the line as written. */
    public String printed() {
        return manager + " " + text;
    }
}
