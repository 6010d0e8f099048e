package dev.capiconsole.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.capiconsole.cli.CliRunner;
import dev.capiconsole.lab.LabClusters;
import dev.capiconsole.lab.LabFixture;
import dev.capiconsole.testing.Await;
import dev.capiconsole.topology.CapiObject;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Day-2 operations on a real in-memory cluster of the lab, through the CLI as an operator runs them: scale a
 * MachineDeployment 1 -> 3 -> 2 and see the Machines (and the describe tree) follow, a change planned from a stale
 * read refused as a conflict, pause and resume, a rollout restart, an upgrade that completes, refusals in
 * clusterctl's and Cluster API's words, and a deletion followed until the Cluster is gone.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OperationsIT {

    private static final String CLUSTER = "ops";
    private static final String CORE = "cluster.x-k8s.io/v1beta2";

    @TempDir
    static Path data;

    private static LabFixture fixture;
    private static KubernetesClient client;

    @BeforeAll
    static void labWithACluster() throws Exception {
        fixture = LabFixture.withReadyCluster(data, CLUSTER, 1, 1);
        client = fixture.client();
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

    private static List<GenericKubernetesResource> workerMachines() {
        return client.genericKubernetesResources(CORE, "Machine").inNamespace("default")
                .withLabel("cluster.x-k8s.io/cluster-name", CLUSTER).list().getItems().stream()
                .filter(m -> !m.getMetadata().getLabels().containsKey("cluster.x-k8s.io/control-plane")).toList();
    }

    private static GenericKubernetesResource cluster() {
        return client.genericKubernetesResources(CORE, "Cluster").inNamespace("default").withName(CLUSTER).get();
    }

    private static void await(String what, Duration timeout, BooleanSupplier condition) {
        Instant start = Instant.now();
        Await.until(timeout, what, condition);
        System.out.printf("[measure] %s: %d s%n", what, Duration.between(start, Instant.now()).toSeconds());
    }

    @Test
    @Order(10)
    void aDryRunPrintsTheChangeAndChangesNothing() {
        // generation moves with the spec only (controllers keep updating the status, and with it resourceVersion)
        Long before = cluster().getMetadata().getGeneration();
        CliRunner.Result dry = cli("scale", CLUSTER, "-n", "default", "--machine-deployment", "md-0", "--replicas",
                "3", "--dry-run");
        assertThat(dry.exitCode()).as(dry.err()).isZero();
        assertThat(dry.out()).contains("Scale MachineDeployment md-0 of Cluster default/ops to 3 (through the "
                + "Cluster's topology)").contains("spec.topology.workers.machineDeployments[name=md-0].replicas: 1 -> 3")
                .contains("Dry run: nothing was changed.");
        assertThat(cluster().getMetadata().getGeneration()).isEqualTo(before);
    }

    @Test
    @Order(20)
    void scaleAMachineDeploymentUpThenDownAndTheMachinesFollow() {
        CliRunner.Result up = cli("scale", CLUSTER, "-n", "default", "--machine-deployment", "md-0", "--replicas",
                "3", "--yes");
        assertThat(up.exitCode()).as(up.err()).isZero();
        assertThat(up.out()).contains("Done: Scale MachineDeployment md-0");
        await("scale 1 -> 3: three running worker machines", Duration.ofMinutes(3), () -> workerMachines().stream()
                .filter(m -> "Running".equals(LabClusters.status(m).get("phase"))).count() == 3);

        // The MachineDeployment can also be named by its own generated name.
        String mdName = ClusterObjects.read(client, "default", CLUSTER).machineDeployment("md-0").name();
        CliRunner.Result down = cli("scale", CLUSTER, "-n", "default", "--machine-deployment", mdName, "--replicas",
                "2", "--yes");
        assertThat(down.exitCode()).as(down.err()).isZero();
        await("scale 3 -> 2: two worker machines", Duration.ofMinutes(3), () -> workerMachines().size() == 2);
        await("scale 3 -> 2: the describe tree shows 2/2", Duration.ofMinutes(1), () -> {
            String tree = cli("describe", "cluster", CLUSTER, "-n", "default").out();
            return tree.matches("(?s).*MachineDeployment default/" + mdName + "[^\\n]*?\\s2/2\\s.*")
                    && tree.contains("2 Machines...");
        });
    }

    @Test
    @Order(30)
    void aChangePlannedFromAStaleReadIsRefusedAsAConflict() {
        ClusterObjects read = ClusterObjects.read(client, "default", CLUSTER);
        Change planned = ChangePlanner.scaleMachineDeployment(read.cluster(), read.machineDeployment("md-0"), 4);
        client.genericKubernetesResources(CORE, "Cluster").inNamespace("default").withName(CLUSTER)
                .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"metadata\":{\"labels\":{\"touched\":\"yes\"}}}");
        assertThatThrownBy(() -> ChangeApplier.apply(client, planned)).isInstanceOfSatisfying(ChangeFailed.class,
                failed -> {
                    assertThat(failed.conflict()).as(failed.code() + " " + failed.getMessage()).isTrue();
                    assertThat(failed.getMessage()).contains("changed after it was read");
                });
        assertThat(workerMachines()).hasSize(2);

        ClusterObjects again = ClusterObjects.read(client, "default", CLUSTER);
        Change kcp = ChangePlanner.scaleControlPlane(again.cluster(), again.controlPlane(), 3);
        client.genericKubernetesResources(CORE, "Cluster").inNamespace("default").withName(CLUSTER)
                .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"metadata\":{\"labels\":{\"touched\":\"again\"}}}");
        assertThatThrownBy(() -> ChangeApplier.apply(client, kcp)).isInstanceOfSatisfying(ChangeFailed.class,
                failed -> assertThat(failed.conflict()).as(failed.getMessage()).isTrue());

        // A reviewed change whose fields still read as reviewed (only a label moved) is applied against a fresh read.
        ClusterObjects third = ClusterObjects.read(client, "default", CLUSTER);
        Change toThree = ChangePlanner.scaleMachineDeployment(third.cluster(), third.machineDeployment("md-0"), 3);
        client.genericKubernetesResources(CORE, "Cluster").inNamespace("default").withName(CLUSTER)
                .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"metadata\":{\"labels\":{\"touched\":\"third\"}}}");
        ChangeApplier.applyReviewed(client, toThree, () -> {
            ClusterObjects fresh = ClusterObjects.read(client, "default", CLUSTER);
            return ChangePlanner.scaleMachineDeployment(fresh.cluster(), fresh.machineDeployment("md-0"), 3);
        });
        assertThat(ClusterObjects.read(client, "default", CLUSTER).cluster().get("spec", "topology", "workers",
                "machineDeployments") instanceof List<?> items && ((Map<?, ?>) items.get(0)).get("replicas")
                .equals(3)).isTrue();

        // One whose field moved meanwhile (someone else scaled to 2) is not applied: the fresh plan is refused.
        ClusterObjects stale = ClusterObjects.read(client, "default", CLUSTER);
        Change toTwo = ChangePlanner.scaleMachineDeployment(stale.cluster(), stale.machineDeployment("md-0"), 2);
        client.genericKubernetesResources(CORE, "Cluster").inNamespace("default").withName(CLUSTER)
                .patch(PatchContext.of(PatchType.JSON), "[{\"op\":\"replace\",\"path\":"
                        + "\"/spec/topology/workers/machineDeployments/0/replicas\",\"value\":2}]");
        assertThatThrownBy(() -> ChangeApplier.applyReviewed(client, toTwo, () -> {
            ClusterObjects fresh = ClusterObjects.read(client, "default", CLUSTER);
            return ChangePlanner.scaleMachineDeployment(fresh.cluster(), fresh.machineDeployment("md-0"), 2);
        })).isInstanceOfSatisfying(ChangeFailed.class, failed -> {
            assertThat(failed.conflict()).isTrue();
            assertThat(failed.getMessage()).contains("already has 2 replicas");
        });
        await("back to two worker machines", Duration.ofMinutes(3), () -> Long.valueOf(2).equals(
                ClusterObjects.read(client, "default", CLUSTER).machineDeployment("md-0").integer("spec", "replicas"))
                && workerMachines().size() == 2
                && workerMachines().stream().allMatch(m -> "Running".equals(LabClusters.status(m).get("phase"))));
    }

    @Test
    @Order(35)
    @SuppressWarnings("unchecked")
    void editsApplyOnlyTheChangedFieldsAndConflictsShowWhatChangedMeanwhile() {
        CapiObject md = ClusterObjects.read(client, "default", CLUSTER).machineDeployment("md-0");
        ObjectEdit edit = ObjectEdit.plan(md, edited(md, "metadata", "annotations", "team", "blue"));
        assertThat(edit.diff()).anyMatch(l -> l.equals("+    team: blue"));
        assertThat(edit.applyConfiguration()).containsOnlyKeys("apiVersion", "kind", "metadata");

        // Someone else changes the object before the edit is applied: refused, and the diff shows their change.
        client.genericKubernetesResources(CORE, "MachineDeployment").inNamespace("default").withName(md.name())
                .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"metadata\":{\"labels\":{\"owner\":\"ops-team\"}}}");
        assertThatThrownBy(() -> ChangeApplier.apply(client, edit, false)).isInstanceOfSatisfying(ChangeFailed.class,
                failed -> assertThat(failed.reason()).as(failed.getMessage()).isEqualTo(ChangeFailed.Reason.CHANGED));
        CapiObject live = ClusterObjects.read(client, "default", CLUSTER).machineDeployment("md-0");
        assertThat(ObjectEdit.diff(ObjectEdit.editableYaml(md), ObjectEdit.editableYaml(live), "md"))
                .anyMatch(l -> l.equals("+    owner: ops-team"));

        // Again from the live object: applied, as field manager capi-console, touching only the annotation.
        ObjectEdit again = ObjectEdit.plan(live, edited(live, "metadata", "annotations", "team", "blue"));
        ChangeApplier.apply(client, again, false);
        CapiObject after = ClusterObjects.read(client, "default", CLUSTER).machineDeployment("md-0");
        assertThat(after.map("metadata", "annotations")).containsEntry("team", "blue");
        assertThat((List<Map<String, Object>>) after.get("metadata", "managedFields"))
                .anyMatch(f -> "capi-console".equals(f.get("manager")));

        // replicas belongs to the topology controller: the apply names the owner and changes nothing.
        ObjectEdit replicas = ObjectEdit.plan(after, edited(after, "spec", null, "replicas", 7));
        assertThatThrownBy(() -> ChangeApplier.apply(client, replicas, false))
                .isInstanceOfSatisfying(ChangeFailed.class, failed -> {
                    assertThat(failed.reason()).as(failed.getMessage()).isEqualTo(ChangeFailed.Reason.FIELDS_OWNED);
                    assertThat(failed.getMessage()).contains("capi-topology");
                });
        assertThat(ClusterObjects.read(client, "default", CLUSTER).machineDeployment("md-0").integer("spec",
                "replicas")).isEqualTo(after.integer("spec", "replicas")).isNotEqualTo(7L);
    }

    @Test
    @Order(36)
    void anEditAppliesWhileAnotherWriterKeepsChangingOtherFields() throws Exception {
        CapiObject md = ClusterObjects.read(client, "default", CLUSTER).machineDeployment("md-0");
        ObjectEdit edit = ObjectEdit.plan(md, edited(md, "metadata", "annotations", "owner-team", "payments"));
        java.util.concurrent.atomic.AtomicInteger ticks = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicBoolean writing = new java.util.concurrent.atomic.AtomicBoolean(true);
        Thread writer = new Thread(() -> {
            while (writing.get()) { // as a busy controller would: a write every few tens of milliseconds
                client.genericKubernetesResources(CORE, "MachineDeployment").inNamespace("default")
                        .withName(md.name()).patch(PatchContext.of(PatchType.JSON_MERGE),
                                "{\"metadata\":{\"labels\":{\"tick\":\"" + ticks.incrementAndGet() + "\"}}}");
                sleepQuietly(30);
            }
        });
        writer.start();
        try {
            await("the writer under way", Duration.ofSeconds(10), () -> ticks.get() >= 3);
            EditApplier.Outcome outcome = EditApplier.apply(client, edit, false, md);
            assertThat(outcome.applied()).as(outcome.message()).isTrue();
        } finally {
            writing.set(false);
            writer.join();
        }
        CapiObject after = ClusterObjects.read(client, "default", CLUSTER).machineDeployment("md-0");
        assertThat(after.map("metadata", "annotations")).containsEntry("owner-team", "payments");
        assertThat(after.map("metadata", "labels")).as("the other writer's last change is kept")
                .containsEntry("tick", String.valueOf(ticks.get()));
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The editable YAML of an object with one value set, as an operator would type it. */
    @SuppressWarnings("unchecked")
    private static String edited(CapiObject object, String section, String map, String key, Object value) {
        org.yaml.snakeyaml.Yaml yaml = new org.yaml.snakeyaml.Yaml();
        Map<String, Object> text = yaml.load(ObjectEdit.editableYaml(object));
        Map<String, Object> target = (Map<String, Object>) text.get(section);
        if (map != null) {
            target = (Map<String, Object>) target.computeIfAbsent(map, k -> new java.util.LinkedHashMap<>());
        }
        target.put(key, value);
        return yaml.dump(text);
    }

    @Test
    @Order(40)
    void pauseAndResume() {
        CliRunner.Result paused = cli("pause", CLUSTER, "-n", "default", "--yes");
        assertThat(paused.exitCode()).as(paused.err()).isZero();
        assertThat(cluster().get("spec") instanceof Map<?, ?> spec && Boolean.TRUE.equals(spec.get("paused")))
                .isTrue();
        await("Paused condition True after pause", Duration.ofSeconds(60), () -> LabClusters.conditionTrue(cluster(),
                "Paused"));
        CliRunner.Result again = cli("pause", CLUSTER, "-n", "default", "--yes");
        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.err()).contains("Cluster default/ops is already paused");

        CliRunner.Result resumed = cli("resume", CLUSTER, "-n", "default", "--yes");
        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        assertThat(((Map<?, ?>) cluster().get("spec")).containsKey("paused")).as("spec.paused removed").isFalse();
        await("Paused condition False after resume", Duration.ofSeconds(60),
                () -> !LabClusters.conditionTrue(cluster(), "Paused"));
    }

    @Test
    @Order(50)
    void rolloutRestartGoesThroughTheTopologyAndRefusalsUseClusterctlsWords() {
        String mdName = ClusterObjects.read(client, "default", CLUSTER).machineDeployment("md-0").name();
        CliRunner.Result restart = cli("rollout", "restart", "machinedeployment/" + mdName, "-n", "default", "--yes");
        assertThat(restart.exitCode()).as(restart.err()).isZero();
        assertThat(restart.out()).contains("through the Cluster's topology");
        await("rollout.after reaches the MachineDeployment", Duration.ofSeconds(60), () -> {
            CapiObject md = ClusterObjects.read(client, "default", CLUSTER).machineDeployment("md-0");
            return !md.text("spec", "rollout", "after").isEmpty();
        });

        CliRunner.Result wrongKind = cli("rollout", "restart", "machineset/x", "-n", "default", "--yes");
        assertThat(wrongKind.exitCode()).isEqualTo(1);
        assertThat(wrongKind.err()).contains("Invalid resource type machineset. Valid values: [machinedeployment "
                + "kubeadmcontrolplane]");
        CliRunner.Result skip = cli("upgrade", "cluster", CLUSTER, "-n", "default", "--kubernetes-version", "v1.38.0", "--yes");
        assertThat(skip.exitCode()).isEqualTo(1);
        assertThat(skip.err()).contains("version cannot be increased from v1.36.0 to v1.38.0");
        String onlyControlPlane = ClusterObjects.read(client, "default", CLUSTER).machines().stream()
                .filter(m -> m.labels().containsKey("cluster.x-k8s.io/control-plane")).findFirst().orElseThrow().name();
        CliRunner.Result last = cli("delete", "machine", onlyControlPlane, "--cluster", CLUSTER, "-n", "default",
                "--yes");
        assertThat(last.exitCode()).isEqualTo(1);
        assertThat(last.err()).contains("is the only control plane machine");
    }

    @Test
    @Order(60)
    void anUpgradeRollsEveryMachineToTheNewVersion() {
        CliRunner.Result upgrade = cli("upgrade", "cluster", CLUSTER, "-n", "default", "--kubernetes-version", "v1.37.0", "--yes");
        assertThat(upgrade.exitCode()).as(upgrade.err()).isZero();
        assertThat(upgrade.out()).contains("spec.topology.version: v1.36.0 -> v1.37.0");
        await("upgrade v1.36.0 -> v1.37.0: every machine at the new version and running", Duration.ofMinutes(6),
                () -> {
                    List<GenericKubernetesResource> machines = client.genericKubernetesResources(CORE, "Machine")
                            .inNamespace("default").withLabel("cluster.x-k8s.io/cluster-name", CLUSTER).list()
                            .getItems();
                    return machines.size() == 3 && machines.stream().allMatch(m ->
                            "v1.37.0".equals(((Map<?, ?>) m.get("spec")).get("version"))
                                    && "Running".equals(LabClusters.status(m).get("phase")));
                });
    }

    @Test
    @Order(70)
    void deleteTheClusterAndFollowItUntilItIsGone() {
        CliRunner.Result wrongName = cli("delete", "cluster", CLUSTER, "-n", "default", "--confirm", "other");
        assertThat(wrongName.exitCode()).isEqualTo(1);
        assertThat(cluster()).isNotNull();
        Instant start = Instant.now();
        CliRunner.Result deleted = cli("delete", "cluster", CLUSTER, "-n", "default", "--confirm", CLUSTER, "--wait",
                "--timeout", "5m");
        assertThat(deleted.exitCode()).as(deleted.err()).isZero();
        assertThat(deleted.out()).contains("Deleting: ").contains("Cluster default/ops is gone");
        assertThat(cluster()).isNull();
        assertThat(workerMachines()).isEmpty();
        System.out.printf("[measure] delete cluster to gone: %d s%n", Duration.between(start, Instant.now())
                .toSeconds());
    }
}
