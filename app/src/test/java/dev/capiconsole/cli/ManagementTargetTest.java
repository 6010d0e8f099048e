package dev.capiconsole.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

class ManagementTargetTest {

    @TempDir
    Path dir;

    @Command(name = "probe")
    static final class Probe {
        @Mixin
        ClusterTarget target = new ClusterTarget();
    }

    private Path kubeconfig() throws IOException {
        return Files.writeString(dir.resolve("config"), """
                apiVersion: v1
                kind: Config
                current-context: alpha
                contexts:
                - name: alpha
                  context: {cluster: a, user: u, namespace: team-a}
                - name: beta
                  context: {cluster: a, user: u}
                clusters:
                - name: a
                  cluster: {server: "https://127.0.0.1:6443"}
                users:
                - name: u
                  user: {token: t}
                """);
    }

    private ClusterTarget parse(String... args) {
        Probe probe = new Probe();
        new CommandLine(probe).parseArgs(args);
        return probe.target;
    }

    @Test
    void theCurrentContextAndItsNamespaceByDefault() throws IOException {
        try (ManagementTarget.Connection connection = parse("--kubeconfig", kubeconfig().toString()).open()) {
            assertThat(connection.context().name()).isEqualTo("alpha");
            assertThat(connection.namespace()).isEqualTo("team-a");
            assertThat(connection.client().getMasterUrl().toString()).startsWith("https://127.0.0.1:6443");
        }
    }

    @Test
    void theNamedContextWithoutANamespaceIsInDefault() throws IOException {
        try (ManagementTarget.Connection connection = parse("--kubeconfig", kubeconfig().toString(),
                "--kubeconfig-context", "beta").open()) {
            assertThat(connection.context().name()).isEqualTo("beta");
            assertThat(connection.namespace()).isEqualTo("default");
        }
    }

    @Test
    void dashNWinsOverTheContextsNamespace() throws IOException {
        try (ManagementTarget.Connection connection = parse("--kubeconfig", kubeconfig().toString(),
                "-n", "shop").open()) {
            assertThat(connection.context().name()).isEqualTo("alpha");
            assertThat(connection.namespace()).isEqualTo("shop");
        }
    }

    @Test
    void anUnknownContextOrAMissingFileIsNamed() throws IOException {
        Path file = kubeconfig();
        assertThatThrownBy(() -> parse("--kubeconfig", file.toString(), "--kubeconfig-context", "gamma").open())
                .hasMessage("no context named 'gamma' in [" + file + "]");
        Path missing = dir.resolve("nope");
        assertThatThrownBy(() -> parse("--kubeconfig", missing.toString()).open())
                .hasMessage("the kubeconfig " + missing + " does not exist");
    }

    @Test
    void withoutAUsableKubeconfigAnOptionalManagementClusterIsAbsent() {
        ManagementTarget target = parse("--kubeconfig", dir.resolve("nope").toString()).management;
        assertThat(target.openIfConfigured(false)).isEmpty();
        assertThatThrownBy(() -> target.openIfConfigured(true)).hasMessageContaining("does not exist");
    }
}
