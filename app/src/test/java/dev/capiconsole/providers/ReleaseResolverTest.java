package dev.capiconsole.providers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.capiconsole.install.ReleaseMetadata;
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

/**
 * Where a provider's release comes from, for init and for templates alike; the GitHub side is a loopback server
 * laid out like github.com's releases.
 */
class ReleaseResolverTest {

    @TempDir
    Path dir;

    private static final Provider DOCKER = ProviderCatalog.builtIn().find("docker", ProviderType.INFRASTRUCTURE)
            .orElseThrow();

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
        ReleaseResolver resolver = new ReleaseResolver(List.of(overrides), "http://127.0.0.1:9");
        Release release = resolver.resolve(DOCKER, null);
        assertThat(release.version()).isEqualTo("v1.14.10-rc.1");
        assertThat(release.components()).isEqualTo("version: v1.14.10-rc.1");
        assertThat(resolver.resolve(DOCKER, "v1.14.1").components()).isEqualTo("version: v1.14.1");
    }

    @Test
    void theNewestOverrideIsTheNewestHoldingTheWantedFile() throws IOException {
        Path overrides = dir.resolve("overrides/infrastructure-docker");
        write(overrides.resolve("v1.14.2/cluster-template.yaml"), "template");
        write(overrides.resolve("v1.14.2/clusterclass-quick-start.yaml"), "class");
        write(overrides.resolve("v1.15.0/infrastructure-components-development.yaml"), "components");
        ReleaseResolver resolver = new ReleaseResolver(List.of(dir.resolve("overrides")), "http://127.0.0.1:9");
        Release templates = resolver.resolve(DOCKER, null, "cluster-template.yaml");
        assertThat(templates.version()).isEqualTo("v1.14.2");
        assertThat(templates.read("cluster-template.yaml")).isEqualTo("template");
        assertThat(templates.find("clusterclass-quick-start.yaml")).contains("class");
        assertThat(templates.find("clusterclass-other.yaml")).isEmpty();
        assertThat(templates.files()).contains("cluster-template.yaml");
        assertThat(resolver.resolve(DOCKER, null).version()).isEqualTo("v1.15.0");
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
            ReleaseResolver resolver = new ReleaseResolver(List.of(),
                    "http://127.0.0.1:" + server.getAddress().getPort() + "/");
            Release release = resolver.resolve(DOCKER, null);
            assertThat(release.version()).isEqualTo("v1.14.2");
            assertThat(ReleaseMetadata.parse(release.read("metadata.yaml"), "m").contractOf("v1.14.2"))
                    .contains("v1beta2");
            assertThatThrownBy(release::components).isInstanceOf(ReleaseException.class)
                    .hasMessageContaining("the release v1.14.2 of "
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
    void anUnreachableRepositoryNamesWhereTheFileGoesOffline() {
        ReleaseResolver resolver = new ReleaseResolver(List.of(dir.resolve("overrides")), "http://127.0.0.1:9");
        assertThatThrownBy(() -> resolver.resolve(DOCKER, null, "cluster-template.yaml"))
                .isInstanceOfSatisfying(ReleaseException.class, e -> {
                    assertThat(e.reason()).isEqualTo(ReleaseException.Reason.NEEDS_NETWORK);
                    assertThat(e.offlinePlace()).isEqualTo(dir.resolve(
                            "overrides/infrastructure-docker/<version>/cluster-template.yaml"));
                })
                .hasMessageContaining("cannot reach 127.0.0.1");
    }

    @Test
    void aLocalRepositoryIsReadFromItsFolders() throws IOException {
        Path base = dir.resolve("repo");
        write(base.resolve("infrastructure-mine/v0.2.0/infrastructure-components.yaml"), "two");
        write(base.resolve("infrastructure-mine/v0.10.0/infrastructure-components.yaml"), "ten");
        Provider mine = new Provider("mine", ProviderType.INFRASTRUCTURE,
                base.resolve("infrastructure-mine/latest/infrastructure-components.yaml").toString());
        ReleaseResolver resolver = new ReleaseResolver(List.of(), "http://127.0.0.1:9");
        assertThat(resolver.resolve(mine, null).components()).isEqualTo("ten");
        assertThat(resolver.resolve(mine, "v0.2.0").components()).isEqualTo("two");
        assertThatThrownBy(() -> resolver.resolve(mine, "v0.3.0"))
                .hasMessageContaining("has no infrastructure-components.yaml");
    }
}
