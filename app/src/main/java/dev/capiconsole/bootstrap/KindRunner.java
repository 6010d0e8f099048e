package dev.capiconsole.bootstrap;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Runs the {@code kind} executable: create (with our config file, output streamed line by line as
 * {@link KindProgress}), delete, list. A create can be cancelled; kind then leaves a half-made cluster, which
 * {@link #delete(String)} removes.
 */
public final class KindRunner {

    private final Path kind;
    private final java.util.Map<String, String> environment;

    public KindRunner(Path kind) {
        this(kind, java.util.Map.of());
    }

    /** With extra environment variables for kind (e.g. {@code KIND_EXPERIMENTAL_PROVIDER=podman}). */
    public KindRunner(Path kind, java.util.Map<String, String> environment) {
        this.kind = kind;
        this.environment = java.util.Map.copyOf(environment);
    }

    /** A running {@code kind create cluster}. */
    public static final class Creation {
        private final Process process;
        private final CompletableFuture<Integer> exit;
        private volatile boolean cancelled;

        private Creation(Process process, CompletableFuture<Integer> exit) {
            this.process = process;
            this.exit = exit;
        }

        /** Completes with kind's exit code once its output has been read to the end. */
        public CompletableFuture<Integer> exit() {
            return exit;
        }

        public void cancel() {
            cancelled = true;
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
        }

        public boolean cancelled() {
            return cancelled;
        }
    }

    /**
     * Starts {@code kind create cluster --config FILE} (the file is written to {@code workDir}); with
     * {@code kubeconfig} the context goes to that file instead of the default one.
     */
    public Creation create(KindClusterConfig config, Path workDir, Path kubeconfig, Consumer<KindProgress> progress)
            throws IOException {
        Files.createDirectories(workDir);
        Path file = workDir.resolve("kind-" + config.name() + ".yaml");
        Files.writeString(file, config.yaml(), StandardCharsets.UTF_8);
        List<String> command = new ArrayList<>(List.of(kind.toString(), "create", "cluster", "--name", config.name(),
                "--config", file.toString(), "--wait", "2m"));
        if (kubeconfig != null) {
            command.add("--kubeconfig");
            command.add(kubeconfig.toString());
        }
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process = builder.start();
        process.getOutputStream().close();
        CompletableFuture<Integer> exit = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    if (!line.isBlank()) {
                        progress.accept(KindProgress.read(line));
                    }
                }
                exit.complete(process.waitFor());
            } catch (IOException | InterruptedException e) {
                exit.completeExceptionally(e);
            }
        }, "capi-console-kind");
        reader.setDaemon(true);
        reader.start();
        return new Creation(process, exit);
    }

    /** {@code kind delete cluster --name NAME}; returns kind's output. */
    public String delete(String name) {
        return run(List.of("delete", "cluster", "--name", name));
    }

    /** {@code kind get clusters}: the names of the local kind clusters. */
    public List<String> clusters() {
        return run(List.of("get", "clusters")).lines().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("No kind clusters found")).toList();
    }

    private String run(List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(kind.toString());
        command.addAll(args);
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int code = process.waitFor();
            if (code != 0) {
                String error = output.lines().map(KindProgress::read).filter(p -> p.kind() == KindProgress.Kind.ERROR)
                        .map(KindProgress::text).reduce((a, b) -> b).orElse(output.strip());
                throw new BootstrapException("kind " + String.join(" ", args) + " failed (exit " + code + "): "
                        + error);
            }
            return output;
        } catch (IOException e) {
            throw new BootstrapException("cannot run " + kind + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BootstrapException("interrupted while running kind");
        }
    }
}
