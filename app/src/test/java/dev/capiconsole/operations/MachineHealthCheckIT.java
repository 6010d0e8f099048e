package dev.capiconsole.operations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capiconsole.cli.CliRunner;
import dev.capiconsole.events.ClusterEvents;
import dev.capiconsole.lab.LabClusters;
import dev.capiconsole.lab.LabFixture;
import dev.capiconsole.testing.Await;
import dev.capiconsole.topology.ApiObjectSource;
import dev.capiconsole.topology.CapiObject;
import dev.capiconsole.topology.ClusterSnapshot;
import dev.capiconsole.topology.DescribeOptions;
import dev.capiconsole.topology.DescribeRow;
import dev.capiconsole.topology.DescribeTable;
import dev.capiconsole.topology.DescribeTreeBuilder;
import dev.capiconsole.topology.HealthChecks;
import dev.capiconsole.topology.SnapshotReader;
import dev.capiconsole.topology.V1Beta1Core;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A MachineHealthCheck on a real in-memory cluster of the lab: the describe tree with health checks shows the check
 * and the Machines it selects; a Machine marked for remediation while its checks are paused stays; once they are
 * resumed the check counts it unhealthy, its MachineSet replaces it, and the cluster's events timeline shows it.
 */
class MachineHealthCheckIT {

    private static final String CLUSTER = "mhc";
    private static final String CHECK = "mhc-workers";
    private static final String CORE = "cluster.x-k8s.io/v1beta2";

    @TempDir
    static Path data;

    private static LabFixture fixture;
    private static KubernetesClient client;

    @BeforeAll
    static void labWithACluster() throws Exception {
        fixture = LabFixture.withReadyCluster(data, CLUSTER, 1, 2);
        client = fixture.client();
    }

    @AfterAll
    static void stopLab() {
        if (fixture != null) {
            fixture.close();
        }
    }

    @Test
    void theTreeShowsTheCheckAndRemediationReplacesAMarkedMachineOnlyOnceItsChecksAreResumed() {
        String deployment = ClusterObjects.read(client, "default", CLUSTER).machineDeployment("md-0").name();
        fixture.clusters().apply("""
                apiVersion: cluster.x-k8s.io/v1beta2
                kind: MachineHealthCheck
                metadata:
                  name: %s
                spec:
                  clusterName: %s
                  selector:
                    matchLabels:
                      cluster.x-k8s.io/deployment-name: %s
                  checks:
                    nodeStartupTimeoutSeconds: 60
                    unhealthyNodeConditions:
                    - {type: Ready, status: Unknown, timeoutSeconds: 20}
                    - {type: Ready, status: "False", timeoutSeconds: 20}
                  remediation:
                    triggerIf:
                      unhealthyLessThanOrEqualTo: 1
                """.formatted(CHECK, CLUSTER, deployment), "default");
        await("the check counts two healthy workers", Duration.ofMinutes(2), () -> counters().equals(List.of(2L, 2L)));

        List<DescribeRow> rows = tree();
        assertThat(rows).extracting(r -> r.prefix() + r.name()).contains("├─MachineHealthChecks")
                .anyMatch(name -> name.endsWith("MachineHealthCheck default/" + CHECK));
        DescribeRow checkRow = rows.stream().filter(r -> r.node().kind().equals("MachineHealthCheck")
                && r.node().name().equals(CHECK)).findFirst().orElseThrow();
        assertThat(List.of(checkRow.replicas(), checkRow.ready(), checkRow.status(), checkRow.reason()))
                .containsExactly("2", "2", "True", "RemediationAllowed");
        assertThat(checkRow.fullMessage()).contains("selects cluster.x-k8s.io/deployment-name=" + deployment)
                .contains("Node Ready=Unknown 20s").contains("remediates while unhealthy <= 1");
        List<DescribeRow> results = rows.stream().filter(r -> r.node().name().equals(CHECK)
                && r.node().parent().kind().equals("Machine")).toList();
        assertThat(results).hasSize(2).allSatisfy(r -> assertThat(r.status() + " " + r.reason())
                .isEqualTo("True HealthCheckSucceeded"));

        String described = fixture.cli("describe", "cluster", CLUSTER, "-n", "default", "--show-machinehealthchecks")
                .out();
        System.out.print(described);
        assertThat(described).contains("MachineHealthCheck default/" + CHECK);
        assertThat(fixture.cli("describe", "cluster", CLUSTER, "-n", "default").out())
                .doesNotContain("MachineHealthCheck");

        String worker = workers().get(0).getMetadata().getName();
        Set<String> objectsBefore = ClusterEvents.objectKeys(snapshot());
        List<String> selecting = HealthChecks.selecting(checks(), machine(worker)).stream().map(CapiObject::name)
                .toList();
        assertThat(selecting).contains(CHECK);
        for (String check : selecting) {
            CliRunner.Result paused = fixture.cli("remediate", "pause", check, "-n", "default", "--yes");
            assertThat(paused.exitCode()).as(paused.err()).isZero();
        }
        await("every check selecting " + worker + " is paused", Duration.ofMinutes(1), () -> checks().stream()
                .filter(c -> selecting.contains(c.name())).allMatch(c -> c.condition("Paused") != null
                        && c.condition("Paused").isTrue() && c.annotations().containsKey(HealthChecks.PAUSED)));

        CliRunner.Result marked = fixture.cli("remediate", "machine", worker, "-n", "default", "--yes");
        assertThat(marked.exitCode()).as(marked.err()).isZero();
        assertThat(marked.out()).contains("Mark Machine default/" + worker + " for remediation")
                .contains("is paused: it acts once resumed");
        sleep(Duration.ofSeconds(10));
        assertThat(machine(worker)).as("paused checks leave a marked Machine alone").isNotNull()
                .satisfies(m -> assertThat(m.deleting()).isFalse());

        AtomicBoolean sawUnhealthy = new AtomicBoolean();
        for (String check : selecting) {
            CliRunner.Result resumed = fixture.cli("remediate", "resume", check, "-n", "default", "--yes");
            assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        }
        await(worker + " replaced by its MachineSet", Duration.ofMinutes(3), () -> {
            List<Long> counters = counters();
            if (counters.size() == 2 && counters.get(1) < counters.get(0)) {
                sawUnhealthy.set(true);
            }
            List<GenericKubernetesResource> now = workers();
            return machine(worker) == null && now.size() == 2
                    && now.stream().allMatch(m -> "Running".equals(LabClusters.status(m).get("phase")));
        });
        assertThat(sawUnhealthy).as("the check counted fewer healthy than expected machines meanwhile").isTrue();
        await("the check counts two healthy workers again", Duration.ofMinutes(2),
                () -> counters().equals(List.of(2L, 2L)));

        Set<String> objects = new HashSet<>(objectsBefore);
        objects.addAll(ClusterEvents.objectKeys(snapshot()));
        await("the events timeline shows the remediation of " + worker, Duration.ofMinutes(1),
                () -> ClusterEvents.timeline(client.v1().events().inNamespace("default").list().getItems(), objects,
                        Instant.now()).stream().anyMatch(e -> e.object().equals("Machine/" + worker)
                        && e.event().reason().contains("Unhealthy")));
    }

