package dev.capiconsole.templates;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capiconsole.lab.LabBinaries;
import dev.capiconsole.lab.LabProgress;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the lab's clusterctl and the packaged capi-console with the same arguments, environment variables and an
 * empty home of their own, as separate processes.
 */
final class SideBySide {

    record Result(int exitCode, String out, String err) {
    }

    private static final Path JAR = Path.of(System.getProperty("app.jar", "target/capi-console.jar"));

    private final Path home;
    private final Path clusterctl;

    SideBySide(Path home) {
        this.home = home;
        this.clusterctl = LabBinaries.ensure(LabProgress.NONE, "clusterctl").binary("clusterctl");
    }

    Result clusterctl(Map<String, String> env, String... args) {
        List<String> command = new ArrayList<>(List.of(clusterctl.toString()));
        command.addAll(List.of(args));
        return run(command, env);
    }

    Result console(Map<String, String> env, String... args) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString()));
        command.addAll(List.of(args));
        return run(command, env);
    }

    private Result run(List<String> command, Map<String, String> env) {
        try {
            Path out = Files.createTempFile("side-by-side-out", ".txt");
            Path err = Files.createTempFile("side-by-side-err", ".txt");
            ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
            Map<String, String> environment = builder.environment();
            environment.keySet().removeIf(k -> !k.equals("PATH") && !k.equals("LANG"));
            environment.put("HOME", home.toString());
            environment.put("XDG_CONFIG_HOME", home.resolve(".config").toString());
            environment.put("KUBECONFIG", home.resolve("no-kubeconfig").toString());
            environment.putAll(env);
            Process process = builder.start();
            process.getOutputStream().close();
            assertThat(process.waitFor(3, TimeUnit.MINUTES)).as("%s finished", command).isTrue();
            Result result = new Result(process.exitValue(), Files.readString(out), Files.readString(err));
            Files.delete(out);
            Files.delete(err);
            return result;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
