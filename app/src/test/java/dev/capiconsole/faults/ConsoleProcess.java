package dev.capiconsole.faults;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The console's CLI in a JVM of its own (this test's class path, {@code dev.capiconsole.Main}), so that it can be
 * ended with SIGKILL as a crash or a closed laptop would end it. Standard output is read line by line as it comes;
 * standard error goes to a file.
 */
final class ConsoleProcess implements AutoCloseable {

    private static final String END = "\u0000end";

    private final Process process;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final List<String> seen = java.util.Collections.synchronizedList(new ArrayList<>());
    private final Path errors;

    private ConsoleProcess(Process process, Path errors) {
        this.process = process;
        this.errors = errors;
        Thread reader = new Thread(this::read, "console-process-out");
        reader.setDaemon(true);
        reader.start();
    }

    static ConsoleProcess start(Path workDir, String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"), "dev.capiconsole.Main"));
        command.addAll(List.of(args));
        try {
            Files.createDirectories(workDir);
            Path errors = Files.createTempFile(workDir, "console-", ".err");
            Process process = new ProcessBuilder(command).directory(workDir.toFile())
                    .redirectError(errors.toFile()).start();
            process.getOutputStream().close();
            return new ConsoleProcess(process, errors);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void read() {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                seen.add(line);
                lines.add(line);
            }
        } catch (IOException e) {
            // the process was killed: its output ends here
        } finally {
            lines.add(END);
        }
    }

    /** Waits for the first output line that matches; fails when the process ends or the time runs out first. */
    String awaitLine(Predicate<String> wanted, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            String line = lines.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (line == null || line.equals(END)) {
                throw new AssertionError("no matching line " + (line == null ? "within " + timeout
                        : "before the process ended (exit " + process.waitFor() + ")") + "; output: " + output()
                        + "; errors: " + errors());
            }
            if (wanted.test(line)) {
                return line;
            }
        }
    }

    /** SIGKILL; true when the process was still running to be killed. */
    boolean killHard() throws InterruptedException {
        boolean alive = process.isAlive();
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
        return alive;
    }

    /** Waits for the end and returns the exit code. */
    int await(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the console did not finish within " + timeout + "; output: " + output());
        }
        return process.exitValue();
    }

    boolean alive() {
        return process.isAlive();
    }

    String output() {
        synchronized (seen) {
            return String.join("\n", seen);
        }
    }

    String errors() {
        try {
            return Files.readString(errors);
        } catch (IOException e) {
            return "(" + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
