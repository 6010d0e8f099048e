package dev.capiconsole.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capiconsole.cli.CliRunner;
import dev.capiconsole.connection.ClusterProbe;
import dev.capiconsole.connection.ManagementCluster;
import dev.capiconsole.lab.LabClusters;
import dev.capiconsole.lab.LabFixture;
import dev.capiconsole.testing.Await;
import dev.capiconsole.topology.ClusterSummary;
import dev.capiconsole.ui.clusters.ClustersViewModel;
import dev.capiconsole.ui.common.TestUiThread;
import dev.capiconsole.ui.workloads.WorkloadTabViewModel;
import dev.capiconsole.ui.workloads.WorkloadsViewModel;
import dev.capiconsole.workload.PodRow;
import dev.capiconsole.workload.WorkloadKubeconfig;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Processes that die under the console, on one lab with one ready in-memory cluster: a Cluster API manager killed
 * mid-reconcile, the in-memory backend (which serves the workload API servers) killed under an open workload tab, and
 * the console's own CLI killed with SIGKILL mid-apply and mid-upgrade, then run again. The console's live model (the
 * view-models the window uses) must keep showing, say what is wrong, and equal a fresh list once the fault is over;
 * an interrupted command run again must complete with nothing doubled or lost. Each case prints its time.
 */
