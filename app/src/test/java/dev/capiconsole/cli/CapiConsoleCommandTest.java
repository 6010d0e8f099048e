package dev.capiconsole.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import org.junit.jupiter.api.io.TempDir;

class CapiConsoleCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return CapiConsoleCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
    }

    @Test
    void theTreeBuiltForOneCommandAnswersAsTheWholeTreeDoes() {
        StringWriter wholeOut = new StringWriter();
        CommandLine whole = CapiConsoleCommand.commandLine(new PrintWriter(wholeOut, true),
                new PrintWriter(new StringWriter(), true));
        java.util.List<java.util.List<String>> commands = new java.util.ArrayList<>();
        collect(whole, new java.util.ArrayList<>(), commands);
        assertThat(commands).hasSizeGreaterThan(40);
        for (java.util.List<String> command : commands) {
            java.util.List<String> args = new java.util.ArrayList<>(command);
            args.add("--help");
            String[] argv = args.toArray(String[]::new);
            wholeOut.getBuffer().setLength(0);
            int wholeExit = whole.execute(argv);
            StringWriter oneOut = new StringWriter();
            CommandLine one = CapiConsoleCommand.commandLine(new PrintWriter(oneOut, true),
                    new PrintWriter(new StringWriter(), true), argv);
            assertThat(one.getSubcommands()).as(String.join(" ", command)).hasSizeLessThanOrEqualTo(
                    command.isEmpty() ? whole.getSubcommands().size() : 1);
            assertThat(one.execute(argv)).as(String.join(" ", command)).isEqualTo(wholeExit);
            assertThat(oneOut.toString()).as(String.join(" ", command)).isEqualTo(wholeOut.toString()).isNotEmpty();
        }
    }

    private static void collect(CommandLine command, java.util.List<String> path,
                                java.util.List<java.util.List<String>> into) {
        into.add(java.util.List.copyOf(path));
        command.getSubcommands().forEach((name, sub) -> {
            if (sub.getCommandName().equals(name)) {
                path.add(name);
                collect(sub, path, into);
                path.remove(path.size() - 1);
            }
        });
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
