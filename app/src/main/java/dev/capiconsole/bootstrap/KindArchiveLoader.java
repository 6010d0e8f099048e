package dev.capiconsole.bootstrap;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/** {@code kind load image-archive FILE --name CLUSTER}: a saved image archive loaded into every node of a kind cluster. */
public final class KindArchiveLoader {

    private final Path kind;
    private final Map<String, String> environment;

    public KindArchiveLoader(Path kind, Map<String, String> environment) {
        this.kind = kind;
        this.environment = Map.copyOf(environment);
    }

    /**
     * Checks the archive, then runs kind; {@code progress} gets what is loaded, kind's lines and the time taken.
     * A failure is a {@link BootstrapException} with kind's last error line.
     */
    public ImageArchive load(String cluster, Path archive, Consumer<String> progress) {
        ImageArchive checked = ImageArchive.check(archive);
        progress.accept("Loading " + archive.getFileName() + " (" + megabytes(checked.bytes()) + ", "
                + (checked.images().isEmpty() ? "no tags in its manifest" : checked.images().size() + " image(s): "
                + String.join(", ", checked.images())) + ") into the nodes of kind cluster " + cluster);
        List<String> command = List.of(kind.toString(), "load", "image-archive", archive.toString(), "--name",
                cluster);
        long start = System.nanoTime();
        List<String> lines = new ArrayList<>();
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().putAll(environment);
            Process process = builder.start();
            process.getOutputStream().close();
            try (BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = output.readLine()) != null) {
                    if (!line.isBlank()) {
                        lines.add(line.strip());
                        progress.accept(line.strip());
                    }
                }
            }
            int code = process.waitFor();
            if (code != 0) {
                String error = lines.isEmpty() ? "no output" : lines.get(lines.size() - 1).replaceFirst("^ERROR: ", "");
                throw new BootstrapException("kind load image-archive failed (exit " + code + "): " + error);
            }
        } catch (IOException e) {
            throw new BootstrapException("cannot run " + kind + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BootstrapException("interrupted while kind loaded " + archive);
        }
        progress.accept("Loaded into kind cluster " + cluster + " in "
                + Duration.ofNanos(System.nanoTime() - start).toMillis() / 100 / 10.0 + " s");
        return checked;
    }

    static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1_000_000.0);
    }
}
