package dev.capiconsole.install;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as clusterctl's flags and config file write them: {@code 10m}, {@code 1h30m}, {@code 90s}. */
public final class GoDuration {

    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(h|ms|m|s)");

    private GoDuration() {
    }

    public static Optional<Duration> parse(String text) {
        String trimmed = text == null ? "" : text.trim();
        if (trimmed.isEmpty()) {
            return Optional.empty();
        }
        Matcher matcher = PART.matcher(trimmed);
        double millis = 0;
        int end = 0;
        while (matcher.find()) {
            if (matcher.start() != end) {
                return Optional.empty();
            }
            double value = Double.parseDouble(matcher.group(1));
            millis += switch (matcher.group(2)) {
                case "h" -> value * 3_600_000;
                case "m" -> value * 60_000;
                case "s" -> value * 1_000;
                default -> value;
            };
            end = matcher.end();
        }
        return end == trimmed.length() && end > 0 ? Optional.of(Duration.ofMillis(Math.round(millis)))
                : Optional.empty();
    }

    /** Go's way of printing a duration: {@code 10m0s}, {@code 1h0m0s}, {@code 1.5s}. */
    public static String format(Duration duration) {
        long hours = duration.toHours();
        long minutes = duration.toMinutesPart();
        long seconds = duration.toSecondsPart();
        long millis = duration.toMillisPart();
        String secondsText = millis == 0 ? seconds + "s"
                : (seconds + "." + String.format("%03d", millis)).replaceAll("0+$", "") + "s";
        if (hours > 0) {
            return hours + "h" + minutes + "m" + secondsText;
        }
        if (minutes > 0) {
            return minutes + "m" + secondsText;
        }
        return secondsText;
    }
}
