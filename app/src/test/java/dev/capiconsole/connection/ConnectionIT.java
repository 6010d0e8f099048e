package dev.capiconsole.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.capiconsole.lab.CertificateAuthority;
import dev.capiconsole.lab.LabFixture;
import dev.capiconsole.lab.SecretFiles;
import dev.capiconsole.workload.WorkloadKubeconfig;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.authentication.TokenRequestBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/** Connecting to a real API server (the lab's, without Cluster API): exec plugins, and the faults an operator meets. */
class ConnectionIT {

    @TempDir
    static Path dir;

    private static LabFixture fixture;
    private static String server;
    private static String caData;

    @BeforeAll
    static void startApiServer() throws Exception {
        fixture = LabFixture.apiServerOnly(dir);
        server = fixture.serverUrl();
        caData = Base64.getEncoder().encodeToString(
                Files.readAllBytes(dir.resolve("lab/pki/ca.crt")));
    }

    @AfterAll
    static void stopApiServer() {
        if (fixture != null) {
            fixture.close();
        }
    }

    private static Path kubeconfig(String name, String serverUrl, String user) throws Exception {
        return Files.writeString(dir.resolve(name), """
                apiVersion: v1
                kind: Config
                current-context: ctx
                contexts:
                - name: ctx
                  context: {cluster: lab, user: u}
                clusters:
                - name: lab
                  cluster: {server: "%s", certificate-authority-data: %s}
                users:
                - name: u
                  user:
                %s
                """.formatted(serverUrl, caData, user));
    }

    @Test
    void anExecCredentialPluginOnTheExtraPathAuthenticates() throws Exception {
        String token;
        try (KubernetesClient admin = fixture.lab().client()) {
            admin.serviceAccounts().inNamespace("default").resource(new ServiceAccountBuilder().withNewMetadata()
                    .withName("operator").endMetadata().build()).serverSideApply();
            // The lab runs no controller-manager, so aggregated roles like "view" stay empty: a role of our own.
            admin.rbac().clusterRoles().resource(new ClusterRoleBuilder().withNewMetadata().withName("operator-read")
                    .endMetadata().addNewRule().withApiGroups("").withResources("serviceaccounts", "namespaces")
                    .withVerbs("get", "list").endRule().build()).serverSideApply();
            admin.rbac().clusterRoleBindings().resource(new ClusterRoleBindingBuilder().withNewMetadata()
                    .withName("operator-read").endMetadata().withNewRoleRef().withApiGroup("rbac.authorization.k8s.io")
                    .withKind("ClusterRole").withName("operator-read").endRoleRef().addNewSubject().withKind("ServiceAccount")
                    .withName("operator").withNamespace("default").endSubject().build()).serverSideApply();
            token = admin.serviceAccounts().inNamespace("default").withName("operator")
                    .tokenRequest(new TokenRequestBuilder().withNewSpec().withExpirationSeconds(3600L).endSpec()
                            .build()).getStatus().getToken();
        }
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        Path plugin = Files.writeString(plugins.resolve("lab-login"), """
                #!/bin/sh
                printf '{"apiVersion":"client.authentication.k8s.io/v1","kind":"ExecCredential","status":{"token":"%s"}}'
                """.formatted(token));
        Files.setPosixFilePermissions(plugin, PosixFilePermissions.fromString("rwx------"));
        Path file = kubeconfig("exec.yaml", server, """
                    exec:
                      apiVersion: client.authentication.k8s.io/v1
                      command: lab-login
                      interactiveMode: Never
                """);

        KubeconfigSet set = KubeconfigSet.load(List.of(file));
        ManagementCluster cluster = ClusterProbe.probe(set, "ctx", new ExecPath("/usr/bin:/bin", List.of(plugins)));
        assertThat(cluster.kubernetesVersion()).startsWith("v1.36.");
        assertThat(cluster.clusterApiInstalled()).isFalse();
        try (KubernetesClient client = new KubernetesClientBuilder()
                .withConfig(Config.fromKubeconfig("ctx", cluster.kubeconfig(), null)).build()) {
            assertThat(client.serviceAccounts().inNamespace("default").list().getItems())
                    .extracting(n -> n.getMetadata().getName()).contains("operator");
        }
        assertThatThrownBy(() -> ClusterProbe.probe(set, "ctx", new ExecPath("/usr/bin:/bin", List.of())))
                .hasMessageContaining("credential plugin 'lab-login'").hasMessageContaining("not installed");
    }

