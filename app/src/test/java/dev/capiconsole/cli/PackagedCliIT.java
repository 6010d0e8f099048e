package dev.capiconsole.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The packaged executable, run as a person runs it, with no display at all. */
class PackagedCliIT {

    private static final Path JAR = Path.of(System.getProperty("app.jar", "target/capi-console.jar"));

    record Result(int exitCode, String out, String err) {
    }

    static Result run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile("capi-console-out", ".txt");
        Path err = Files.createTempFile("capi-console-err", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().remove("DISPLAY");
        builder.environment().remove("WAYLAND_DISPLAY");
        Process process = builder.start();
        process.getOutputStream().close();
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("finished within 5 minutes").isTrue();
        try {
            return new Result(process.exitValue(), Files.readString(out), Files.readString(err));
        } finally {
            Files.delete(out);
            Files.delete(err);
        }
    }

    @Test
    void versionWorksHeadless() throws Exception {
        Result result = run("--version");
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).startsWith("capi-console ").contains("Cluster API reference: v1.14");
        assertThat(result.err()).doesNotContain("Exception");
    }

    @Test
    void helpWorksHeadless() throws Exception {
        Result result = run("--help");
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("Usage: capi-console").contains("config");
    }

    @Test
    void repositoriesWorksFromThePackagedCatalog() throws Exception {
        Result result = run("config", "repositories", "--config", "/dev/null");
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("kubevirt").contains("infrastructure-components-development.yaml");
    }

    @Test
    void withoutADisplayTheWindowCommandExplainsInsteadOfCrashing() throws Exception {
        Result result = run();
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("no display").contains("xvfb-run").doesNotContain("Exception");
    }
}
