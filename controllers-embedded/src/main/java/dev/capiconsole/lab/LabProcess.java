package dev.capiconsole.lab;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** One upstream program of the lab, its output in a log file of its own. */
final class LabProcess {

    private final String name;
    private final Process process;
    private final Path log;
    private final List<String> command;
    private final Map<String, String> environment;
    private final boolean ownSession;

    private LabProcess(String name, Process process, Path log, List<String> command, Map<String, String> environment,
                       boolean ownSession) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.command = List.copyOf(command);
        this.environment = Map.copyOf(environment);
        this.ownSession = ownSession;
    }

    static LabProcess start(String name, List<String> command, Map<String, String> environment, Path log) {
        return start(name, command, environment, log, false);
    }

    /**
     * Starts the process; {@code ownSession} puts it in a session of its own (setsid) so that it outlives the
     * terminal and the JVM that started it, for a lab started by {@code capi-console lab start}.
     */
    static LabProcess start(String name, List<String> command, Map<String, String> environment, Path log,
                            boolean ownSession) {
        return launch(name, command, environment, log, ownSession, false);
    }

    /** The same program started again with the same arguments, its output appended to the same log. */
    LabProcess startAgain() {
        if (process.isAlive()) {
            throw new LabException(name + " is still running (pid " + process.pid() + ")");
        }
        return launch(name, command, environment, log, ownSession, true);
    }

    private static LabProcess launch(String name, List<String> command, Map<String, String> environment, Path log,
                                     boolean ownSession, boolean appendToLog) {
        Path binary = Path.of(command.get(0));
        if (!Files.isExecutable(binary)) {
            throw new LabException(name + " cannot start: " + binary + " is missing or not executable. "
                    + "Rebuild the lab binaries with controllers-embedded/lab-build/build-lab.sh --force " + name);
        }
        try {
            Files.createDirectories(log.getParent());
            if (!appendToLog) {
                Files.writeString(log, "");
            }
            List<String> full = new ArrayList<>();
            if (ownSession && Files.isExecutable(Path.of("/usr/bin/setsid"))) {
                full.add("/usr/bin/setsid");
            }
            full.addAll(command);
            ProcessBuilder builder = new ProcessBuilder(full)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().putAll(environment);
            Process process = builder.start();
            process.getOutputStream().close();
            return new LabProcess(name, process, log, command, environment, ownSession);
        } catch (IOException e) {
            throw new LabException(name + " cannot start: " + e.getMessage(), e);
        }
    }

    String name() {
        return name;
    }

    long pid() {
        return process.pid();
    }

    Path log() {
        return log;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Waits until {@code ready} holds; fails with the log's tail if the process exits or time runs out. */
    void awaitReady(BooleanSupplier ready, Duration timeout, Supplier<String> lastProbe) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new LabException(name + " exited with code " + process.exitValue() + " while starting. "
                        + "Last lines of " + log + ":\n" + tail(20));
            }
            if (ready.getAsBoolean()) {
                return;
            }
            sleep(200);
        }
        throw new LabException(name + " was not ready after " + timeout.toSeconds() + " s (last probe: "
                + lastProbe.get() + "). Last lines of " + log + ":\n" + tail(20));
    }

    /** Ends the process at once (SIGKILL), as a crash would, and waits until it is gone. */
    void kill() {
        process.toHandle().destroyForcibly();
        try {
            process.onExit().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new LabException(name + " (pid " + process.pid() + ") did not end after SIGKILL", e);
        }
    }

    /** Asks the process to end, then ends it by force after {@code grace}. */
    void stop(Duration grace) {
        stop(process.toHandle(), grace);
    }

    static void stop(ProcessHandle handle, Duration grace) {
        if (!handle.isAlive()) {
            return;
        }
        handle.destroy();
        try {
            handle.onExit().get(grace.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            handle.destroyForcibly();
            try {
                handle.onExit().get(5, TimeUnit.SECONDS);
            } catch (Exception ignored) {
                // It is gone or cannot be ended; nothing more can be done from here.
            }
        }
    }

    String tail(int lines) {
        return tail(log, lines);
    }

    static String tail(Path file, int lines) {
        if (!Files.isRegularFile(file)) {
            return "(no log)";
        }
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            long length = in.length();
            long start = Math.max(0, length - 16_384);
            in.seek(start);
            byte[] bytes = new byte[(int) (length - start)];
            in.readFully(bytes);
            List<String> all = List.of(new String(bytes, StandardCharsets.UTF_8).split("\n"));
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LabException("interrupted while waiting", e);
        }
    }
}