    @Test
    void rejectedCredentialsSaySoAndWhatToDo() throws Exception {
        Path file = kubeconfig("expired.yaml", server, "    token: expired-or-bogus");
        assertThatThrownBy(() -> ClusterProbe.probe(KubeconfigSet.load(List.of(file)), "ctx",
                new ExecPath("/usr/bin", List.of())))
                .isInstanceOf(ConnectionException.class)
                .hasMessageContaining("rejected the credentials of context 'ctx' (401 Unauthorized)")
                .hasMessageContaining(server);
    }

    @Test
    void aServerCertificateFromAnotherAuthorityIsRefusedWithACertificateError() throws Exception {
        Path file = labKubeconfigWith("wrong-ca.yaml", cluster -> cluster.put("certificate-authority-data",
                base64(CertificateAuthority.loadOrCreate(dir.resolve("other-ca")).certificatePem())));
        assertThatThrownBy(() -> ClusterProbe.probe(KubeconfigSet.load(List.of(file)), "lab",
                new ExecPath("/usr/bin", List.of())))
                .isInstanceOf(ConnectionException.class)
                .hasMessageContaining("cannot reach " + server)
                .hasMessageContaining("certificate");
        try (KubernetesClient workload = workloadKubeconfigFrom(file).client()) {
            assertThatThrownBy(() -> workload.getKubernetesVersion())
                    .satisfies(e -> assertThat(ServerErrors.certificateRefused(e)).as("a certificate error").isTrue());
        }
    }

    @Test
    void onlyTheKubeconfigsOwnInsecureSkipTlsVerifyTurnsVerificationOff() throws Exception {
        Path file = labKubeconfigWith("insecure.yaml", cluster -> {
            cluster.put("certificate-authority-data",
                    base64(CertificateAuthority.loadOrCreate(dir.resolve("other-ca")).certificatePem()));
            cluster.put("insecure-skip-tls-verify", true);
        });
        assertThat(ClusterProbe.probe(KubeconfigSet.load(List.of(file)), "lab", new ExecPath("/usr/bin", List.of()))
                .kubernetesVersion()).startsWith("v1.36.");
        try (KubernetesClient workload = workloadKubeconfigFrom(file).client()) {
            assertThat(workload.getKubernetesVersion().getGitVersion()).startsWith("v1.36.");
        }
    }

    /** The lab's admin kubeconfig (0600, in the lab folder) with its cluster entry changed, written 0600. */
    @SuppressWarnings("unchecked")
    private static Path labKubeconfigWith(String name, Consumer<Map<String, Object>> change)
            throws Exception {
        Map<String, Object> config = new Yaml().load(Files.readString(fixture.kubeconfig()));
        Map<String, Object> first = ((List<Map<String, Object>>) config.get("clusters")).get(0);
        change.accept((Map<String, Object>) first.get("cluster"));
        List<Map<String, Object>> contexts = (List<Map<String, Object>>) config.get("contexts");
        contexts.get(0).put("name", "lab");
        config.put("current-context", "lab");
        Path file = dir.resolve(name);
        SecretFiles.write(file, new Yaml().dump(config));
        return file;
    }

    /** The kubeconfig as a workload cluster's kubeconfig Secret holds it, read the way the workload tab reads it. */
    private static dev.capiconsole.workload.WorkloadKubeconfig workloadKubeconfigFrom(Path file) throws Exception {
        String name = file.getFileName().toString().replace(".yaml", "");
        fixture.client().secrets().inNamespace("default").resource(new SecretBuilder()
                .withNewMetadata().withName(name + "-kubeconfig").endMetadata()
                .addToData("value", base64(Files.readString(file))).build()).serverSideApply();
        return WorkloadKubeconfig.read(fixture.client(), "default", name);
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
