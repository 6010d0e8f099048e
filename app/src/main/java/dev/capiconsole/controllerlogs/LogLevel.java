package dev.capiconsole.controllerlogs;

import java.util.Locale;

/** How severe a manager's log line is, as klog's first letter or a JSON line's level says. */
public enum LogLevel {
    INFO, WARNING, ERROR;

    /** klog's severity letter: I, W, E, or F (fatal, shown as an error). */
    static LogLevel ofKlog(char letter) {
        return switch (letter) {
            case 'W' -> WARNING;
            case 'E', 'F' -> ERROR;
            default -> INFO;
        };
    }

    /** A level as a person or a JSON logger names it: info, warn, warning, error, fatal, debug... */
    public static LogLevel named(String name) {
        return switch (name.trim().toLowerCase(Locale.ROOT)) {
            case "warn", "warning" -> WARNING;
            case "error", "err", "fatal", "panic", "dpanic" -> ERROR;
            case "info", "debug", "trace" -> INFO;
            default -> throw new IllegalArgumentException("unknown log level '" + name
                    + "': use info, warning or error");
        };
    }

    /** Whether a line of this level passes a filter that asks for {@code minimum} and above. */
    public boolean atLeast(LogLevel minimum) {
        return compareTo(minimum) >= 0;
    }
}
