package dev.capiconsole.clusterctl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capiconsole.providers.Provider;
import dev.capiconsole.providers.ProviderType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one clusterctl environment: catalog with the user's providers, variables, overrides folder, GitHub base. */
class ClusterctlEnvironmentTest {

    @TempDir
    Path home;

    @Test
    void theDefaultConfigFileAddsAndReplacesProvidersAndSetsTheOverridesFolder() throws IOException {
        Path folder = Files.createDirectories(home.resolve(".config/cluster-api"));
        Files.writeString(folder.resolve("clusterctl.yaml"), """
                providers:
                  - name: mine
                    type: InfrastructureProvider
                    url: /repo/infrastructure-mine/latest/infrastructure-components.yaml
                  - name: docker
                    type: InfrastructureProvider
                    url: https://github.com/fork/cluster-api/releases/latest/infrastructure-components.yaml
                overridesFolder: /elsewhere/overrides
                POD_CIDR: 10.9.0.0/16
                """);
        ClusterctlEnvironment environment = ClusterctlEnvironment.load(Map.of("CAPI_CONSOLE_GITHUB_URL",
                "http://mirror"), home, null);
        assertThat(environment.catalog().find("mine", ProviderType.INFRASTRUCTURE)).isPresent();
        assertThat(environment.catalog().find("docker", ProviderType.INFRASTRUCTURE)).map(Provider::url)
                .contains("https://github.com/fork/cluster-api/releases/latest/infrastructure-components.yaml");
        assertThat(environment.overridesFolder()).isEqualTo(Path.of("/elsewhere/overrides"));
        assertThat(environment.configValue("POD_CIDR")).isEqualTo("10.9.0.0/16");
        assertThat(environment.githubBase()).isEqualTo("http://mirror");
    }

    @Test
    void withoutAConfigFileTheCatalogIsTheBuiltInOneAndOverridesSitInTheConfigFolder() {
        ClusterctlEnvironment environment = ClusterctlEnvironment.load(Map.of(), home, null);
        assertThat(environment.catalog().find("mine", ProviderType.INFRASTRUCTURE)).isEmpty();
        assertThat(environment.catalog().find("docker", ProviderType.INFRASTRUCTURE)).isPresent();
        assertThat(environment.overridesFolder()).isEqualTo(home.resolve(".config/cluster-api/overrides"));
        assertThat(environment.githubBase()).isEqualTo("https://github.com");
    }
}
