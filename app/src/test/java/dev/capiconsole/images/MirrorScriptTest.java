package dev.capiconsole.images;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MirrorScriptTest {

    private static final ImageList LIST = new ImageList(List.of(
            new ImageList.Group("cluster-api", List.of("registry.k8s.io/cluster-api/cluster-api-controller:v1.14.2")),
            new ImageList.Group("kubeadm v1.33.1", List.of("registry.k8s.io/coredns/coredns:v1.12.0",
                    "registry.k8s.io/pause:3.10")),
            new ImageList.Group("kind node", List.of("kindest/node:v1.33.1@sha256:"
                    + "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef")),
            new ImageList.Group("again", List.of("registry.k8s.io/pause:3.10", "docker.io/library/pause:3.10"))));

    @TempDir
    Path folder;

    @Test
    void textIsEveryImageOnceInGroupOrder() {
        assertThat(LIST.text().lines()).containsExactly("registry.k8s.io/cluster-api/cluster-api-controller:v1.14.2",
                "registry.k8s.io/coredns/coredns:v1.12.0", "registry.k8s.io/pause:3.10",
                "kindest/node:v1.33.1@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
                "docker.io/library/pause:3.10");
    }

    @Test
    void theScriptCopiesFlatWithCraneWhenInstalledElseSkopeoElseSaysWhatToInstall() throws Exception {
        Path script = folder.resolve("mirror-images.sh");
        Files.writeString(script, MirrorScript.render(LIST, "a test"));
        assertThat(Files.readString(script)).contains("# not copied: docker.io/library/pause:3.10 would overwrite "
                + "registry.k8s.io/pause:3.10 at $REGISTRY/pause:3.10");

        Path both = tools(folder.resolve("both"), "crane", "skopeo");
        Run crane = run(script, both, "registry.example.com/capi/");
        assertThat(crane.exit()).as(crane.output()).isZero();
        assertThat(Files.readAllLines(both.resolve("calls"))).containsExactly(
                "crane copy registry.k8s.io/cluster-api/cluster-api-controller:v1.14.2 "
                        + "registry.example.com/capi/cluster-api-controller:v1.14.2",
                "crane copy registry.k8s.io/coredns/coredns:v1.12.0 registry.example.com/capi/coredns:v1.12.0",
                "crane copy registry.k8s.io/pause:3.10 registry.example.com/capi/pause:3.10",
                "crane copy kindest/node:v1.33.1@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
                        + " registry.example.com/capi/node:v1.33.1");
        assertThat(crane.output()).contains("Mirrored 4 images to registry.example.com/capi");

        Path skopeoOnly = tools(folder.resolve("skopeo"), "skopeo");
        assertThat(run(script, skopeoOnly, "registry.example.com/capi").exit()).isZero();
        assertThat(Files.readAllLines(skopeoOnly.resolve("calls")).get(0)).isEqualTo("skopeo copy --all "
                + "docker://registry.k8s.io/cluster-api/cluster-api-controller:v1.14.2 "
                + "docker://registry.example.com/capi/cluster-api-controller:v1.14.2");

        Run neither = run(script, tools(folder.resolve("none")), "registry.example.com/capi");
        assertThat(neither.exit()).isEqualTo(1);
        assertThat(neither.output()).contains("Neither crane nor skopeo is installed")
                .contains("go install github.com/google/go-containerregistry/cmd/crane@latest");
        assertThat(run(script, tools(folder.resolve("none2")), null).output()).contains("usage:");
    }

    private record Run(int exit, String output) {
    }

    /** A bin folder of stand-ins that record their arguments into {@code calls}, beside sh and echo. */
    private static Path tools(Path bin, String... names) throws IOException {
        Files.createDirectories(bin);
        for (String name : names) {
            Path tool = bin.resolve(name);
            Files.writeString(tool, "#!/bin/sh\necho \"" + name + " $*\" >> \"" + bin.resolve("calls") + "\"\n");
            Files.setPosixFilePermissions(tool, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        return bin;
    }

    private static Run run(Path script, Path bin, String registry) throws Exception {
        List<String> command = registry == null ? List.of("/bin/sh", script.toString())
                : List.of("/bin/sh", script.toString(), registry);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("PATH", bin.toString());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Run(process.waitFor(), output);
    }
}
