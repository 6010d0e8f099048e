package dev.capiconsole.lab;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The upstream binaries and module sources of the lab, built from the Go module proxy by {@code build-lab.sh}
 * (shipped inside this jar) into {@code ~/.cache/capi-console/lab/<versions>/}; built only when missing.
 */
public final class LabBinaries {

    static final List<String> BUILD_FILES = buildFiles();

    private final Path binDir;
    private final Map<String, String> sources;

    private LabBinaries(Path binDir, Map<String, String> sources) {
        this.binDir = binDir;
        this.sources = sources;
    }

    private static List<String> buildFiles() {
        List<String> files = new ArrayList<>(List.of("build-lab.sh", "versions.env"));
        for (String module : List.of("etcd", "kubernetes", "capi", "capi-test")) {
            for (String file : List.of("go.mod", "go.sum", "tools.go")) {
                files.add("modules/" + module + "/" + file);
            }
        }
        files.add("modules/capi/templatepeer/main.go");
        return List.copyOf(files);
    }

    /**
     * Makes sure the named binaries exist (all when none are named), building the missing ones.
     * The first build takes many minutes; {@code progress} receives the build's own progress lines.
     */
    public static LabBinaries ensure(LabProgress progress, String... names) {
        Path scriptDir = extractBuildScript();
        List<String> command = new ArrayList<>(List.of("bash", scriptDir.resolve("build-lab.sh").toString()));
        command.addAll(List.of(names));
        String binDir = null;
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getOutputStream().close();
            List<String> output = new ArrayList<>();
            try (BufferedReader reader = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    output.add(line);
                    if (line.startsWith("[lab-build]")) {
                        if (!line.contains(" already built ")) {
                            progress.report(line);
                        }
                    } else if (!line.isBlank()) {
                        binDir = line.trim();
                    }
                }
            }
            int exit = process.waitFor();
            if (exit != 0) {
                String tail = String.join("\n", output.subList(Math.max(0, output.size() - 15), output.size()));
                throw new LabException("building the lab binaries failed (exit " + exit + "):\n" + tail);
            }
        } catch (IOException e) {
            throw new LabException("cannot run the lab build script (is bash installed?): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LabException("interrupted while building the lab binaries", e);
        }
        if (binDir == null) {
            throw new LabException("the lab build script did not name its bin directory");
        }
        Path bin = Path.of(binDir);
        return new LabBinaries(bin, readSources(bin.resolveSibling("sources.env")));
    }

    /**
     * What is built and what a build would need, without building: the bin folder, the binaries still missing, and
     * the Go toolchain the build script would use or why it cannot.
     */
    public static BuildStatus check() {
        return check(Map.of());
    }

    /** {@link #check()} with these variables added to the build script's environment. */
    static BuildStatus check(Map<String, String> environment) {
        Path scriptDir = extractBuildScript();
        try {
            ProcessBuilder builder = new ProcessBuilder("bash", scriptDir.resolve("build-lab.sh").toString(), "--check")
                    .redirectErrorStream(true);
            builder.environment().putAll(environment);
            Process process = builder.start();
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int exit = process.waitFor();
            Map<String, String> values = new LinkedHashMap<>();
            output.lines().forEach(line -> {
                int equals = line.indexOf('=');
                if (equals > 0) {
                    values.put(line.substring(0, equals), line.substring(equals + 1).trim());
                }
            });
            if ((exit != 0 && exit != 3) || !values.containsKey("bin-dir")) {
                throw new LabException("the lab build script could not check the lab binaries (exit " + exit + "): "
                        + output.strip());
            }
            String missing = values.getOrDefault("missing", "");
            return new BuildStatus(Path.of(values.get("bin-dir")),
                    missing.isBlank() ? List.of() : List.of(missing.split(" +")),
                    values.getOrDefault("go", ""), values.getOrDefault("go-version", ""),
                    values.getOrDefault("go-min-version", ""), values.getOrDefault("go-problem", ""));
        } catch (IOException e) {
            throw new LabException("cannot run the lab build script (is bash installed?): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LabException("interrupted while checking the lab binaries", e);
        }
    }

    /**
     * The state of the lab's binaries.
     *
     * @param binDir where they are (or will be) built
     * @param missing the ones not built yet
     * @param go the go command a build would use, empty when none was found
     * @param goProblem why Go cannot build them (missing, too old), empty when it can
     */
    public record BuildStatus(Path binDir, List<String> missing, String go, String goVersion, String goMinVersion,
            String goProblem) {

        public boolean built() {
            return missing.isEmpty();
        }

        public boolean canBuild() {
            return goProblem.isEmpty();
        }
    }

    public Path binary(String name) {
        return binDir.resolve(name);
    }

    /** A folder of the upstream module sources, by its sources.env name (e.g. {@code CAPD_TEMPLATES_DIR}). */
    public Path source(String key) {
        String value = sources.get(key);
        if (value == null || value.isBlank()) {
            throw new LabException("the lab build did not record " + key + " in " + binDir.resolveSibling("sources.env")
                    + "; rebuild with build-lab.sh");
        }
        return Path.of(value);
    }

    private static Map<String, String> readSources(Path file) {
        Map<String, String> values = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(file)) {
                int equals = line.indexOf('=');
                if (!line.startsWith("#") && equals > 0) {
                    values.put(line.substring(0, equals), line.substring(equals + 1));
                }
            }
        } catch (IOException e) {
            throw new LabException("cannot read " + file + "; rebuild the lab binaries with build-lab.sh", e);
        }
        return values;
    }

    /** Copies the build script and wrapper modules out of the jar, once per content. */
    static Path extractBuildScript() {
        try {
            Map<String, byte[]> files = new LinkedHashMap<>();
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String name : BUILD_FILES) {
                try (InputStream in = LabBinaries.class.getResourceAsStream("/lab-build/" + name)) {
                    if (in == null) {
                        throw new LabException("the lab build file " + name + " is missing from the application");
                    }
                    byte[] bytes = in.readAllBytes();
                    files.put(name, bytes);
                    digest.update(name.getBytes(StandardCharsets.UTF_8));
                    digest.update(bytes);
                }
            }
            String hash = HexFormat.of().formatHex(digest.digest()).substring(0, 16);
            Path target = cacheRoot().resolve("lab-build").resolve(hash);
            if (!Files.isRegularFile(target.resolve("build-lab.sh"))) {
                Path temp = Files.createTempDirectory(cacheRoot(), "lab-build-");
                for (Map.Entry<String, byte[]> file : files.entrySet()) {
                    Path out = temp.resolve(file.getKey());
                    Files.createDirectories(out.getParent());
                    Files.write(out, file.getValue());
                }
                Files.createDirectories(target.getParent());
                try {
                    Files.move(temp, target);
                } catch (IOException raced) {
                    // Another process extracted the same content first; theirs is as good as ours.
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack the lab build script", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static Path cacheRoot() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg == null || xdg.isBlank() ? Path.of(System.getProperty("user.home"), ".cache") : Path.of(xdg);
        Path root = base.resolve("capi-console");
        try {
            Files.createDirectories(root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the cache folder " + root, e);
        }
        return root;
    }
}
