package dev.capiconsole.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/** A fault case's measured time: printed as {@code FAULT <case> <what> in 12.1 s} and appended to the results file. */
final class FaultTimes {

    static final Path RESULTS = Path.of("target", "fault-results.txt");

    private FaultTimes() {
    }

    static Duration since(Instant start) {
        return Duration.between(start, Instant.now());
    }

    static void record(String faultCase, String what, Duration time) {
        String line = String.format(Locale.ROOT, "FAULT %s %s in %.1f s", faultCase, what, time.toMillis() / 1000.0);
        System.out.println(line);
        try {
            Files.createDirectories(RESULTS.toAbsolutePath().getParent());
            Files.writeString(RESULTS, line + System.lineSeparator(), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
