package dev.capiconsole.topology;

import java.time.Duration;
import java.time.Instant;

/** Ages as kubectl and clusterctl print them: 45s, 2m30s, 10m, 3h, 7h59m, 2d1h, 8d, 2y1d. */
public final class HumanDuration {

    /** What Go prints for the age of a zero time: its duration saturates at about 292 years. */
    static final String ZERO_TIME = "292y";

    private HumanDuration() {
    }

    /** The age of {@code since} at {@code now}; a missing time reads as Go's zero time does. */
    public static String since(Instant since, Instant now) {
        return since == null ? ZERO_TIME : format(Duration.between(since, now));
    }

    public static String format(Duration d) {
        long seconds = d.getSeconds() + (d.isNegative() && d.getNano() > 0 ? 1 : 0);
        if (seconds < -1) {
            return "<invalid>";
        }
        if (seconds < 0) {
            return "0s";
        }
        if (seconds < 120) {
            return seconds + "s";
        }
        long minutes = seconds / 60;
        if (minutes < 10) {
            long rest = seconds % 60;
            return rest == 0 ? minutes + "m" : minutes + "m" + rest + "s";
        }
        if (minutes < 180) {
            return minutes + "m";
        }
        long hours = minutes / 60;
        if (hours < 8) {
            long rest = minutes % 60;
            return rest == 0 ? hours + "h" : hours + "h" + rest + "m";
        }
        if (hours < 48) {
            return hours + "h";
        }
        if (hours < 192) {
            long rest = hours % 24;
            return rest == 0 ? hours / 24 + "d" : hours / 24 + "d" + rest + "h";
        }
        if (hours < 24 * 365 * 2) {
            return hours / 24 + "d";
        }
        long days = hours / 24;
        if (hours < 24 * 365 * 8) {
            long rest = days % 365;
            return rest == 0 ? days / 365 + "y" : days / 365 + "y" + rest + "d";
        }
        return days / 365 + "y";
    }
}
