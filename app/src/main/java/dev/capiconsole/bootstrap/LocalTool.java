package dev.capiconsole.bootstrap;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A program the local flow needs (docker, kind): where it is on the PATH and which version it reports, or what to
 * install when it is missing.
 */
public record LocalTool(String name, Path path, String version) {

    /** What to install, by program. */
    static String installHint(String name) {
        return switch (name) {
            case "kind" -> "install kind (https://kind.sigs.k8s.io/docs/user/quick-start/#installation), for example "
                    + "`go install sigs.k8s.io/kind@v0.33.0`, and make sure its folder is on the PATH";
            case "docker" -> "install a Docker engine (Docker Engine on Linux, Docker Desktop on macOS and Windows) "
                    + "and start it; kind runs its nodes as containers";
            default -> "install " + name + " and make sure its folder is on the PATH";
        };
    }

    /** Looks for {@code name} in the PATH folders (and extra folders, for apps started from a desktop menu). */
    public static Optional<Path> locate(String name, String pathVariable, List<Path> extraFolders) {
        List<Path> folders = new ArrayList<>();
        if (pathVariable != null) {
            for (String part : pathVariable.split(File.pathSeparator)) {
                if (!part.isBlank()) {
                    folders.add(Path.of(part));
                }
            }
        }
        folders.addAll(extraFolders);
        return folders.stream().map(f -> f.resolve(name))
                .filter(p -> Files.isExecutable(p) && !Files.isDirectory(p)).findFirst();
    }

    /**
     * Finds and asks the program for its version ({@code args}), e.g. {@code kind version}; missing or failing
     * programs give a {@link BootstrapException} that says what to install or fix.
     */
    public static LocalTool probe(String name, List<String> args, String pathVariable, List<Path> extraFolders) {
        Path path = locate(name, pathVariable, extraFolders).orElseThrow(() -> new BootstrapException(
                name + " is not installed (not found on the PATH): " + installHint(name)));
        List<String> command = new ArrayList<>();
        command.add(path.toString());
        command.addAll(args);
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getOutputStream().close();
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new BootstrapException(name + " did not answer `" + String.join(" ", args) + "` within 15 s");
            }
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (process.exitValue() != 0) {
                throw new BootstrapException(name + " is installed at " + path + " but `" + name + " "
                        + String.join(" ", args) + "` failed (exit " + process.exitValue() + "): "
                        + lastLine(output) + (name.equals("docker") ? ". Is the Docker engine running?" : ""));
            }
            return new LocalTool(name, path, lastLine(output));
        } catch (IOException e) {
            throw new BootstrapException("cannot run " + path + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BootstrapException("interrupted while asking " + name + " for its version");
        }
    }

    private static String lastLine(String text) {
        List<String> lines = text.lines().filter(l -> !l.isBlank()).toList();
        return lines.isEmpty() ? "" : lines.get(lines.size() - 1).trim();
    }
}
