package dev.capiconsole.upgradeplan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capiconsole.cli.CliRunner;
import dev.capiconsole.clusterclass.TestClass;
import dev.capiconsole.lab.LabClusters;
import dev.capiconsole.lab.LabFixture;
import dev.capiconsole.operations.Change;
import dev.capiconsole.operations.ChangeApplier;
import dev.capiconsole.templates.ClusterApplier;
import dev.capiconsole.testing.Await;
import dev.capiconsole.topology.CapiObject;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A chained upgrade on the lab: a Cluster of the test class (kubernetesVersions v1.34.0, v1.35.0, v1.36.0) at
 * v1.34.0 with two MachineDeployments, the second deferred, upgraded to v1.36.0. The planner's steps are compared
 * with the plan the Cluster's status reports and with the order in which Machines change version; the deferred
 * worker waits until its annotation is cleared.
 */
class ChainedUpgradeIT {

    private static final String NS = "chained";
    private static final String CLUSTER = "up";
    private static final String CORE = "cluster.x-k8s.io/v1beta2";
    private static final String FROM = "v1.34.0";
    private static final String TARGET = "v1.36.0";

    @TempDir
    static Path data;

    private static LabFixture lab;
    private static KubernetesClient client;

    @BeforeAll
    static void startLabWithTheClass() {
        lab = LabFixture.full(data);
        client = lab.client();
        client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(NS).endMetadata().build())
                .create();
        List<ClusterApplier.ObjectResult> results = new ClusterApplier(client).apply(TestClass.objects(NS), false,
                r -> { });
        assertThat(results).allSatisfy(r -> assertThat(r.outcome().ok()).as(r.label() + " " + r.message()).isTrue());
        Await.until(Duration.ofMinutes(1), "ClusterClass VariablesReady", () -> LabClusters.conditionTrue(
                client.genericKubernetesResources(CORE, "ClusterClass").inNamespace(NS).withName(TestClass.NAME).get(),
                "VariablesReady"));
    }

    @AfterAll
    static void stopLab() {
        if (lab != null) {
            lab.close();
        }
    }

    @Test
    void thePlannersStepsAreWhatTheClusterReportsAndTheOrderMachinesAreUpgradedIn() throws Exception {
        CliRunner.Result applied = lab.cli("generate", "cluster", CLUSTER, "--class", TestClass.NAME, "-n", NS,
                "--kubernetes-version", FROM, "--control-plane-machine-count", "1", "--set", "environment=dev",
                "--worker", "default-worker:md-0:1", "--worker", "default-worker:md-1:1", "--apply");
        assertThat(applied.exitCode()).as(applied.out() + applied.err()).isZero();
        Instant created = Instant.now();
        Await.until(Duration.ofMinutes(6), "Cluster " + CLUSTER + " Available with 3 running machines", () ->
                LabClusters.conditionTrue(lab.clusters().cluster(CLUSTER, NS), "Available")
                        && machines().stream().filter(m -> "Running".equals(m.text("status", "phase"))).count() == 3);
        System.out.printf("cluster Available after %d s%n", Duration.between(created, Instant.now()).toSeconds());

        make(state -> UpgradeChanges.deferUpgrade(state, PlanStep.Target.MACHINE_DEPLOYMENT, "md-1", true));
        UpgradePlan plan = state().plan(TARGET);
        assertThat(plan.controlPlaneVersions()).containsExactly("v1.35.0", TARGET);
        assertThat(plan.workerVersions()).containsExactly(TARGET);
        assertThat(plan.steps()).containsExactly(PlanStep.controlPlane("v1.35.0"), PlanStep.controlPlane(TARGET),
                new PlanStep(PlanStep.Target.MACHINE_DEPLOYMENT, "md-0", TARGET, PlanStep.Hold.NONE),
                new PlanStep(PlanStep.Target.MACHINE_DEPLOYMENT, "md-1", TARGET, PlanStep.Hold.DEFERRED));
        CliRunner.Result preview = lab.cli("get", "upgrade-plan", CLUSTER, "-n", NS, "--kubernetes-version", TARGET);
        assertThat(preview.exitCode()).as(preview.err()).isZero();
        System.out.println(preview.out());

        Map<String, String> topologyNames = topologyNames();
        List<String> machineOrder = Collections.synchronizedList(new ArrayList<>());
        List<List<String>> reported = Collections.synchronizedList(new ArrayList<>());
        Instant started = Instant.now();
        try (Watch machinesWatch = watch("Machine", m -> observeMachine(m, topologyNames, machineOrder, started));
             Watch clusterWatch = watch("Cluster", c -> observePlan(c, reported))) {
            make(state -> UpgradeChanges.start(state, TARGET));

            Await.until(Duration.ofMinutes(10), "control plane at v1.35.0", () ->
                    versions(true, "").stream().allMatch(v -> v.equals("v1.35.0") || v.equals(TARGET)));
            UpgradeProgress midway = UpgradeProgress.of(state());
            assertThat(midway.plan().steps()).as("the plan rebuilt from a running upgrade").isEqualTo(plan.steps());
            assertThat(midway.steps().get(0).state()).isEqualTo(StepProgress.State.DONE);

            Await.until(Duration.ofMinutes(10), "control plane and md-0 at " + TARGET, () ->
                    versions(true, "").stream().allMatch(TARGET::equals)
                            && versions(false, "md-0").stream().allMatch(TARGET::equals));
            Thread.sleep(20_000);
            UpgradeProgress deferred = UpgradeProgress.of(state());
            StepProgress md1 = deferred.steps().get(3);
            assertThat(versions(false, "md-1")).containsOnly(FROM);
            assertThat(md1.state()).isEqualTo(StepProgress.State.WAITING);
            assertThat(md1.blockers()).extracting(Blocker::kind).contains(Blocker.Kind.DEFERRED);
            assertThat(deferred.running()).isTrue();
            assertThat(reason("TopologyReconciled")).isEqualTo("MachineDeploymentsUpgradeDeferred");
            CliRunner.Result followed = lab.cli("get", "upgrade-plan", CLUSTER, "-n", NS);
            System.out.println(followed.out());
            assertThat(followed.out()).contains("deferred by topology.cluster.x-k8s.io/defer-upgrade on md-1");

            make(state -> UpgradeChanges.deferUpgrade(state, PlanStep.Target.MACHINE_DEPLOYMENT, "md-1", false));
            Await.until(Duration.ofMinutes(10), "md-1 at " + TARGET, () ->
                    versions(false, "md-1").stream().allMatch(TARGET::equals));
            Await.until(Duration.ofMinutes(5), "upgrade done and Cluster Available", () ->
                    !UpgradeProgress.of(state()).running()
                            && LabClusters.conditionTrue(lab.clusters().cluster(CLUSTER, NS), "Available"));
        }
        System.out.printf("upgrade %s -> %s took %d s; machines changed version in this order: %s%n", FROM, TARGET,
                Duration.between(started, Instant.now()).toSeconds(), machineOrder);
        System.out.println("status.upgradePlan as reported (control plane | workers): " + reported);

        List<String> planned = plan.steps().stream().map(s -> s.what() + " " + s.version()).toList();
        assertThat(machineOrder.stream().map(o -> o.substring(0, o.lastIndexOf(" after"))).toList())
                .as("the order Machines took the versions in").isEqualTo(planned);
        assertThat(reported).as("status.upgradePlan reported").isNotEmpty();
        assertThat(reported.get(0)).isEqualTo(List.of(String.join(",", plan.controlPlaneVersions()),
                String.join(",", plan.workerVersions())));
    }

    /** Applies a change as the window does after its review: planned again when only status moved meanwhile. */
    private static void make(Function<UpgradeState, Change> planner) {
        ChangeApplier.applyReviewed(client, planner.apply(state()), () -> planner.apply(state()));
    }

    private static UpgradeState state() {
        return UpgradeState.read(client, NS, CLUSTER);
    }

    private static List<CapiObject> machines() {
        return client.genericKubernetesResources(CORE, "Machine").inNamespace(NS)
                .withLabel("cluster.x-k8s.io/cluster-name", CLUSTER).list().getItems().stream()
                .map(ChainedUpgradeIT::object).toList();
    }

    /** The versions of the control plane's Machines, or of one MachineDeployment's (by topology name). */
    private static List<String> versions(boolean controlPlane, String worker) {
        Map<String, String> names = topologyNames();
        return machines().stream().filter(m -> controlPlane
                        ? m.labels().containsKey(UpgradeState.CONTROL_PLANE_LABEL)
                        : worker.equals(names.get(String.valueOf(m.labels().get(
                                UpgradeProgress.MACHINE_DEPLOYMENT_LABEL)))))
                .map(m -> m.text("spec", "version")).toList();
    }

    /** MachineDeployment name to its name in the topology. */
    private static Map<String, String> topologyNames() {
        Map<String, String> names = new LinkedHashMap<>();
        client.genericKubernetesResources(CORE, "MachineDeployment").inNamespace(NS).list().getItems().stream()
                .map(ChainedUpgradeIT::object).forEach(md -> names.put(md.name(),
                        String.valueOf(md.labels().get(UpgradeState.DEPLOYMENT_TOPOLOGY_NAME))));
        return names;
    }

    /** The first Machine seen at each new version of its group: "control plane v1.35.0 after 12 s". */
    private static void observeMachine(CapiObject machine, Map<String, String> topologyNames, List<String> order,
                                       Instant started) {
        String version = machine.text("spec", "version");
        if (version.equals(FROM) || version.isEmpty()) {
            return;
        }
        String what = machine.labels().containsKey(UpgradeState.CONTROL_PLANE_LABEL) ? "control plane"
                : "MachineDeployment " + topologyNames.get(String.valueOf(machine.labels().get(
                        UpgradeProgress.MACHINE_DEPLOYMENT_LABEL)));
        String step = what + " " + version;
        synchronized (order) {
            if (order.stream().noneMatch(o -> o.startsWith(step + " after"))) {
                order.add(step + " after " + Duration.between(started, Instant.now()).toSeconds() + " s");
            }
        }
    }

    /** Each change of the Cluster's reported plan: "control plane versions | worker versions". */
    private static void observePlan(CapiObject cluster, List<List<String>> reported) {
        if (!cluster.name().equals(CLUSTER)) {
            return;
        }
        UpgradeState state = new UpgradeState(cluster, null, List.of(), List.of(), List.of(), List.of());
        UpgradeProgress progress = UpgradeProgress.of(state, new UpgradePlan(TARGET, "", "", List.of(), List.of(),
                List.of()));
        List<String> entry = List.of(String.join(",", progress.reportedControlPlanePlan()),
                String.join(",", progress.reportedWorkersPlan()));
        synchronized (reported) {
            boolean empty = progress.reportedControlPlanePlan().isEmpty() && progress.reportedWorkersPlan().isEmpty();
            if (!empty && (reported.isEmpty() || !reported.get(reported.size() - 1).equals(entry))) {
                reported.add(entry);
            }
        }
    }

    private static Watch watch(String kind, Consumer<CapiObject> seen) {
        return client.genericKubernetesResources(CORE, kind).inNamespace(NS).watch(new Watcher<>() {
            @Override
            public void eventReceived(Action action, GenericKubernetesResource resource) {
                if (action == Action.ADDED || action == Action.MODIFIED) {
                    seen.accept(object(resource));
                }
            }

            @Override
            public void onClose(WatcherException cause) {
                // the test ends the watch
            }
        });
    }

    private static String reason(String type) {
        return object(lab.clusters().cluster(CLUSTER, NS)).condition(type).reason();
    }

    @SuppressWarnings("unchecked")
    private static CapiObject object(GenericKubernetesResource resource) {
        return CapiObject.unstructured(Serialization.jsonMapper().convertValue(resource, Map.class));
    }
}
