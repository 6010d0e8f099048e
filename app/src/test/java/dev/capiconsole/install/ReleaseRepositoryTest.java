package dev.capiconsole.install;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.capiconsole.providers.ProviderCatalog;
import dev.capiconsole.providers.ProviderType;
import dev.capiconsole.providers.ReleaseResolver;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What init says when a release cannot be had (where releases come from: ReleaseResolverTest). */
class ReleaseRepositoryTest {

    @TempDir
    Path dir;

    private static final ProviderSpec DOCKER = new ProviderSpec(ProviderType.INFRASTRUCTURE, "docker", null);

    @Test
    void anUnreachableRepositorySaysHowToWorkOffline() {
        ReleaseRepository repository = new ReleaseRepository(ProviderCatalog.builtIn(),
                new ReleaseResolver(List.of(dir.resolve("overrides")), "http://127.0.0.1:9"));
        assertThatThrownBy(() -> repository.resolve(DOCKER.withVersion("v1.14.2")).components())
                .isInstanceOf(InstallException.class)
                .hasMessageContaining("cannot reach 127.0.0.1")
                .hasMessageContaining("--offline")
                .hasMessageContaining(dir.resolve("overrides/infrastructure-docker/v1.14.2/"
                        + "infrastructure-components-development.yaml").toString());
        assertThatThrownBy(() -> repository.resolve(new ProviderSpec(ProviderType.INFRASTRUCTURE, "nope", null)))
                .hasMessageContaining("there is no InfrastructureProvider named \"nope\"");
    }

    @Test
    void goDurationsReadAndPrintAsClusterctlDoes() {
        assertThat(GoDuration.parse("10m")).contains(Duration.ofMinutes(10));
        assertThat(GoDuration.parse("1h30m")).contains(Duration.ofMinutes(90));
        assertThat(GoDuration.parse("1.5s")).contains(Duration.ofMillis(1500));
        assertThat(GoDuration.parse("10")).isEmpty();
        assertThat(GoDuration.parse("5 m")).isEmpty();
        assertThat(GoDuration.format(Duration.ofMinutes(10))).isEqualTo("10m0s");
        assertThat(GoDuration.format(Duration.ofSeconds(3))).isEqualTo("3s");
        assertThat(GoDuration.format(Duration.ofMinutes(61))).isEqualTo("1h1m0s");
        assertThat(CertManager.Settings.from(java.util.Map.of("version", "v1.20.0", "timeout", "90s")))
                .isEqualTo(new CertManager.Settings(
                        "https://github.com/cert-manager/cert-manager/releases/v1.20.0/cert-manager.yaml", "v1.20.0",
                        Duration.ofSeconds(90)));
    }
}
