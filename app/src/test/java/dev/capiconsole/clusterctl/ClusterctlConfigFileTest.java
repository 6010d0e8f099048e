package dev.capiconsole.clusterctl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.capiconsole.providers.Provider;
import dev.capiconsole.providers.ProviderType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClusterctlConfigFileTest {

    @TempDir
    Path home;

    @Test
    void prefersTheXdgFolderThenFallsBackToDotClusterApi() throws IOException {
        Path legacy = write(home.resolve(".cluster-api/clusterctl.yaml"), "");
        assertThat(ClusterctlConfigFile.locateDefault(Map.of(), home)).contains(legacy);

        Path xdgDefault = write(home.resolve(".config/cluster-api/clusterctl.yaml"), "");
        assertThat(ClusterctlConfigFile.locateDefault(Map.of(), home)).contains(xdgDefault);

        Path xdg = write(home.resolve("xdg/cluster-api/clusterctl.yaml"), "");
        assertThat(ClusterctlConfigFile.locateDefault(Map.of("XDG_CONFIG_HOME", home.resolve("xdg").toString()), home))
                .contains(xdg);
    }

    @Test
    void noFileAnywhereIsEmpty() {
        assertThat(ClusterctlConfigFile.locateDefault(Map.of(), home)).isEmpty();
    }

    @Test
    void readsTheProvidersSection() throws IOException {
        Path file = write(home.resolve("clusterctl.yaml"), """
                CLUSTER_TOPOLOGY: "true"
                providers:
                  - name: "docker"
                    url: "https://mirror.example/docker/latest/infrastructure-components-development.yaml"
                    type: "InfrastructureProvider"
                """);
        assertThat(ClusterctlConfigFile.read(file).providers()).containsExactly(new Provider("docker",
                ProviderType.INFRASTRUCTURE,
                "https://mirror.example/docker/latest/infrastructure-components-development.yaml"));
    }

    @Test
    void anEmptyFileHasNoProviders() throws IOException {
        assertThat(ClusterctlConfigFile.read(write(home.resolve("c.yaml"), "")).providers()).isEmpty();
    }

    @Test
    void badFilesAreNamedInTheError() throws IOException {
        Path broken = write(home.resolve("broken.yaml"), "providers: [\n  - name: x\n");
        assertThatThrownBy(() -> ClusterctlConfigFile.read(broken))
                .isInstanceOf(ClusterctlConfigException.class)
                .hasMessageContaining(broken.toString()).hasMessageContaining("not valid YAML");
        Path list = write(home.resolve("list.yaml"), "- a\n- b\n");
        assertThatThrownBy(() -> ClusterctlConfigFile.read(list)).hasMessageContaining("must be a YAML map");
        assertThatThrownBy(() -> ClusterctlConfigFile.read(home.resolve("absent.yaml")))
                .hasMessageContaining("does not exist");
    }

    private static Path write(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.writeString(file, content);
    }
}
