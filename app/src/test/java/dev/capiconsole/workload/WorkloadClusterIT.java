package dev.capiconsole.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.capiconsole.cli.CliRunner;
import dev.capiconsole.lab.LabClusters;
import dev.capiconsole.lab.LabFixture;
import dev.capiconsole.testing.Await;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
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

    private static LabFixture fixture;
    private static KubernetesClient client;
    private static LabClusters clusters;

    @BeforeAll
    static void labWithACluster() throws Exception {
        fixture = LabFixture.withReadyCluster(data, CLUSTER, 1, 2);
        client = fixture.client();
        clusters = fixture.clusters();
    }

    @AfterAll
    static void stopLab() {
        if (fixture != null) {
            fixture.close();
        }
    }

    private static CliRunner.Result cli(String... args) {
        return fixture.cli(args);
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
            Await.until(Duration.ofMinutes(3), "five nodes in the workload cluster",
                    () -> workload.nodes().list().getItems().size() >= 5);
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
    void podDetailsShowContainersConditionsAndEventsAndLogsSayTheyAreNotServed() throws Exception {
        WorkloadKubeconfig kubeconfig = WorkloadKubeconfig.read(client, "default", CLUSTER);
        try (KubernetesClient workload = kubeconfig.client()) {
            // The in-memory server stores what it is given, status included: a pod as a kubelet would report it.
            Pod pod = workload.resource(new PodBuilder().withNewMetadata().withName("web").withNamespace("default")
                    .endMetadata().withNewSpec().withNodeName("node-x")
                    .addNewContainer().withName("app").withImage("nginx:1.27").endContainer()
                    .addNewContainer().withName("sidecar").withImage("busybox:1.36").endContainer().endSpec()
                    .withNewStatus().withPhase("Running").withPodIP("10.1.2.3")
                    .addNewContainerStatus().withName("app").withImage("nginx:1.27").withReady(true)
                    .withRestartCount(2).withNewState().withNewRunning().withStartedAt(Instant.now().minusSeconds(30)
                            .toString()).endRunning().endState().endContainerStatus()
                    .addNewContainerStatus().withName("sidecar").withImage("busybox:1.36").withReady(false)
                    .withRestartCount(5).withNewState().withNewWaiting().withReason("CrashLoopBackOff").endWaiting()
                    .endState().endContainerStatus()
                    .addNewCondition().withType("Ready").withStatus("False").withReason("ContainersNotReady")
                    .endCondition().endStatus().build()).create();
            // The in-memory server refuses to store Events (500 on create); the event rows are unit-tested
            // (PodDetailsTest). Here: the details still come, with the server's answer about events.
            assertThatThrownBy(() -> workload.resource(new EventBuilder().withNewMetadata().withName("web.1")
                    .withNamespace("default").endMetadata().withNewInvolvedObject().withKind("Pod").withName("web")
                    .endInvolvedObject().withReason("BackOff").build()).create())
                    .isInstanceOf(KubernetesClientException.class);

            Instant asked = Instant.now();
            PodDetails details = PodDetails.read(workload, "default", "web", Instant.now());
            System.out.printf("[measure] pod details (pod + refused events) read in %d ms%n",
                    Duration.between(asked, Instant.now()).toMillis());
            assertThat(details.containers()).extracting(PodDetails.ContainerInfo::name).containsExactly("app",
                    "sidecar");
            assertThat(details.containers().get(0).state()).startsWith("Running for ");
            assertThat(details.containers().get(1).state()).isEqualTo("Waiting: CrashLoopBackOff");
            assertThat(details.conditions()).extracting(PodDetails.ConditionInfo::reason)
                    .containsExactly("ContainersNotReady");
            assertThat(details.events()).isEmpty();
            assertThat(details.eventsNote()).startsWith("The workload API server gives no events here (500");

            // A pod the in-memory backend made itself: no containers, one Ready condition.
            String apiServerPod = workload.pods().inNamespace("kube-system").list().getItems().stream()
                    .map(p -> p.getMetadata().getName()).filter(n -> n.startsWith("kube-apiserver-")).findFirst()
                    .orElseThrow();
            PodDetails made = PodDetails.read(workload, "kube-system", apiServerPod, Instant.now());
            assertThat(made.containers()).isEmpty();
            assertThat(made.conditions()).extracting(PodDetails.ConditionInfo::type).contains("Ready");
        }
        CliRunner.Result described = cli("get", "pod", "web", "--cluster", CLUSTER, "-n", "default");
        assertThat(described.exitCode()).as(described.err()).isZero();
        assertThat(described.out()).contains("Pod:       default/web").contains("nginx:1.27")
                .contains("Waiting: CrashLoopBackOff").contains("ContainersNotReady").contains("Events: ");
        System.out.println(described.out());

        CliRunner.Result logs = cli("get", "logs", "web", "--cluster", CLUSTER, "-n", "default", "-c", "app",
                "--tail", "20");
        assertThat(logs.exitCode()).isEqualTo(1);
        assertThat(logs.err()).contains("this workload API server does not serve container logs");
        CliRunner.Result noPod = cli("get", "logs", "nope", "--cluster", CLUSTER, "-n", "default");
        assertThat(noPod.exitCode()).isEqualTo(1);
        assertThat(noPod.err()).contains("cannot read the logs of default/nope").doesNotContain("does not serve");
    }

    @Test
    @Order(6)
    void aClusterWithoutItsSecretSaysItIsStillBeingCreated() {
        CliRunner.Result missing = cli("get", "kubeconfig", "not-there", "-n", "default");
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.err()).contains("there is no Secret default/not-there-kubeconfig yet");
    }
}
