package dev.capiconsole.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.capiconsole.topology.CapiObject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

class ChangePlannerTest {

    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");

    private static CapiObject object(String yaml) {
        return CapiObject.unstructured(new Yaml().load(yaml));
    }

    private static final CapiObject TOPOLOGY_CLUSTER = object("""
            apiVersion: cluster.x-k8s.io/v1beta2
            kind: Cluster
            metadata: {name: c1, namespace: ns, resourceVersion: "42"}
            spec:
              topology:
                version: v1.36.0
                controlPlane: {replicas: 1}
                workers:
                  machineDeployments:
                  - {class: default-worker, name: md-0, replicas: 2}
                  - {class: default-worker, name: md-1}
            """);

    private static final CapiObject OWNED_MD = object("""
            apiVersion: cluster.x-k8s.io/v1beta2
            kind: MachineDeployment
            metadata:
              name: c1-md-1-abcde
              namespace: ns
              resourceVersion: "7"
              labels: {topology.cluster.x-k8s.io/owned: "", topology.cluster.x-k8s.io/deployment-name: md-1}
            spec: {replicas: 1}
            """);

    private static final CapiObject PLAIN_KCP = object("""
            apiVersion: controlplane.cluster.x-k8s.io/v1beta2
            kind: KubeadmControlPlane
            metadata: {name: c2-cp, namespace: ns, resourceVersion: "9"}
            spec: {replicas: 3, version: v1.35.2}
            status: {version: v1.35.2}
            """);

    private static final CapiObject PLAIN_CLUSTER = object("""
            apiVersion: cluster.x-k8s.io/v1beta2
            kind: Cluster
            metadata: {name: c2, namespace: ns, resourceVersion: "5"}
            spec: {controlPlaneRef: {apiGroup: controlplane.cluster.x-k8s.io, kind: KubeadmControlPlane, name: c2-cp}}
            """);

    @Test
    void aTopologyMachineDeploymentIsScaledThroughItsItemWithGuards() {
        Change change = ChangePlanner.scaleMachineDeployment(TOPOLOGY_CLUSTER, OWNED_MD, 4);
        assertThat(change.target().kind()).isEqualTo("Cluster");
        assertThat(change.kind()).isEqualTo(Change.Kind.JSON_PATCH);
        List<Object> ops = new Yaml().load(change.patch());
        assertThat(ops).containsExactly((Object)
                Map.of("op", "replace", "path", "/metadata/resourceVersion", "value", "42"),
                Map.of("op", "test", "path", "/spec/topology/workers/machineDeployments/1/name", "value", "md-1"),
                Map.of("op", "add", "path", "/spec/topology/workers/machineDeployments/1/replicas", "value", 4));
        assertThat(change.describe()).contains("spec.topology.workers.machineDeployments[name=md-1].replicas: "
                + "<unset> -> 4");
    }

    @Test
    void aPlainControlPlaneIsPatchedWithItsResourceVersionAndStaysOdd() {
        Change change = ChangePlanner.scaleControlPlane(PLAIN_CLUSTER, PLAIN_KCP, 5);
        assertThat(change.target().kind()).isEqualTo("KubeadmControlPlane");
        Map<?, ?> patch = new Yaml().load(change.patch());
        assertThat(patch).isEqualTo(Map.of("metadata", Map.of("resourceVersion", "9"), "spec",
                Map.of("replicas", 5)));
        assertThatThrownBy(() -> ChangePlanner.scaleControlPlane(PLAIN_CLUSTER, PLAIN_KCP, 4))
                .hasMessageContaining("must be odd");
        assertThatThrownBy(() -> ChangePlanner.scaleControlPlane(PLAIN_CLUSTER, PLAIN_KCP, 3))
                .hasMessageContaining("already has 3 replicas");
        assertThatThrownBy(() -> ChangePlanner.scaleControlPlane(PLAIN_CLUSTER, PLAIN_KCP, 0))
                .hasMessageContaining("at least 1");
    }

