package dev.capiconsole.controllerlogs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Consumer;

/**
 * A manager of the embedded lab: a process on this machine whose output goes to a file in the lab's data directory,
 * in this machine's time zone. The whole file is read; the time window is the filter's business.
 */
record LabLogFile(String manager, Path file) implements ManagerLog {

    @Override
    public ZoneId zone() {
        return ZoneId.systemDefault();
    }

    @Override
    public List<String> read(Instant from) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the log of " + manager + " in " + file, e);
        }
    }

    @Override
    public Follow follow(Instant from, Consumer<List<String>> batches) {
        return FileTail.start(file, batches);
    }
}
