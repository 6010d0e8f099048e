package dev.capiconsole.install;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.capiconsole.providers.ProviderCatalog;
import dev.capiconsole.providers.ProviderType;
import dev.capiconsole.providers.ReleaseResolver;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
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

}