    private static ClusterSnapshot snapshot() {
        return new SnapshotReader(new ApiObjectSource(client)).withMachineHealthChecks().read("default", CLUSTER);
    }

    private static List<DescribeRow> tree() {
        Instant now = Instant.now();
        return DescribeTable.rows(DescribeTreeBuilder.build(snapshot(), DescribeOptions.defaults()
                .withGrouping(false).withShowMachineHealthChecks(true), now), now);
    }

    /** Expected machines and currently healthy ones of our check. */
    private static List<Long> counters() {
        return checks().stream().filter(c -> c.name().equals(CHECK)).findFirst()
                .map(c -> List.of(orMinusOne(c.integer("status", "expectedMachines")),
                        orMinusOne(c.integer("status", "currentHealthy")))).orElse(List.of());
    }

    private static long orMinusOne(Long value) {
        return value == null ? -1 : value;
    }

    private static List<CapiObject> checks() {
        return client.genericKubernetesResources(CORE, "MachineHealthCheck").inNamespace("default")
                .withLabel("cluster.x-k8s.io/cluster-name", CLUSTER).list().getItems().stream()
                .map(item -> V1Beta1Core.typed(ApiObjectSource.map(item))).toList();
    }

    private static CapiObject machine(String name) {
        GenericKubernetesResource found = client.genericKubernetesResources(CORE, "Machine").inNamespace("default")
                .withName(name).get();
        return found == null ? null : V1Beta1Core.typed(ApiObjectSource.map(found));
    }

    private static List<GenericKubernetesResource> workers() {
        return client.genericKubernetesResources(CORE, "Machine").inNamespace("default")
                .withLabel("cluster.x-k8s.io/cluster-name", CLUSTER).list().getItems().stream()
                .filter(m -> !m.getMetadata().getLabels().containsKey("cluster.x-k8s.io/control-plane")).toList();
    }

    private static void await(String what, Duration timeout, BooleanSupplier condition) {
        Instant start = Instant.now();
        Await.until(timeout, what, condition);
        System.out.printf("[measure] %s: %d s%n", what, Duration.between(start, Instant.now()).toSeconds());
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