@Tag("fault")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ProcessFaultsIT {

    private static final String CLUSTER = "faults";
    private static final String NS = "default";
    private static final String CORE = "cluster.x-k8s.io/v1beta2";
    private static final Duration WAIT = Duration.ofMinutes(4);

    @TempDir
    static Path data;

    private static LabFixture lab;
    private static KubernetesClient client;
    private static TestUiThread ui;
    private static SimpleObjectProperty<ManagementCluster> connected;
    private static ClustersViewModel model;
    private static WorkloadsViewModel workloads;
    private static ManagementCluster management;
    private static ConsoleModelCheck check;

    @BeforeAll
    static void labAndConsole() throws Exception {
        lab = LabFixture.withReadyCluster(data, CLUSTER, 1, 1);
        client = lab.client();
        ui = new TestUiThread();
        connected = new SimpleObjectProperty<>();
        model = ui.read(() -> new ClustersViewModel(connected, ui));
        workloads = ui.read(() -> new WorkloadsViewModel(ui, connected, model.clusters()));
        management = ClusterProbe.probe(lab.kubeconfig());
        ui.read(() -> {
            connected.set(management);
            return null;
        });
        ui.await("the overview lists " + CLUSTER, WAIT, () -> model.clusters().stream()
                .anyMatch(c -> c.name().equals(CLUSTER)));
        ui.read(() -> {
            model.selectedProperty().set(model.clusters().stream().filter(c -> c.name().equals(CLUSTER)).findFirst()
                    .orElseThrow());
            return null;
        });
        check = new ConsoleModelCheck(ui, model, client);
        awaitConsoleEqualsFresh(WAIT);
    }

    @AfterAll
    static void stop() {
        if (workloads != null) {
            workloads.shutdown();
        }
        if (model != null) {
            model.shutdown();
        }
        if (management != null) {
            management.close();
        }
        if (ui != null) {
            ui.shutdown();
        }
        if (lab != null) {
            lab.close();
        }
    }

    @Test
    @Order(1)
    void aManagerKilledMidReconcileRestartsAndTheConsoleKeepsShowingThenAgreesWithAFreshList() throws Exception {
        assertThat(lab.lab().processNames()).contains("capi-controller-manager");
        CliRunner.Result scaled = lab.cli("scale", CLUSTER, "-n", NS, "--machine-deployment", "md-0", "--replicas",
                "2", "--yes");
        assertThat(scaled.exitCode()).as(scaled.err()).isZero();
        Await.until(Duration.ofSeconds(60), "the topology controller set the MachineDeployment to 2 replicas",
                () -> machineDeployment().map(md -> Long.valueOf(2).equals(number(md, "spec", "replicas")))
                        .orElse(false));
        lab.lab().kill("capi-controller-manager");
        int workersAtKill = workerMachines().size();

        Instant down = Instant.now();
        while (FaultTimes.since(down).toSeconds() < 5) {
            assertThat(ui.read(() -> model.clusters().stream().map(ClusterSummary::name).toList()))
                    .as("the overview while the manager is down").contains(CLUSTER);
            ClustersViewModel.TreeUpdate tree = ui.read(model.treeProperty()::get);
            assertThat(tree).as("the tree while the manager is down").isNotNull();
            assertThat(ConsoleModelCheck.rows(tree.root(), tree.builtAt())).contains("Cluster " + NS + "/" + CLUSTER)
                    .contains("MachineDeployment");
            assertThat(ui.read(model.stateProperty()::get)).startsWith("Watching ");
            Thread.sleep(500);
        }
        // The API server is up: what the console shows is still what it says, manager or not.
        awaitConsoleEqualsFresh(Duration.ofSeconds(20));

        Instant restart = Instant.now();
        lab.lab().startAgain("capi-controller-manager");
        Duration ready = FaultTimes.since(restart);
        Await.until(WAIT, "2 ready worker machines after the restart", () -> machineDeployment()
                .map(md -> Long.valueOf(2).equals(number(md, "status", "readyReplicas"))).orElse(false)
                && workerMachines().size() == 2);
        awaitConsoleEqualsFresh(Duration.ofSeconds(60));
        Duration recovered = FaultTimes.since(restart);
        assertThat(ui.read(model.stateProperty()::get)).startsWith("Watching ");
        System.out.printf("manager killed with %d worker machine(s) made of 2; manager ready again after %.1f s%n",
                workersAtKill, ready.toMillis() / 1000.0);
        FaultTimes.record("manager-killed", "recovered (restart to 2 ready workers and console equal)", recovered);
    }

    @Test
    @Order(2)
    void theWorkloadApiServerGoneUnderTheTabIsSaidAndTheTabListsTheFreshPodsWhenItIsBack() throws Exception {
        ui.read(() -> {
            workloads.open(NS, CLUSTER);
            return null;
        });
        WorkloadTabViewModel tab = ui.read(() -> workloads.tabs().get(0));
        ui.await("the tab live with the workload cluster's pods", WAIT, () -> tab.stateProperty().get()
                .startsWith("Live from") && !tab.pods().isEmpty());
        Await.until(Duration.ofSeconds(30), "the tab's pods equal a fresh list", () -> shownPods(tab)
                .equals(freshPods()));

        // The in-memory backend (the docker provider's manager) serves every workload API server of the lab.
        Instant killed = Instant.now();
        lab.lab().kill("capd-controller-manager");
        ui.await("the tab says it lost the workload cluster", Duration.ofSeconds(40),
                () -> tab.staleProperty().get());
        Duration noticed = FaultTimes.since(killed);
        String state = ui.read(tab.stateProperty()::get);
        System.out.println("workload tab while its API server is gone: " + state);
        assertThat(state).startsWith("Lost the API server of workload cluster " + NS + "/" + CLUSTER)
                .contains("not live").doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(ui.read(tab.connectedProperty()::get)).isTrue();
        Thread.sleep(3_000);
        assertThat(ui.read(tab.staleProperty()::get)).as("still marked while the server is gone").isTrue();

        Instant restart = Instant.now();
        lab.lab().startAgain("capd-controller-manager");
        ui.await("the tab live again", WAIT, () -> !tab.staleProperty().get()
                && tab.stateProperty().get().startsWith("Live from"));
        Await.until(WAIT, "the tab's pods equal a fresh list through the kubeconfig Secret",
                () -> shownPods(tab).equals(freshPods()));
        Duration recovered = FaultTimes.since(restart);
        assertThat(shownPods(tab)).isNotEmpty();
        FaultTimes.record("workload-apiserver-gone", "noticed by the tab", noticed);
        FaultTimes.record("workload-apiserver-gone", "recovered (restart to fresh pods listed)", recovered);
        ui.read(() -> {
            workloads.close(tab);
            return null;
        });
        Await.until(WAIT, "the cluster Available again", () -> LabClusters.conditionTrue(
                lab.clusters().cluster(CLUSTER, NS), "Available"));
        awaitConsoleEqualsFresh(Duration.ofSeconds(60));
    }

    @Test
    @Order(3)
    void theConsoleKilledMidApplyOfAGeneratedClusterThenTheSameCommandCompletesWithNothingDoubled()
            throws Exception {
        String name = "applied";
        String namespace = "fault-apply";
        String[] generate = {"generate", "cluster", name, "--infrastructure", "docker", "--flavor", "in-memory",
                "--built-in", "--target-namespace", namespace, "--kubernetes-version", "v1.33.0",
                "--control-plane-machine-count", "1", "--worker-machine-count", "1"};
        CliRunner.Result yaml = lab.cli(generate);
        assertThat(yaml.exitCode()).as(yaml.err()).isZero();
        List<String> expected = objectsOf(yaml.out(), namespace);
        assertThat(expected).contains("Cluster " + namespace + "/" + name).hasSizeGreaterThan(3);

        String[] apply = concat(generate, "--apply", "--create-namespace", "--kubeconfig",
                lab.kubeconfig().toString());
        List<String> atKill;
        try (ConsoleProcess first = ConsoleProcess.start(data.resolve("cli"), apply)) {
            // The namespace comes first; kill once the first object in it is written.
            String line = first.awaitLine(l -> l.endsWith(": created") && !l.startsWith("Namespace "),
                    Duration.ofSeconds(90));
            boolean killed = first.killHard();
            atKill = existing(expected);
            System.out.println("killed after \"" + line + "\" (" + (killed ? "running" : "already ended")
                    + "); objects there: " + atKill.size() + " of " + expected.size());
            assertThat(killed).as("the console was still applying when killed").isTrue();
        }
        assertThat(atKill).as("a part was applied before the kill").isNotEmpty()
                .hasSizeLessThan(expected.size());

        Instant rerun = Instant.now();
        String again;
        try (ConsoleProcess second = ConsoleProcess.start(data.resolve("cli"), apply)) {
            int exit = second.await(Duration.ofMinutes(2));
            again = second.output();
            assertThat(exit).as(again + second.errors()).isZero();
        }
        Duration rerunTime = FaultTimes.since(rerun);
        System.out.println("apply run again:\n" + again);
        for (String object : atKill) {
            assertThat(again).as("applied before the kill, not made again").contains(object + ": ")
                    .doesNotContain(object + ": created");
        }
        assertThat(existing(expected)).containsExactlyInAnyOrderElementsOf(expected);
        for (String kind : new TreeSet<>(expected.stream().map(o -> o.substring(0, o.indexOf(' ')))
                .filter(k -> !k.equals("Namespace")).toList())) {
            assertThat(inNamespace(kind, namespace)).as(kind + " objects in " + namespace + ", each once")
                    .containsExactlyInAnyOrderElementsOf(expected.stream().filter(o -> o.startsWith(kind + " "))
                            .toList());
        }
        lab.clusters().awaitReady(name, namespace, 1, WAIT);
        Duration ready = FaultTimes.since(rerun);
        FaultTimes.record("killed-mid-apply", "rerun completed", rerunTime);
        FaultTimes.record("killed-mid-apply", "rerun to cluster ready", ready);
    }

    @Test
    @Order(4)
    void theConsoleKilledMidUpgradeOfATopologyClusterThenTheSameCommandReachesTheTarget() throws Exception {
        String target = "v1.37.0";
        assertThat(topologyVersion()).isEqualTo("v1.36.0");
        String[] upgrade = {"upgrade", "cluster", CLUSTER, "-n", NS, "--kubernetes-version", target, "--yes",
                "--kubeconfig", lab.kubeconfig().toString()};
        boolean killedRunning;
        try (ConsoleProcess first = ConsoleProcess.start(data.resolve("cli"), upgrade)) {
            Await.until(Duration.ofSeconds(90), "the CLI patched spec.topology.version", () -> {
                if (topologyVersion().equals(target)) {
                    return true;
                }
                assertThat(first.alive() || topologyVersion().equals(target)).as("the CLI ended before patching: "
                        + first.output() + first.errors()).isTrue();
                return false;
            });
            killedRunning = first.killHard();
        }
        System.out.println("upgrade CLI killed right after its patch (" + (killedRunning ? "still running"
                : "had just ended") + ")");

        Instant rerun = Instant.now();
        try (ConsoleProcess second = ConsoleProcess.start(data.resolve("cli"), upgrade)) {
            int exit = second.await(Duration.ofMinutes(1));
            assertThat(exit).as(second.output() + second.errors()).isZero();
            assertThat(second.output()).contains("Nothing to change: already at " + target);
        }
        Duration rerunTime = FaultTimes.since(rerun);
        Await.until(Duration.ofMinutes(8), "every machine at " + target + " and running, the control plane too",
                () -> {
                    List<GenericKubernetesResource> machines = machines();
                    return machines.size() == 3 && machines.stream().allMatch(m ->
                            target.equals(((Map<?, ?>) m.get("spec")).get("version"))
                                    && "Running".equals(LabClusters.status(m).get("phase")));
                });
        awaitConsoleEqualsFresh(Duration.ofSeconds(60));
        Duration reached = FaultTimes.since(rerun);
        FaultTimes.record("killed-mid-upgrade", "rerun completed", rerunTime);
        FaultTimes.record("killed-mid-upgrade", "rerun to every machine at " + target, reached);
    }

    // ---- helpers

    private static void awaitConsoleEqualsFresh(Duration timeout) {
        String[] last = {""};
        try {
            Await.until(timeout, "the console's overview and tree equal a fresh list", () -> {
                last[0] = check.differences(NS, CLUSTER);
                return last[0].isEmpty();
            });
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "\n" + last[0], e);
        }
    }

    private static List<String> shownPods(WorkloadTabViewModel tab) {
        return ui.read(() -> List.copyOf(tab.pods())).stream().map(ProcessFaultsIT::podLine).toList();
    }

    private static List<String> freshPods() {
        try (KubernetesClient workload = WorkloadKubeconfig.read(client, NS, CLUSTER).client()) {
            Instant now = Instant.now();
            return workload.pods().inAnyNamespace().list().getItems().stream().map(p -> PodRow.of(p, now))
                    .sorted(Comparator.comparing(PodRow::namespace).thenComparing(PodRow::name))
                    .map(ProcessFaultsIT::podLine).toList();
        }
    }

    private static String podLine(PodRow pod) {
        return String.join(" ", pod.namespace(), pod.name(), pod.ready(), pod.status(), pod.node(), pod.ip());
    }

    private static String topologyVersion() {
        Object version = ((Map<?, ?>) ((Map<?, ?>) lab.clusters().cluster(CLUSTER, NS).get("spec")).get("topology"))
                .get("version");
        return String.valueOf(version);
    }

    private static java.util.Optional<GenericKubernetesResource> machineDeployment() {
        return client.genericKubernetesResources(CORE, "MachineDeployment").inNamespace(NS)
                .withLabel("cluster.x-k8s.io/cluster-name", CLUSTER).list().getItems().stream().findFirst();
    }

    private static List<GenericKubernetesResource> machines() {
        return client.genericKubernetesResources(CORE, "Machine").inNamespace(NS)
                .withLabel("cluster.x-k8s.io/cluster-name", CLUSTER).list().getItems();
    }

    private static List<GenericKubernetesResource> workerMachines() {
        return machines().stream().filter(m -> m.getMetadata().getLabels() == null
                || !m.getMetadata().getLabels().containsKey("cluster.x-k8s.io/control-plane")).toList();
    }

    private static Long number(GenericKubernetesResource object, String part, String field) {
        Object section = part.equals("status") ? LabClusters.status(object) : object.get(part);
        Object value = section instanceof Map<?, ?> map ? map.get(field) : null;
        return value instanceof Number n ? n.longValue() : null;
    }

    /** "Kind namespace/name" (or "Namespace name") of every object in a generated YAML, as the apply labels them. */
    private static List<String> objectsOf(String yaml, String defaultNamespace) {
        List<String> objects = new ArrayList<>();
        for (Object document : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(yaml)) {
            if (document instanceof Map<?, ?> object && object.get("metadata") instanceof Map<?, ?> metadata) {
                String kind = String.valueOf(object.get("kind"));
                Object namespace = metadata.get("namespace");
                objects.add(kind + " " + (namespace == null ? defaultNamespace : namespace) + "/"
                        + metadata.get("name"));
            }
        }
        return objects;
    }

    private static List<String> existing(List<String> objects) {
        return objects.stream().filter(ProcessFaultsIT::exists).toList();
    }

    private static boolean exists(String object) {
        String kind = object.substring(0, object.indexOf(' '));
        String where = object.substring(object.indexOf(' ') + 1);
        if (kind.equals("Namespace")) {
            return client.namespaces().withName(where).get() != null;
        }
        String namespace = where.substring(0, where.indexOf('/'));
        String name = where.substring(where.indexOf('/') + 1);
        return client.genericKubernetesResources(apiVersion(kind), kind).inNamespace(namespace).withName(name)
                .get() != null;
    }

    private static List<String> inNamespace(String kind, String namespace) {
        // Copies the topology controller makes for the Cluster (labelled with it) are not the apply's objects.
        return client.genericKubernetesResources(apiVersion(kind), kind).inNamespace(namespace).list().getItems()
                .stream().filter(o -> kind.equals("Cluster") || o.getMetadata().getLabels() == null
                        || !o.getMetadata().getLabels().containsKey("cluster.x-k8s.io/cluster-name"))
                .map(o -> kind + " " + namespace + "/" + o.getMetadata().getName()).toList();
    }

    private static final Map<String, String> API_VERSIONS = new java.util.concurrent.ConcurrentHashMap<>();

    /** The served version of a kind of the generated YAML, from discovery of its CRD. */
    private static String apiVersion(String kind) {
        return API_VERSIONS.computeIfAbsent(kind, k -> client.apiextensions().v1().customResourceDefinitions().list()
                .getItems().stream().filter(crd -> crd.getSpec().getNames().getKind().equals(k)).findFirst()
                .map(crd -> crd.getSpec().getGroup() + "/" + crd.getSpec().getVersions().stream()
                        .filter(v -> Boolean.TRUE.equals(v.getStorage())).findFirst().orElseThrow().getName())
                .orElseThrow(() -> new AssertionError("no CRD of kind " + k)));
    }

    private static String[] concat(String[] first, String... more) {
        String[] all = java.util.Arrays.copyOf(first, first.length + more.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }
}