    @Test
    void upgradesGoOneMinorAtATimeAndNeverDown() {
        assertThat(ChangePlanner.upgrade(TOPOLOGY_CLUSTER, null, "v1.37.0").describe())
                .contains("spec.topology.version: v1.36.0 -> v1.37.0");
        assertThatThrownBy(() -> ChangePlanner.upgrade(TOPOLOGY_CLUSTER, null, "v1.38.0"))
                .hasMessageContaining("version cannot be increased from v1.36.0 to v1.38.0")
                .hasMessageContaining("next: v1.36.1 or v1.37.0");
        assertThatThrownBy(() -> ChangePlanner.upgrade(TOPOLOGY_CLUSTER, null, "v1.35.9"))
                .hasMessageContaining("version cannot be decreased from v1.36.0 to v1.35.9");
        assertThatThrownBy(() -> ChangePlanner.upgrade(TOPOLOGY_CLUSTER, null, "1.37.0"))
                .hasMessageContaining("must start with v");
        assertThat(ChangePlanner.upgrade(PLAIN_CLUSTER, PLAIN_KCP, "v1.36.0").target().kind())
                .isEqualTo("KubeadmControlPlane");
    }

    @Test
    void askingForWhatIsAlreadyDeclaredIsAlreadyDoneNotAnotherRefusal() {
        assertThatThrownBy(() -> ChangePlanner.upgrade(TOPOLOGY_CLUSTER, null, "v1.36.0"))
                .isInstanceOf(AlreadyDone.class).hasMessage("already at v1.36.0");
        assertThatThrownBy(() -> ChangePlanner.upgrade(TOPOLOGY_CLUSTER, null, "v1.36.0", List.of("v1.36.0")))
                .isInstanceOf(AlreadyDone.class);
        assertThatThrownBy(() -> ChangePlanner.scaleControlPlane(PLAIN_CLUSTER, PLAIN_KCP, 3))
                .isInstanceOf(AlreadyDone.class).isInstanceOf(OperationRefused.class);
        assertThatThrownBy(() -> ChangePlanner.upgrade(TOPOLOGY_CLUSTER, null, "v1.35.9"))
                .isInstanceOf(OperationRefused.class).isNotInstanceOf(AlreadyDone.class);
        assertThatThrownBy(() -> ChangePlanner.scaleControlPlane(PLAIN_CLUSTER, PLAIN_KCP, 4))
                .isNotInstanceOf(AlreadyDone.class);
    }

    @Test
    void aClassWithKubernetesVersionsAllowsAChainedUpgradeToAnyLaterOneOfThem() {
        List<String> classVersions = List.of("v1.36.0", "v1.37.0", "v1.38.0", "v1.39.0");

        assertThat(ChangePlanner.upgrade(TOPOLOGY_CLUSTER, null, "v1.39.0", classVersions).describe())
                .contains("spec.topology.version: v1.36.0 -> v1.39.0", "every minor version on the way");
        assertThatThrownBy(() -> ChangePlanner.upgrade(TOPOLOGY_CLUSTER, null, "v1.38.1", classVersions))
                .hasMessageContaining("not one of the ClusterClass's Kubernetes versions");
        assertThatThrownBy(() -> ChangePlanner.upgrade(TOPOLOGY_CLUSTER, null, "v1.36.0", classVersions))
                .hasMessageContaining("already at v1.36.0");
        assertThat(ChangePlanner.upgradeChoices("v1.36.0", classVersions))
                .containsExactly("v1.37.0", "v1.38.0", "v1.39.0");
        assertThat(ChangePlanner.upgradeChoices("v1.36.0", List.of())).containsExactly("v1.36.1", "v1.37.0");
    }

