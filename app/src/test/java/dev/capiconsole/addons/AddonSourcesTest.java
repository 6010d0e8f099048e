package dev.capiconsole.addons;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.capiconsole.providers.ReleaseResolver;
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

class AddonSourcesTest {

    @TempDir
    Path dir;

    private AddonSources sources(String githubBase) {
        List<Path> folders = List.of(dir.resolve("overrides"), dir.resolve("lab"));
        return new AddonSources(new ReleaseResolver(folders, githubBase), folders);
    }

    @Test
    void overridesComeFirstInAnyOfTheFolders() throws IOException {
        Path file = dir.resolve("lab/addon-flannel/v0.28.10/kube-flannel.yml");
        Files.createDirectories(file.getParent());
        Files.writeString(file, Fixtures.FLANNEL);

        Manifest flannel = sources("http://127.0.0.1:9").read(AddonCatalog.named("flannel"));

        assertThat(flannel.text()).isEqualTo(Fixtures.FLANNEL);
        assertThat(flannel.file()).isEqualTo("kube-flannel.yml");
        assertThat(flannel.pool()).isEqualTo(PodCidr.Pool.FLANNEL);
        assertThat(flannel.origin()).contains("overrides folder " + file.getParent());
    }

    @Test
    void theReleaseIsReadFromTheMirror() throws IOException {
        List<String> asked = new ArrayList<>();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            asked.add(exchange.getRequestURI().getPath());
            byte[] body = Fixtures.CALICO.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            Manifest calico = sources("http://127.0.0.1:" + server.getAddress().getPort())
                    .read(AddonCatalog.named("calico"));
            assertThat(calico.text()).isEqualTo(Fixtures.CALICO);
            assertThat(asked).containsExactly("/projectcalico/calico/releases/download/v3.31.0/calico.yaml");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void anUnreachableSourceNamesTheOverridesPath() {
        assertThatThrownBy(() -> sources("http://127.0.0.1:9").read(AddonCatalog.named("calico")))
                .isInstanceOf(AddonException.class).hasMessageContaining("cannot reach 127.0.0.1")
                .hasMessageContaining("put calico.yaml at " + dir.resolve("overrides/addon-calico/v3.31.0/calico.yaml"));
        assertThatThrownBy(() -> sources("http://127.0.0.1:9").read(AddonCatalog.named("cilium")))
                .hasMessageContaining("put cilium.yaml at " + dir.resolve("overrides/addon-cilium/v1.20.2/cilium.yaml"))
                .hasMessageContaining("helm template");
    }

    @Test
    void anotherManifestIsReadFromAFileAndNamedAfterIt() throws IOException {
        Path file = dir.resolve("My_Metrics.yaml");
        Files.writeString(file, "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: metrics\n");

        Manifest manifest = sources("http://127.0.0.1:9").readLocation(file.toString());

        assertThat(manifest.name()).isEqualTo("my-metrics");
        assertThat(manifest.file()).isEqualTo("My_Metrics.yaml");
        assertThatThrownBy(() -> sources("http://127.0.0.1:9").readLocation(dir.resolve("absent.yaml").toString()))
                .isInstanceOf(AddonException.class).hasMessageContaining("cannot read");
    }

    @Test
    void theCatalogKnowsFourAddonsAndRefusesOthers() {
        assertThat(AddonCatalog.all()).extracting(Addon::name).containsExactly("calico", "cilium", "flannel", "none");
        assertThatThrownBy(() -> AddonCatalog.named("weave")).hasMessageContaining("known are calico, cilium");
    }

    @Test
    void theLabBuildLaysOutThePinnedFlannel() throws IOException {
        String versions = Files.readString(Path.of("../controllers-embedded/lab-build/versions.env"));

        assertThat(versions).containsPattern("(?m)^FLANNEL_VERSION=" + AddonCatalog.named("flannel").version() + "$");
    }
}
