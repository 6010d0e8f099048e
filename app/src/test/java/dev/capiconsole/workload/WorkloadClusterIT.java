package dev.capiconsole.workload;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capiconsole.cli.CliRunner;
import dev.capiconsole.lab.Lab;
import dev.capiconsole.lab.LabClusters;
import dev.capiconsole.lab.LabOptions;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * A workload cluster of the lab (the in-memory backend serves a real Kubernetes API for it) reached through its
 * kubeconfig Secret: the same kubeconfig clusterctl prints, a 0600 file that works with the fabric8 client, its
 * kube-system pods and its nodes, new nodes after a scale-up, and a merge into an existing kubeconfig.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WorkloadClusterIT {

    private static final String CLUSTER = "workload";

    @TempDir
    static Path data;

    private static Lab lab;
    private static KubernetesClient client;
    private static LabClusters clusters;

    @BeforeAll
    static void labWithACluster() throws Exception {
        lab = Lab.start(LabOptions.defaults().withDataDir(data.resolve("lab")), line -> { });
        client = lab.client();
        clusters = new LabClusters(lab, client, data);
        clusters.create(CLUSTER, "default", 1, 2);
        clusters.awaitReady(CLUSTER, "default", 2, Duration.ofMinutes(4));
    }

    @AfterAll
    static void stopLab() {
        if (client != null) {
            client.close();
        }
        if (lab != null) {
            lab.close();
        }
    }

    private static CliRunner.Result cli(String... args) {
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--kubeconfig";
        all[args.length + 1] = lab.kubeconfig().toString();
        return CliRunner.run(all);
    }

    @Test
    @Order(1)
    void theKubeconfigIsClusterctlsAndWorksFromA0600File() throws Exception {
        CliRunner.Result printed = cli("get", "kubeconfig", CLUSTER, "-n", "default");
        assertThat(printed.exitCode()).as(printed.err()).isZero();
        // Compared without printing: the text holds the cluster's admin credentials.
        boolean same = printed.out().equals(clusters.clusterctl("get", "kubeconfig", CLUSTER, "-n", "default"));
        assertThat(same).as("the same text as clusterctl get kubeconfig (not shown: it holds credentials)").isTrue();
        assertThat(printed.out()).as("a kubeconfig").startsWith("apiVersion: v1");

        Path file = data.resolve("exported/workload.kubeconfig");
        CliRunner.Result saved = cli("get", "kubeconfig", CLUSTER, "-n", "default", "--write-to", file.toString());
        assertThat(saved.exitCode()).as(saved.err()).isZero();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        try (KubernetesClient workload = new KubernetesClientBuilder()
                .withConfig(Config.fromKubeconfig(null, Files.readString(file), null)).build()) {
            assertThat(workload.nodes().list().getItems()).hasSize(3);
        }
    }

    @Test
    @Order(2)
    void podsAndNodesOfTheWorkloadCluster() {
        CliRunner.Result pods = cli("get", "pods", "--cluster", CLUSTER, "-n", "default", "-A");
        assertThat(pods.exitCode()).as(pods.err()).isZero();
        assertThat(pods.out()).startsWith("NAMESPACE").contains("kube-system").contains("kube-apiserver");
        System.out.println(pods.out());
        CliRunner.Result nodes = cli("get", "nodes", "--cluster", CLUSTER, "-n", "default");
        assertThat(nodes.exitCode()).as(nodes.err()).isZero();
        assertThat(nodes.out().lines().skip(1).toList()).hasSize(3);
        System.out.println(nodes.out());
    }

    @Test
    @Order(3)
    void aScaleUpBringsNewNodes() throws Exception {
        client.genericKubernetesResources("cluster.x-k8s.io/v1beta2", "Cluster").inNamespace("default")
                .withName(CLUSTER).patch(PatchContext.of(PatchType.JSON_MERGE),
                        "{\"spec\":{\"topology\":{\"workers\":{\"machineDeployments\":[{\"class\":\"default-worker\","
                                + "\"name\":\"md-0\",\"replicas\":4}]}}}}");
        WorkloadKubeconfig kubeconfig = WorkloadKubeconfig.read(client, "default", CLUSTER);
        Instant start = Instant.now();
        try (KubernetesClient workload = kubeconfig.client()) {
            while (workload.nodes().list().getItems().size() < 5) {
                assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofMinutes(3));
                Thread.sleep(1000);
            }
        }
        System.out.printf("[measure] scale 2 -> 4 workers to 5 nodes in the workload cluster: %d s%n",
                Duration.between(start, Instant.now()).toSeconds());
    }

    @Test
    @Order(4)
    void mergingKeepsTheOtherContextsAndABackup() throws Exception {
        Path target = data.resolve("home/.kube/config");
        Files.createDirectories(target.getParent());
        Files.writeString(target, """
                apiVersion: v1
                kind: Config
                current-context: other
                clusters:
                - name: other
                  cluster: {server: "https://other.example:6443"}
                users:
                - name: other-user
                  user: {token: t}
                contexts:
                - name: other
                  context: {cluster: other, user: other-user}
                """);
        CliRunner.Result merged = cli("get", "kubeconfig", CLUSTER, "-n", "default", "--merge-into", target.toString());
        assertThat(merged.exitCode()).as(merged.err()).isZero();
        String text = Files.readString(target);
        // Checked piece by piece so that a failure never prints the file: it holds credentials.
        for (String expected : new String[] {"name: other", "current-context: other",
            "name: " + CLUSTER + "-admin@" + CLUSTER, "server: https://other.example:6443"}) {
            assertThat(text.contains(expected)).as("the merged file has " + expected).isTrue();
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target))).isEqualTo("rw-------");
        assertThat(Files.readString(target.resolveSibling("config.bak"))).contains("other.example");
        assertThat(KubeconfigMerge.conflicts(target, WorkloadKubeconfig.read(client, "default", CLUSTER).text()))
                .contains("context " + CLUSTER + "-admin@" + CLUSTER);
    }

    @Test
    @Order(5)
    void aClusterWithoutItsSecretSaysItIsStillBeingCreated() {
        CliRunner.Result missing = cli("get", "kubeconfig", "not-there", "-n", "default");
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.err()).contains("there is no Secret default/not-there-kubeconfig yet");
    }
}