    @Test
    void upgradeAnnotationsGoOnTheWorkersTopologyEntry() {
        Change defer = ChangePlanner.topologyWorkerAnnotation(TOPOLOGY_CLUSTER, "machineDeployments", "md-1",
                "topology.cluster.x-k8s.io/defer-upgrade", true);

        assertThat(defer.kind()).isEqualTo(Change.Kind.JSON_PATCH);
        assertThat(defer.patch()).contains("{\"op\":\"test\",\"path\":\"/spec/topology/workers/machineDeployments/1/name\","
                + "\"value\":\"md-1\"}", "{\"op\":\"add\",\"path\":\"/spec/topology/workers/machineDeployments/1/metadata\","
                + "\"value\":{\"annotations\":{\"topology.cluster.x-k8s.io/defer-upgrade\":\"\"}}}");
        assertThat(defer.describe()).contains("spec.topology.workers.machineDeployments[name=md-1].metadata"
                + ".annotations[topology.cluster.x-k8s.io/defer-upgrade]: <unset> -> \"\"");
        assertThatThrownBy(() -> ChangePlanner.topologyWorkerAnnotation(TOPOLOGY_CLUSTER, "machineDeployments",
                "md-1", "topology.cluster.x-k8s.io/defer-upgrade", false)).hasMessageContaining("is not set");
        CapiObject held = object("""
                apiVersion: cluster.x-k8s.io/v1beta2
                kind: Cluster
                metadata: {name: c1, namespace: ns, resourceVersion: "7"}
                spec:
                  topology:
                    version: v1.36.0
                    workers:
                      machineDeployments:
                      - {class: w, name: md-0, metadata: {annotations: {topology.cluster.x-k8s.io/hold-upgrade-sequence: ""}}}
                """);
        assertThat(ChangePlanner.topologyWorkerAnnotation(held, "machineDeployments", "md-0",
                "topology.cluster.x-k8s.io/hold-upgrade-sequence", false).patch()).contains("{\"op\":\"remove\","
                + "\"path\":\"/spec/topology/workers/machineDeployments/0/metadata/annotations/"
                + "topology.cluster.x-k8s.io~1hold-upgrade-sequence\"}");
        assertThatThrownBy(() -> ChangePlanner.topologyWorkerAnnotation(held, "machineDeployments", "md-9",
                "topology.cluster.x-k8s.io/defer-upgrade", true)).hasMessageContaining("has no md-9");
    }

    @Test
    void workersOfAPlainClusterFollowTheirControlPlaneNeverAboveIt() {
        CapiObject md = object("""
                apiVersion: cluster.x-k8s.io/v1beta2
                kind: MachineDeployment
                metadata: {name: c2-md, namespace: ns, resourceVersion: "4"}
                spec: {template: {spec: {version: v1.35.2}}}
                """);
        assertThat(ChangePlanner.upgradeMachineDeployment(md, "v1.36.0", "v1.36.0").describe())
                .contains("spec.template.spec.version: v1.35.2 -> v1.36.0");
        assertThatThrownBy(() -> ChangePlanner.upgradeMachineDeployment(md, "v1.35.2", "v1.36.0"))
                .hasMessageContaining("upgrade the control plane first");
        assertThatThrownBy(() -> ChangePlanner.upgradeMachineDeployment(OWNED_MD, "v1.36.0", "v1.36.0"))
                .hasMessageContaining("belongs to its Cluster's topology");
    }

    @Test
    void rolloutRestartRefusesLikeClusterctl() {
        CapiObject pausedMd = object("""
                apiVersion: cluster.x-k8s.io/v1beta2
                kind: MachineDeployment
                metadata: {name: md, namespace: ns, resourceVersion: "1"}
                spec: {paused: true}
                """);
        assertThatThrownBy(() -> ChangePlanner.rolloutRestart(null, pausedMd, NOW))
                .hasMessage("can't restart paused MachineDeployment (run rollout resume first): machinedeployment/md");
        CapiObject future = object("""
                apiVersion: controlplane.cluster.x-k8s.io/v1beta2
                kind: KubeadmControlPlane
                metadata: {name: cp, namespace: ns, resourceVersion: "1"}
                spec: {rollout: {after: "2027-01-01T00:00:00Z"}}
                """);
        assertThatThrownBy(() -> ChangePlanner.rolloutRestart(null, future, NOW))
                .hasMessage("can't update KubeadmControlPlane (remove 'spec.rollout.after' first): "
                        + "kubeadmcontrolplane/cp");
        CapiObject v1beta1 = object("""
                apiVersion: cluster.x-k8s.io/v1beta1
                kind: MachineDeployment
                metadata: {name: md, namespace: ns, resourceVersion: "3"}
                spec: {}
                """);
        Map<?, ?> patch = new Yaml().load(ChangePlanner.rolloutRestart(null, v1beta1, NOW).patch());
        assertThat(patch.get("spec")).isEqualTo(Map.of("rolloutAfter", "2026-11-26T12:00:00Z"));
    }

