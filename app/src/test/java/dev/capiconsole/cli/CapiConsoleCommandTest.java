package dev.capiconsole.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CapiConsoleCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return CapiConsoleCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
    }

    @Test
    void versionNamesTheBuildAndTheClusterApiReference() {
        assertThat(run("--version")).isZero();
        assertThat(out.toString())
                .containsPattern("capi-console \\d+\\.\\d+\\.\\d+")
                .contains("Cluster API reference: v1.14")
                .contains("JavaFX 21.");
    }

    @Test
    void helpListsTheCommands() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).contains("Usage: capi-console").contains("config").contains("--version");
    }

    @Test
    void unknownCommandIsAnErrorWithUsage() {
        assertThat(run("frobnicate")).isEqualTo(2);
        assertThat(err.toString()).contains("Unmatched argument").contains("frobnicate");
    }

    @Test
    void describeRefusesWhiteSpaceInShowConditionsAsClusterctlDoes() {
        assertThat(run("describe", "cluster", "c1", "--show-conditions", "Machine, Cluster")).isEqualTo(1);
        assertThat(err.toString()).contains("invalid --show-conditions value \"Machine, Cluster\": "
                + "whitespace is not allowed");
    }

    @Test
    void describeWithAMissingKubeconfigSaysWhich(@TempDir Path dir) {
        Path missing = dir.resolve("nope.yaml");
        assertThat(run("describe", "cluster", "c1", "--kubeconfig", missing.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("the kubeconfig " + missing + " does not exist");
    }

    @Test
    void repositoriesPrintsClusterctlsTable(@TempDir Path dir) throws IOException {
        Path empty = Files.writeString(dir.resolve("clusterctl.yaml"), "");
        assertThat(run("config", "repositories", "--config", empty.toString())).isZero();
        String[] lines = out.toString().split("\\R");
        assertThat(lines[0]).matches("NAME +TYPE +URL +FILE");
        assertThat(lines[1]).matches("cluster-api +CoreProvider +https://github.com/kubernetes-sigs/cluster-api/"
                + "releases/latest/ +core-components.yaml");
        assertThat(out.toString()).containsPattern("(?m)^docker +InfrastructureProvider +https://github.com/"
                + "kubernetes-sigs/cluster-api/releases/latest/ +infrastructure-components-development.yaml$");
    }

    @Test
    void repositoriesMergesTheConfigFileProviders(@TempDir Path dir) throws IOException {
        Path config = Files.writeString(dir.resolve("clusterctl.yaml"), """
                providers:
                  - name: docker
                    url: https://mirror.example/capd/v1.14.0/infrastructure-components-development.yaml
                    type: InfrastructureProvider
                  - name: my-infra
                    url: file:///opt/my-infra/v0.1.0/infrastructure-components.yaml
                    type: InfrastructureProvider
                """);
        assertThat(run("config", "repositories", "-o", "yaml", "--config", config.toString())).isZero();
        assertThat(out.toString())
                .contains("- File: infrastructure-components-development.yaml\n  Name: docker\n"
                        + "  ProviderType: InfrastructureProvider\n  URL: https://mirror.example/capd/v1.14.0/\n")
                .contains("  Name: my-infra\n")
                .doesNotContain("URL: https://github.com/kubernetes-sigs/cluster-api/releases/latest/\n"
                        + "- File: infrastructure-components-development.yaml");
    }

    @Test
    void anInvalidConfigFileFailsWithItsNameAndTheFault(@TempDir Path dir) throws IOException {
        Path config = Files.writeString(dir.resolve("clusterctl.yaml"), """
                providers:
                  - name: Docker
                    url: https://x.example/a.yaml
                    type: InfrastructureProvider
                """);
        assertThat(run("config", "repositories", "--config", config.toString())).isEqualTo(1);
        assertThat(err.toString()).contains(config.toString()).contains("'Docker'").contains("lower case");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void fabric8sGenericMessagesAreReplacedByOnesAnOperatorCanActOn() {
        org.assertj.core.api.Assertions.assertThat(CapiConsoleCommand.explain(new RuntimeException(
                "Could not find the metadata for the given apiVersion and kind: cluster.x-k8s.io/v1beta2 Cluster")))
                .startsWith("the server does not serve this kind: is Cluster API installed");
        org.assertj.core.api.Assertions.assertThat(CapiConsoleCommand.explain(new RuntimeException(
                "An error has occurred.", new IllegalStateException("module jdk.crypto.ec not found"))))
                .isEqualTo("module jdk.crypto.ec not found");
        org.assertj.core.api.Assertions.assertThat(CapiConsoleCommand.explain(new RuntimeException("plain")))
                .isEqualTo("plain");
    }
}
