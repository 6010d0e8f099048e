package dev.capiconsole.templates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.capiconsole.providers.ProviderCatalog;
import dev.capiconsole.providers.ReleaseResolver;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where templates come from: a GitHub-like release server on loopback (standing in for github.com, as a mirror
 * would), the clusterctl overrides folder, local files and standard input, and what the errors say.
 */
class TemplateFetcherTest {

    private static final String RELEASES = "/kubernetes-sigs/cluster-api/releases/";

    @TempDir
    Path folder;

    private HttpServer server;
    private final List<String> requested = new ArrayList<>();
    private final Map<String, String> files = new java.util.HashMap<>();
    private final Map<String, String> redirects = new java.util.HashMap<>();

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            requested.add(path);
            if (redirects.containsKey(path)) {
                exchange.getResponseHeaders().add("Location", redirects.get(path));
                exchange.sendResponseHeaders(302, -1);
                exchange.close();
                return;
            }
            String body = files.get(path);
            byte[] bytes = (body == null ? "Not Found" : body).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(body == null ? 404 : 200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private TemplateFetcher fetcher(String githubBase) {
        return new TemplateFetcher(ProviderCatalog.builtIn(),
                new ReleaseResolver(List.of(folder.resolve("overrides")), githubBase),
                () -> new ByteArrayInputStream("kind: FromStdin\n".getBytes(StandardCharsets.UTF_8)), null);
    }

    private String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Test
    void aReleaseTemplateAndItsClusterClassComeFromTheReleaseDownloads() {
        files.put(RELEASES + "download/v1.14.2/cluster-template-in-memory.yaml", "kind: Cluster\n");
        files.put(RELEASES + "download/v1.14.2/clusterclass-in-memory.yaml", "kind: ClusterClass\n");
        TemplateFetcher.Fetched fetched = fetcher(base())
                .fetch(new TemplateSource.ProviderRelease("docker", "v1.14.2", "in-memory"));
        assertThat(fetched.text()).isEqualTo("kind: Cluster\n");
        assertThat(fetched.origin()).endsWith(RELEASES + "download/v1.14.2/cluster-template-in-memory.yaml");
        assertThat(fetched.clusterClasses().find("in-memory")).get()
                .satisfies(c -> assertThat(c.text()).isEqualTo("kind: ClusterClass\n"));
        assertThat(fetched.clusterClasses().find("other")).isEmpty();
    }

    @Test
    void withoutAVersionTheLatestReleaseIsAskedForItsTagAsInit() {
        redirects.put(RELEASES + "latest", "https://github.com" + RELEASES + "tag/v1.14.2");
        files.put(RELEASES + "download/v1.14.2/cluster-template.yaml", "kind: Cluster\n");
        assertThat(fetcher(base()).fetch(new TemplateSource.ProviderRelease("docker", null, null)).text())
                .isEqualTo("kind: Cluster\n");
        assertThat(requested).containsExactly(RELEASES + "latest", RELEASES + "download/v1.14.2/cluster-template.yaml");
    }

    @Test
    void anUnknownFlavorSaysSoAndNamesTheKnownOnes() {
        assertThatThrownBy(() -> fetcher(base()).fetch(new TemplateSource.ProviderRelease("docker", "v1.14.2",
                "nope"))).isInstanceOf(TemplateSourceException.class)
                .hasMessageContaining("has no cluster-template-nope.yaml")
                .hasMessageContaining("answered 404")
                .hasMessageContaining("built-in flavors of docker: in-memory, development");
    }

    @Test
    void anUnreachableReleaseSuggestsTheOverridesFolder() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        assertThatThrownBy(() -> fetcher("http://127.0.0.1:" + closed)
                .fetch(new TemplateSource.ProviderRelease("docker", "v1.14.2", "development")))
                .isInstanceOf(TemplateSourceException.class)
                .hasMessageContaining("cannot reach 127.0.0.1")
                .hasMessageContaining("to work offline, put cluster-template-development.yaml into "
                        + folder.resolve("overrides/infrastructure-docker/v1.14.2"));
    }

    @Test
    void theOverridesFolderWinsAndWorksOffline() throws IOException {
        Path version = Files.createDirectories(folder.resolve("overrides/infrastructure-docker/v1.14.2"));
        Files.writeString(version.resolve("cluster-template-in-memory.yaml"), "kind: Override\n");
        Files.writeString(version.resolve("clusterclass-in-memory.yaml"), "kind: ClusterClass\n");
        Files.createDirectories(folder.resolve("overrides/infrastructure-docker/v1.9.0"));
        server.stop(0);
        TemplateFetcher fetcher = fetcher(base());
        for (String v : java.util.Arrays.asList("v1.14.2", null)) {
            TemplateFetcher.Fetched fetched = fetcher.fetch(new TemplateSource.ProviderRelease("docker", v,
                    "in-memory"));
            assertThat(fetched.text()).isEqualTo("kind: Override\n");
            assertThat(fetched.origin()).contains("overrides folder");
            assertThat(fetched.clusterClasses().find("in-memory")).isPresent();
        }
    }

    @Test
    void unknownProvidersAndMissingFilesAreNamed() {
        assertThatThrownBy(() -> fetcher(base()).fetch(new TemplateSource.ProviderRelease("nosuch", null, null)))
                .hasMessageContaining("no infrastructure provider named \"nosuch\"").hasMessageContaining("kubevirt");
        assertThatThrownBy(() -> fetcher(base()).fetch(new TemplateSource.Location(folder.resolve("x.yaml")
                .toString()))).hasMessageContaining("does not exist");
        assertThatThrownBy(() -> fetcher(base()).fetch(new TemplateSource.Location(base() + "/missing.yaml")))
                .hasMessageContaining("answered 404");
    }

    @Test
    void urlsFilesAndStandardInput() throws IOException {
        files.put("/t.yaml", "kind: FromUrl\n");
        Path file = Files.writeString(folder.resolve("t.yaml"), "kind: FromFile\n");
        TemplateFetcher fetcher = fetcher(base());
        assertThat(fetcher.fetch(new TemplateSource.Location(base() + "/t.yaml")).text()).isEqualTo("kind: FromUrl\n");
        assertThat(fetcher.fetch(new TemplateSource.Location(file.toString())).text()).isEqualTo("kind: FromFile\n");
        assertThat(fetcher.fetch(new TemplateSource.Location("file://" + file)).text()).isEqualTo("kind: FromFile\n");
        assertThat(fetcher.fetch(new TemplateSource.Location("-")).text()).isEqualTo("kind: FromStdin\n");
    }
}
