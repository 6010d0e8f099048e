package dev.capiconsole.install;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.capiconsole.providers.Provider;
import dev.capiconsole.providers.ProviderCatalog;
import dev.capiconsole.providers.ProviderType;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where release files come from; the GitHub side is a loopback server laid out like github.com's releases. */
class ReleaseRepositoryTest {

    @TempDir
    Path dir;

    private static final ProviderSpec DOCKER = new ProviderSpec(ProviderType.INFRASTRUCTURE, "docker", null);

    private void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    @Test
    void theNewestOverrideWinsAndNoNetworkIsAsked() throws IOException {
        Path overrides = dir.resolve("overrides");
        for (String version : List.of("v1.9.0", "v1.14.2", "v1.14.10-rc.1", "v1.14.1")) {
            write(overrides.resolve("infrastructure-docker").resolve(version)
                    .resolve("infrastructure-components-development.yaml"), "version: " + version);
        }
        ReleaseRepository repository = new ReleaseRepository(ProviderCatalog.builtIn(), List.of(overrides),
                "http://127.0.0.1:9");
        ReleaseRepository.Release release = repository.resolve(DOCKER);
        assertThat(release.version()).isEqualTo("v1.14.10-rc.1");
        assertThat(release.components()).isEqualTo("version: v1.14.10-rc.1");
        assertThat(repository.resolve(DOCKER.withVersion("v1.14.1")).components()).isEqualTo("version: v1.14.1");
    }

    @Test
    void gitHubLatestFollowsTheTagRedirectAndFilesComeFromTheDownloadPath() throws IOException {
        List<String> asked = new ArrayList<>();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            asked.add(path);
            if (path.endsWith("/releases/latest")) {
                exchange.getResponseHeaders().add("Location",
                        "https://github.com/kubernetes-sigs/cluster-api/releases/tag/v1.14.2");
                exchange.sendResponseHeaders(302, -1);
            } else if (path.endsWith("/download/v1.14.2/metadata.yaml")) {
                byte[] body = "releaseSeries:\n- major: 1\n  minor: 14\n  contract: v1beta2\n"
                        .getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            } else {
                exchange.sendResponseHeaders(404, -1);
            }
            exchange.close();
        });
        server.start();
        try {
            ReleaseRepository repository = new ReleaseRepository(ProviderCatalog.builtIn(), List.of(),
                    "http://127.0.0.1:" + server.getAddress().getPort() + "/");
            ReleaseRepository.Release release = repository.resolve(DOCKER);
            assertThat(release.version()).isEqualTo("v1.14.2");
            assertThat(ReleaseMetadata.parse(release.read("metadata.yaml"), "m").contractOf("v1.14.2"))
                    .contains("v1beta2");
            assertThatThrownBy(release::components).hasMessageContaining("the release v1.14.2 of "
                    + "infrastructure-docker has no infrastructure-components-development.yaml")
                    .hasMessageContaining("404");
            assertThat(asked).containsExactly("/kubernetes-sigs/cluster-api/releases/latest",
                    "/kubernetes-sigs/cluster-api/releases/download/v1.14.2/metadata.yaml",
                    "/kubernetes-sigs/cluster-api/releases/download/v1.14.2/"
                            + "infrastructure-components-development.yaml");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void anUnreachableRepositorySaysHowToWorkOffline() {
        ReleaseRepository repository = new ReleaseRepository(ProviderCatalog.builtIn(),
                List.of(dir.resolve("overrides")), "http://127.0.0.1:9");
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
    void aLocalRepositoryIsReadFromItsFolders() throws IOException {
        Path base = dir.resolve("repo");
        write(base.resolve("infrastructure-mine/v0.2.0/infrastructure-components.yaml"), "two");
        write(base.resolve("infrastructure-mine/v0.10.0/infrastructure-components.yaml"), "ten");
        ProviderCatalog catalog = ProviderCatalog.builtIn().withUserDefined(List.of(new Provider("mine",
                ProviderType.INFRASTRUCTURE, base.resolve("infrastructure-mine/latest/infrastructure-components.yaml")
                .toString())));
        ReleaseRepository repository = new ReleaseRepository(catalog, List.of(), "http://127.0.0.1:9");
        ProviderSpec mine = new ProviderSpec(ProviderType.INFRASTRUCTURE, "mine", null);
        assertThat(repository.resolve(mine).components()).isEqualTo("ten");
        assertThat(repository.resolve(mine.withVersion("v0.2.0")).components()).isEqualTo("two");
        assertThatThrownBy(() -> repository.resolve(mine.withVersion("v0.3.0")))
                .hasMessageContaining("has no infrastructure-components.yaml");
    }
}