    @Test
    void aTopologyControlPlaneRestartGoesThroughTheCluster() {
        CapiObject owned = object("""
                apiVersion: controlplane.cluster.x-k8s.io/v1beta2
                kind: KubeadmControlPlane
                metadata: {name: c1-abc, namespace: ns, resourceVersion: "1", labels: {topology.cluster.x-k8s.io/owned: ""}}
                spec: {}
                """);
        Change change = ChangePlanner.rolloutRestart(TOPOLOGY_CLUSTER, owned, NOW);
        assertThat(change.target().kind()).isEqualTo("Cluster");
        assertThat(change.describe()).contains("spec.topology.controlPlane.rollout.after: <unset> -> "
                + "2026-11-26T12:00:00Z");
    }

    @Test
    void theOnlyControlPlaneMachineIsNotDeleted() {
        CapiObject machine = object("""
                apiVersion: cluster.x-k8s.io/v1beta2
                kind: Machine
                metadata: {name: m1, namespace: ns, labels: {cluster.x-k8s.io/control-plane: ""}}
                """);
        assertThatThrownBy(() -> ChangePlanner.deleteMachine(machine, 1)).hasMessageContaining("only control plane");
        assertThat(ChangePlanner.deleteMachine(machine, 3).warnings()).anyMatch(w -> w.contains("etcd member"));
    }

    @Test
    void resumeRemovesTheFieldAndWarnsAboutTheAnnotation() {
        CapiObject paused = object("""
                apiVersion: cluster.x-k8s.io/v1beta2
                kind: Cluster
                metadata: {name: c, namespace: ns, resourceVersion: "2", annotations: {cluster.x-k8s.io/paused: ""}}
                spec: {paused: true}
                """);
        Change resume = ChangePlanner.pause(paused, false);
        Map<?, ?> patch = new Yaml().load(resume.patch());
        assertThat(((Map<?, ?>) patch.get("spec")).containsKey("paused")).isTrue();
        assertThat(((Map<?, ?>) patch.get("spec")).get("paused")).isNull();
        assertThat(resume.warnings()).anyMatch(w -> w.contains("annotation"));
        assertThatThrownBy(() -> ChangePlanner.pause(paused, true)).hasMessageContaining("already paused");
    }

    @Test
    void anEditStillAppliesWhenOnlyOtherFieldsMoved() {
        CapiObject md = object("""
                apiVersion: cluster.x-k8s.io/v1beta2
                kind: MachineDeployment
                metadata: {name: md, namespace: ns, resourceVersion: "5", annotations: {a: "1"}}
                spec: {replicas: 2, paused: false}
                """);
        ObjectEdit edit = ObjectEdit.plan(md, ObjectEdit.editableYaml(md).replace("a: '1'", "a: '2'"));
        Map<String, Object> otherMoved = object("""
                apiVersion: cluster.x-k8s.io/v1beta2
                kind: MachineDeployment
                metadata: {name: md, namespace: ns, resourceVersion: "9", annotations: {a: "1"}}
                spec: {replicas: 3, paused: false}
                """).raw();
        assertThat(edit.stillApplies(md.raw(), otherMoved)).isTrue();
        Map<String, Object> sameFieldMoved = object("""
                apiVersion: cluster.x-k8s.io/v1beta2
                kind: MachineDeployment
                metadata: {name: md, namespace: ns, resourceVersion: "9", annotations: {a: "7"}}
                spec: {replicas: 2, paused: false}
                """).raw();
        assertThat(edit.stillApplies(md.raw(), sameFieldMoved)).isFalse();
    }
}
