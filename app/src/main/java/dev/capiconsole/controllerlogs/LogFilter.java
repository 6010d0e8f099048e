package dev.capiconsole.controllerlogs;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * Which lines to show: at least a level, within a time window ({@code from} and {@code to} may each be open), and
 * containing a text (ignoring case). A line whose time is unknown is shown only when the window is open on both ends.
 */
public record LogFilter(LogLevel minimum, Instant from, Instant to, String text) implements Predicate<LogLine> {

    public static LogFilter all() {
        return new LogFilter(LogLevel.INFO, null, null, "");
    }

    /** The last {@code window} before {@code now}. */
    public static LogFilter since(Duration window, Instant now) {
        return all().window(now.minus(window), null);
    }

    /** {@code radius} either side of {@code instant}: to read what the controllers did around a condition's change. */
    public static LogFilter around(Instant instant, Duration radius) {
        return all().window(instant.minus(radius), instant.plus(radius));
    }

    public LogFilter window(Instant newFrom, Instant newTo) {
        return new LogFilter(minimum, newFrom, newTo, text);
    }

    public LogFilter atLeast(LogLevel level) {
        return new LogFilter(level, from, to, text);
    }

    public LogFilter containing(String newText) {
        return new LogFilter(minimum, from, to, newText == null ? "" : newText);
    }

    @Override
    public boolean test(LogLine line) {
        if (!line.level().atLeast(minimum)) {
            return false;
        }
        if (from != null || to != null) {
            Instant time = line.time();
            if (time == null || (from != null && time.isBefore(from)) || (to != null && time.isAfter(to))) {
                return false;
            }
        }
        return text.isBlank() || line.text().toLowerCase(Locale.ROOT).contains(text.trim().toLowerCase(Locale.ROOT));
    }
}
