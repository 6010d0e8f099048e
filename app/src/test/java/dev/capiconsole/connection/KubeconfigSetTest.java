package dev.capiconsole.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KubeconfigSetTest {

    @TempDir
    Path dir;

    private Path write(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, content);
    }

    private static String config(String current, String context, String cluster, String server, String user) {
        return """
                apiVersion: v1
                kind: Config
                current-context: %1$s
                contexts:
                - name: %2$s
                  context: {cluster: %3$s, user: %5$s, namespace: team-a}
                clusters:
                - name: %3$s
                  cluster: {server: "%4$s", certificate-authority: certs/ca.crt}
                users:
                - name: %5$s
                  user: {token: t-%5$s}
                """.formatted(current, context, cluster, server, user);
    }

    @Test
    void kubeconfigVariableListsFilesAndDefaultIsDotKubeConfig() {
        Path home = Path.of("/home/op");
        assertThat(KubeconfigSet.defaultFiles(Map.of(), home)).containsExactly(home.resolve(".kube/config"));
        assertThat(KubeconfigSet.defaultFiles(Map.of("KUBECONFIG", "/a:/b::/c"), home))
                .containsExactly(Path.of("/a"), Path.of("/b"), Path.of("/c"));
    }

    @Test
    void firstFileWinsForEachNameAndForTheCurrentContext() throws IOException {
        Path first = write("one/config", config("alpha", "alpha", "c1", "https://one:6443", "u1"));
        Path second = write("two/config", config("beta", "alpha", "c1", "https://two:6443", "u2")
                + "- name: other\n  user: {token: x}\n");
        Path third = write("three/config", config("", "beta", "c3", "https://three:6443", "u3"));

        KubeconfigSet set = KubeconfigSet.load(List.of(first, dir.resolve("missing"), second, third));

        assertThat(set.currentContext()).contains("alpha");
        assertThat(set.contexts()).extracting(KubeContext::name).containsExactly("alpha", "beta");
        KubeContext alpha = set.contexts().get(0);
        assertThat(alpha.server()).isEqualTo("https://one:6443");
        assertThat(alpha.namespace()).isEqualTo("team-a");
        assertThat(alpha.file()).isEqualTo(first);
        assertThat(set.contexts().get(1).server()).isEqualTo("https://three:6443");
    }

    @Test
    void aContextsKubeconfigIsSelfContainedWithAbsolutePaths() throws IOException {
        Path file = write("one/config", config("alpha", "alpha", "c1", "https://one:6443", "u1"));
        String yaml = KubeconfigSet.load(List.of(file)).kubeconfigFor("alpha", null);
        assertThat(yaml).contains("certificate-authority: " + dir.resolve("one/certs/ca.crt"))
                .contains("current-context: alpha").contains("token: t-u1");
    }

    @Test
    void invalidYamlIsReportedWithFileAndLine() throws IOException {
        Path file = write("bad", "apiVersion: v1\nclusters:\n  - name: x\n   cluster: [\n");
        assertThatThrownBy(() -> KubeconfigSet.load(List.of(file)))
                .isInstanceOf(ConnectionException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("not valid YAML: at line 4");
    }

    @Test
    void aContextNamingAMissingClusterSaysWhich() throws IOException {
        Path file = write("config", """
                contexts:
                - name: broken
                  context: {cluster: nowhere, user: u}
                """);
        assertThatThrownBy(() -> KubeconfigSet.load(List.of(file)).kubeconfigFor("broken", null))
                .hasMessageContaining("names the cluster 'nowhere', which no kubeconfig file defines");
    }

    @Test
    void execPluginsAreFoundOnExtraFoldersAndAMissingOneIsNamed() throws IOException {
        Path bin = dir.resolve("plugins");
        Files.createDirectories(bin);
        Path plugin = Files.writeString(bin.resolve("kubelogin"), "#!/bin/sh\n");
        Files.setPosixFilePermissions(plugin, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path file = write("config", """
                current-context: oidc
                contexts:
                - name: oidc
                  context: {cluster: c, user: u}
                clusters:
                - name: c
                  cluster: {server: "https://x:6443"}
                users:
                - name: u
                  user:
                    exec: {apiVersion: client.authentication.k8s.io/v1, command: kubelogin, args: [get-token]}
                """);
        KubeconfigSet set = KubeconfigSet.load(List.of(file));
        assertThat(set.kubeconfigFor("oidc", new ExecPath("/usr/bin", List.of(bin))))
                .contains("command: " + plugin);
        assertThatThrownBy(() -> set.kubeconfigFor("oidc", new ExecPath("/usr/bin", List.of())))
                .hasMessageContaining("credential plugin 'kubelogin'")
                .hasMessageContaining("extra PATH");
    }

    @Test
    void theExecPluginRunsWithTheWholeSearchPathUnlessTheKubeconfigSetsOne() throws IOException {
        Path bin = Files.createDirectories(dir.resolve("tools"));
        // The plugin answers with its own PATH as the token, so the test sees what the plugin saw.
        Path plugin = Files.writeString(bin.resolve("test-auth-plugin"), """
                #!/bin/sh
                printf '{"apiVersion":"client.authentication.k8s.io/v1","kind":"ExecCredential",\
                "status":{"token":"%s"}}' "$PATH"
                """);
        Files.setPosixFilePermissions(plugin, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path file = write("config", """
                contexts:
                - name: gke
                  context: {cluster: c, user: u}
                - name: pinned
                  context: {cluster: c, user: p}
                clusters:
                - name: c
                  cluster: {server: "https://x:6443"}
                users:
                - name: u
                  user:
                    exec:
                      apiVersion: client.authentication.k8s.io/v1
                      command: test-auth-plugin
                      env: [{name: CLOUDSDK_CORE_PROJECT, value: demo}]
                - name: p
                  user:
                    exec:
                      apiVersion: client.authentication.k8s.io/v1
                      command: test-auth-plugin
                      env: [{name: PATH, value: /only/here}]
                """);
        KubeconfigSet set = KubeconfigSet.load(List.of(file));
        ExecPath path = new ExecPath("/usr/bin", List.of(bin));
        assertThat(set.configFor("gke", path).getAutoOAuthToken()).isEqualTo(path.searchPath());
        String kubeconfig = set.kubeconfigFor("gke", path);
        assertThat(kubeconfig).contains("name: CLOUDSDK_CORE_PROJECT")
                .contains("name: PATH").contains("value: /usr/bin" + java.io.File.pathSeparator + bin);
        assertThat(set.kubeconfigFor("pinned", path)).contains("value: /only/here").doesNotContain("value: /usr/bin");
    }
}
