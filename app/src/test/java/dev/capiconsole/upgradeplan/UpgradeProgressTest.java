package dev.capiconsole.upgradeplan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capiconsole.topology.CapiObject;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** A chained upgrade half way: the control plane at v1.35.0 rolling to v1.36.0, md-0 paused, md-1 deferred. */
class UpgradeProgressTest {

    private static final List<String> CLASS_VERSIONS = List.of("v1.34.0", "v1.35.0", "v1.36.0");

    private static CapiObject object(String yaml) {
        return CapiObject.unstructured(new Yaml().load(yaml));
    }

    private static final CapiObject CLUSTER = object("""
            apiVersion: cluster.x-k8s.io/v1beta2
            kind: Cluster
            metadata: {name: up, namespace: ns}
            spec:
              topology:
                version: v1.36.0
                classRef: {name: capi-console-test}
                workers:
                  machineDeployments:
                  - {class: w, name: md-0}
                  - {class: w, name: md-1, metadata: {annotations: {topology.cluster.x-k8s.io/defer-upgrade: ""}}}
            status:
              controlPlane: {upgradePlan: [{version: v1.36.0}]}
              workers: {upgradePlan: [{version: v1.36.0}]}
              conditions:
              - type: TopologyReconciled
                status: "False"
                reason: ClusterUpgrading
                message: |-
                  Cluster is upgrading to v1.36.0
                    * GenerateUpgradePlan hook ext is blocking: not yet
            """);

    private static final CapiObject CONTROL_PLANE = object("""
            apiVersion: controlplane.cluster.x-k8s.io/v1beta2
            kind: KubeadmControlPlane
            metadata: {name: up-cp, namespace: ns}
            spec: {version: v1.36.0}
            """);

    private static CapiObject deployment(String name, String topologyName, boolean paused) {
        return object("""
                apiVersion: cluster.x-k8s.io/v1beta2
                kind: MachineDeployment
                metadata:
                  name: %s
                  namespace: ns
                  labels: {topology.cluster.x-k8s.io/deployment-name: %s}
                spec: {paused: %s, template: {spec: {version: v1.34.0}}}
                """.formatted(name, topologyName, paused));
    }

    private static CapiObject machine(String name, String version, String labels, String conditions) {
        return object("""
                apiVersion: cluster.x-k8s.io/v1beta2
                kind: Machine
                metadata: {name: %s, namespace: ns, labels: {%s}}
                spec: {version: %s}
                status: {conditions: [%s]}
                """.formatted(name, labels, version, conditions));
    }

    @Test
    void eachStepShowsItsStateMachinesAndBlockers() {
        UpgradeState state = new UpgradeState(CLUSTER, CONTROL_PLANE,
                List.of(deployment("up-md-0-x", "md-0", true), deployment("up-md-1-y", "md-1", false)), List.of(),
                List.of(machine("cp-b", "v1.35.0", "cluster.x-k8s.io/control-plane: ''", ""),
                        machine("cp-c", "v1.36.0", "cluster.x-k8s.io/control-plane: ''", ""),
                        machine("w-0", "v1.34.0", "cluster.x-k8s.io/deployment-name: up-md-0-x",
                                "{type: HealthCheckSucceeded, status: 'False'}"),
                        machine("w-1", "v1.34.0", "cluster.x-k8s.io/deployment-name: up-md-1-y", "")),
                CLASS_VERSIONS);

        UpgradeProgress progress = UpgradeProgress.of(state);

        assertThat(progress.plan().controlPlaneFrom()).as("planned from the oldest machine").isEqualTo("v1.34.0");
        assertThat(progress.started()).isTrue();
        assertThat(progress.running()).isTrue();
        assertThat(progress.steps()).extracting(s -> s.step().what() + " " + s.step().version() + " " + s.state()
                + " " + s.machinesAtVersion() + "/" + s.machines()).containsExactly(
                "control plane v1.35.0 DONE 2/2", "control plane v1.36.0 IN_PROGRESS 1/2",
                "MachineDeployment md-0 v1.36.0 WAITING 0/1", "MachineDeployment md-1 v1.36.0 WAITING 0/1");
        assertThat(progress.steps().get(1).blockers()).extracting(Blocker::describe)
                .containsExactly("lifecycle hook: GenerateUpgradePlan hook ext is blocking: not yet");
        assertThat(progress.steps().get(2).blockers()).extracting(Blocker::describe).containsExactly(
                "MachineDeployment ns/up-md-0-x is paused (spec.paused)",
                "Machine w-0 failed its MachineHealthCheck");
        assertThat(progress.steps().get(3).blockers()).extracting(Blocker::describe)
                .containsExactly("deferred by topology.cluster.x-k8s.io/defer-upgrade on md-1");
        assertThat(progress.reportedControlPlanePlan()).containsExactly("v1.36.0");
        assertThat(progress.reportedWorkersPlan()).containsExactly("v1.36.0");
    }

    @Test
    void aWorkerGroupAlreadyUpgradedStaysInThePlanAsDone() {
        CapiObject upgraded = object(deployment("up-md-0-x", "md-0", false).toYaml().replace("v1.34.0", "v1.36.0"));
        UpgradeState state = new UpgradeState(CLUSTER, CONTROL_PLANE,
                List.of(upgraded, deployment("up-md-1-y", "md-1", false)), List.of(),
                List.of(machine("cp-c", "v1.36.0", "cluster.x-k8s.io/control-plane: ''", ""),
                        machine("w-0", "v1.36.0", "cluster.x-k8s.io/deployment-name: up-md-0-x", ""),
                        machine("w-1", "v1.34.0", "cluster.x-k8s.io/deployment-name: up-md-1-y", "")),
                CLASS_VERSIONS);

        assertThat(UpgradeProgress.of(state).steps()).extracting(s -> s.step().what() + " " + s.state())
                .containsExactly("control plane DONE", "control plane DONE", "MachineDeployment md-0 DONE",
                        "MachineDeployment md-1 WAITING");
    }

    @Test
    void aPlanNotStartedShowsOnlyTheAnnotationsAsBlockers() {
        UpgradeState state = new UpgradeState(object(CLUSTER.toYaml().replace("version: v1.36.0\n", "version: v1.34.0\n")),
                object(CONTROL_PLANE.toYaml().replace("v1.36.0", "v1.34.0")),
                List.of(deployment("up-md-0-x", "md-0", true), deployment("up-md-1-y", "md-1", false)), List.of(),
                List.of(), CLASS_VERSIONS);

        UpgradeProgress progress = UpgradeProgress.of(state, state.plan("v1.36.0"));

        assertThat(progress.started()).isFalse();
        assertThat(progress.running()).isFalse();
        assertThat(progress.steps()).extracting(s -> s.blockers().size()).containsExactly(0, 0, 0, 1);
    }
}
