package dev.capiconsole.problems;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capiconsole.cli.CliRunner;
import dev.capiconsole.lab.LabFixture;
import dev.capiconsole.testing.Await;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code get problems} on the lab: nothing for a healthy cluster; then the cluster broken on purpose (paused, a
 * MachineDeployment whose templates do not exist, a Machine held in deletion by a finalizer, its kubeconfig Secret
 * deleted, a worker's Node reported NotReady with no ClusterResourceSet for the cluster) and each rule firing on the
 * right object.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ProblemsIT {

    private static final String CLUSTER = "problems";
    private static final String CORE = "cluster.x-k8s.io/v1beta2";
    private static final String HOLD = "capi-console.dev/test-hold";

    @TempDir
    static Path data;

    private static LabFixture fixture;

    @BeforeAll
    static void labWithACluster() throws Exception {
        fixture = LabFixture.withReadyCluster(data, CLUSTER, 1, 1);
    }

    @AfterAll
    static void releaseAndStop() {
        if (fixture == null) {
            return;
        }
        GenericKubernetesResource held = fixture.client().genericKubernetesResources(CORE, "Machine")
                .inNamespace("default").withName("held").get();
        if (held != null) {
            fixture.client().genericKubernetesResources(CORE, "Machine").inNamespace("default").withName("held")
                    .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"metadata\":{\"finalizers\":null}}");
        }
        fixture.close();
    }

    @Test
    @Order(1)
    void aHealthyClusterHasNoProblems() {
        CliRunner.Result result = fixture.cli("get", "problems", "-n", "default", "--cluster", CLUSTER);

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).startsWith("No problems found in Cluster problems (namespace default).");
        long start = System.nanoTime();
        List<Problem> problems = problems();
        System.out.printf("One read and evaluation of namespace default: %d ms%n",
                (System.nanoTime() - start) / 1_000_000);
        assertThat(problems).as("every rule on every object of the lab").isEmpty();
    }

    @Test
    @Order(2)
    void aClusterBrokenOnPurposeShowsEachRuleOnTheRightObject() {
        fixture.client().genericKubernetesResources(CORE, "Cluster").inNamespace("default").withName(CLUSTER)
                .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"spec\":{\"paused\":true}}");
        fixture.clusters().apply("""
                apiVersion: cluster.x-k8s.io/v1beta2
                kind: MachineDeployment
                metadata:
                  name: broken-md
                spec:
                  clusterName: problems
                  replicas: 0
                  selector: {matchLabels: {broken: md}}
                  template:
                    metadata: {labels: {broken: md}}
                    spec:
                      clusterName: problems
                      version: v1.36.0
                      bootstrap: {dataSecretName: none}
                      infrastructureRef: {apiGroup: infrastructure.cluster.x-k8s.io, kind: DevMachineTemplate, name: missing-template}
                ---
                apiVersion: cluster.x-k8s.io/v1beta2
                kind: Machine
                metadata:
                  name: held
                  finalizers: [%s]
                spec:
                  clusterName: problems
                  version: v1.36.0
                  bootstrap: {dataSecretName: none}
                  infrastructureRef: {apiGroup: infrastructure.cluster.x-k8s.io, kind: DevMachine, name: held}
                """.formatted(HOLD), "default");
        fixture.client().genericKubernetesResources(CORE, "Machine").inNamespace("default").withName("held").delete();
        fixture.client().secrets().inNamespace("default").withName(CLUSTER + "-kubeconfig").delete();
        nodeNotReady(workerMachine());

        Await.until(Duration.ofSeconds(60), "the four problems of the broken cluster", () -> problems().stream()
                .map(p -> p.ruleId() + " " + p.object()).toList().containsAll(List.of(
                        "cluster-paused Cluster default/problems",
                        "missing-reference MachineDeployment default/broken-md",
                        "deletion-stuck Machine default/held",
                        "kubeconfig-missing Cluster default/problems",
                        "nodes-not-ready-no-cni Cluster default/problems")));

        CliRunner.Result result = fixture.cli("get", "problems", "-n", "default", "--cluster", CLUSTER,
                "--deletion-timeout", "0s");
        System.out.println(result.out());
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).containsPattern("ERROR +problems +Machine default/held +Deletion stuck for \\S+ on "
                        + "finalizers? " + HOLD)
                .containsPattern("ERROR +problems +MachineDeployment default/broken-md +References DevMachineTemplate "
                        + "default/missing-template, which does not exist")
                .containsPattern("ERROR +problems +Cluster default/problems +Kubeconfig Secret problems-kubeconfig is "
                        + "missing")
                .containsPattern("WARNING +problems +Cluster default/problems +Cluster is paused")
                .containsPattern("WARNING +problems +Cluster default/problems +1 of 2 Machines' Nodes are NotReady and "
                        + "no CNI add-on is set for the Cluster")
                .contains("   Evidence:  NodeReady=False KubeletNotReady: container runtime network not ready: cni plugin "
                        + "not initialized; checked: no ClusterResourceSet in default selects the Cluster's labels")
                .contains("   Evidence:  spec.template.spec.infrastructureRef = DevMachineTemplate/missing-template "
                        + "(infrastructure.cluster.x-k8s.io): no such object in namespace default")
                .contains("   Next step: Its Cluster is paused, so no controller removes the finalizer: resume it "
                        + "(capi-console resume problems -n default).");
        assertThat(fixture.cli("get", "problems", "-n", "default", "--cluster", "other").out())
                .startsWith("No problems found in Cluster other");
    }

    private static String workerMachine() {
        return fixture.client().genericKubernetesResources(CORE, "Machine").inNamespace("default")
                .withLabel("cluster.x-k8s.io/cluster-name", CLUSTER).withLabel("cluster.x-k8s.io/deployment-name")
                .list().getItems().get(0).getMetadata().getName();
    }

    /**
     * What a Node without a CNI reports, written into the Machine's NodeReady condition: the in-memory backend's
     * Nodes are always Ready, and the paused Cluster's controllers leave the status as written.
     */
    @SuppressWarnings("unchecked")
    private static void nodeNotReady(String machine) {
        var resource = fixture.client().genericKubernetesResources(CORE, "Machine").inNamespace("default")
                .withName(machine);
        List<Map<String, Object>> conditions = (List<Map<String, Object>>) ((Map<String, Object>) resource.get()
                .getAdditionalProperties().get("status")).get("conditions");
        int index = IntStream.range(0, conditions.size()).filter(i -> "NodeReady".equals(conditions.get(i).get("type")))
                .findFirst().orElseThrow();
        resource.subresource("status").patch(PatchContext.of(PatchType.JSON), ("[{\"op\":\"replace\",\"path\":"
                + "\"/status/conditions/%d\",\"value\":{\"type\":\"NodeReady\",\"status\":\"False\","
                + "\"reason\":\"KubeletNotReady\",\"message\":\"container runtime network not ready: cni plugin not "
                + "initialized\",\"lastTransitionTime\":\"%s\"}}]").formatted(index,
                Instant.now().truncatedTo(ChronoUnit.SECONDS)));
    }

    /** Every rule over one read of namespace default, stuck deletions counted at once. */
    private static List<Problem> problems() {
        ProblemOptions options = new ProblemOptions(ProblemOptions.DEFAULT_TIMEOUT, Duration.ZERO,
                ProblemOptions.defaults().certificateWindow());
        return Rules.evaluate(new ProblemReader(fixture.client()).read("default", Instant.now()), options);
    }
}
