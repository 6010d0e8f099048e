package dev.capiconsole.diagram;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capiconsole.diagram.DiagramNode.Health;
import dev.capiconsole.diagram.DiagramNode.Role;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The nodes and edges of hand-made clusters, exactly. */
class DiagramBuilderTest {

    @Test
    void aClusterWithAControlPlaneRollingWorkersAPoolAndADeletedMachine() {
        Diagram diagram = DiagramBuilder.build(SampleSnapshots.rollingCluster(), DiagramOptions.defaults());

        assertThat(diagram.nodes()).extracting(DiagramBuilderTest::label).containsExactly(
                "CLUSTER Cluster c1",
                "INFRASTRUCTURE_CLUSTER DockerCluster c1",
                "CONTROL_PLANE KubeadmControlPlane c1-cp",
                "MACHINE Machine c1-cp-0", "INFRASTRUCTURE_MACHINE DockerMachine c1-cp-0",
                "BOOTSTRAP_CONFIG KubeadmConfig c1-cp-0",
                "MACHINE Machine c1-cp-1", "INFRASTRUCTURE_MACHINE DockerMachine c1-cp-1",
                "BOOTSTRAP_CONFIG KubeadmConfig c1-cp-1",
                "MACHINE Machine c1-cp-2", "INFRASTRUCTURE_MACHINE DockerMachine c1-cp-2",
                "BOOTSTRAP_CONFIG KubeadmConfig c1-cp-2",
                "MACHINE_DEPLOYMENT MachineDeployment md-0",
                "MACHINE_SET MachineSet md-0-old",
                "MACHINE Machine md-0-old-x", "INFRASTRUCTURE_MACHINE DockerMachine md-0-old-x",
                "BOOTSTRAP_CONFIG KubeadmConfig md-0-old-x",
                "MACHINE_SET MachineSet md-0-new",
                "MACHINE Machine md-0-new-y", "INFRASTRUCTURE_MACHINE DockerMachine md-0-new-y",
                "BOOTSTRAP_CONFIG KubeadmConfig md-0-new-y",
                "MACHINE Machine md-0-new-z", "INFRASTRUCTURE_MACHINE DockerMachine md-0-new-z",
                "BOOTSTRAP_CONFIG KubeadmConfig md-0-new-z",
                "MACHINE_DEPLOYMENT MachineDeployment md-1",
                "MACHINE_SET MachineSet md-1-a",
                "MACHINE Machine md-1-a-gone", "INFRASTRUCTURE_MACHINE DockerMachine md-1-a-gone",
                "BOOTSTRAP_CONFIG KubeadmConfig md-1-a-gone",
                "MACHINE_POOL MachinePool mp-0",
                "INFRASTRUCTURE_MACHINE DockerMachinePool mp-0",
                "BOOTSTRAP_CONFIG KubeadmConfig mp-0-boot",
                "MACHINE Machine mp-0-m", "INFRASTRUCTURE_MACHINE DockerMachine mp-0-m",
                "BOOTSTRAP_CONFIG KubeadmConfig mp-0-m");

        assertThat(diagram.edges()).extracting(DiagramBuilderTest::edge).containsExactly(
                "Cluster c1 -infrastructure-> DockerCluster c1",
                "Cluster c1 -control plane-> KubeadmControlPlane c1-cp",
                "KubeadmControlPlane c1-cp -owns-> Machine c1-cp-0",
                "Machine c1-cp-0 -infrastructure-> DockerMachine c1-cp-0",
                "Machine c1-cp-0 -bootstrap-> KubeadmConfig c1-cp-0",
                "KubeadmControlPlane c1-cp -owns-> Machine c1-cp-1",
                "Machine c1-cp-1 -infrastructure-> DockerMachine c1-cp-1",
                "Machine c1-cp-1 -bootstrap-> KubeadmConfig c1-cp-1",
                "KubeadmControlPlane c1-cp -owns-> Machine c1-cp-2",
                "Machine c1-cp-2 -infrastructure-> DockerMachine c1-cp-2",
                "Machine c1-cp-2 -bootstrap-> KubeadmConfig c1-cp-2",
                "Cluster c1 -owns-> MachineDeployment md-0",
                "MachineDeployment md-0 -owns-> MachineSet md-0-old",
                "MachineSet md-0-old -owns-> Machine md-0-old-x",
                "Machine md-0-old-x -infrastructure-> DockerMachine md-0-old-x",
                "Machine md-0-old-x -bootstrap-> KubeadmConfig md-0-old-x",
                "MachineDeployment md-0 -owns-> MachineSet md-0-new",
                "MachineSet md-0-new -owns-> Machine md-0-new-y",
                "Machine md-0-new-y -infrastructure-> DockerMachine md-0-new-y",
                "Machine md-0-new-y -bootstrap-> KubeadmConfig md-0-new-y",
                "MachineSet md-0-new -owns-> Machine md-0-new-z",
                "Machine md-0-new-z -infrastructure-> DockerMachine md-0-new-z",
                "Machine md-0-new-z -bootstrap-> KubeadmConfig md-0-new-z",
                "Cluster c1 -owns-> MachineDeployment md-1",
                "MachineDeployment md-1 -owns-> MachineSet md-1-a",
                "MachineSet md-1-a -owns-> Machine md-1-a-gone",
                "Machine md-1-a-gone -infrastructure-> DockerMachine md-1-a-gone",
                "Machine md-1-a-gone -bootstrap-> KubeadmConfig md-1-a-gone",
                "Cluster c1 -owns-> MachinePool mp-0",
                "MachinePool mp-0 -infrastructure-> DockerMachinePool mp-0",
                "MachinePool mp-0 -bootstrap-> KubeadmConfig mp-0-boot",
                "MachinePool mp-0 -owns-> Machine mp-0-m",
                "Machine mp-0-m -infrastructure-> DockerMachine mp-0-m",
                "Machine mp-0-m -bootstrap-> KubeadmConfig mp-0-m");
    }

    @Test
    void statusDeletionAndDetailsFollowTheTreesRules() {
        Diagram diagram = DiagramBuilder.build(SampleSnapshots.rollingCluster(), DiagramOptions.defaults());

        assertThat(node(diagram, "Cluster/ns/c1").health()).isEqualTo(Health.GOOD);
        assertThat(node(diagram, "Cluster/ns/c1").detail()).isEqualTo("Provisioned · v1.36.0");
        assertThat(node(diagram, "KubeadmControlPlane/ns/c1-cp").detail()).isEqualTo("3/3 replicas · v1.36.0");
        assertThat(node(diagram, "MachineDeployment/ns/md-0").detail()).isEqualTo("3/2 replicas · v1.36.0");
        assertThat(node(diagram, "MachineDeployment/ns/md-1").health()).isEqualTo(Health.BAD);
        assertThat(node(diagram, "MachineSet/ns/md-0-new").health()).as("a MachineSet has no STATUS in the tree")
                .isEqualTo(Health.NONE);
        assertThat(node(diagram, "Machine/ns/md-0-new-y").health()).isEqualTo(Health.BAD);
        assertThat(node(diagram, "Machine/ns/md-0-new-y").reason()).isEqualTo("Ready False: NotReady");
        assertThat(node(diagram, "Machine/ns/md-0-new-z").health()).isEqualTo(Health.UNKNOWN);
        assertThat(node(diagram, "Machine/ns/md-1-a-gone").deleting()).isTrue();
        assertThat(node(diagram, "Machine/ns/md-0-new-z").deleting()).isFalse();
        assertThat(diagram.nodes()).noneMatch(DiagramNode::paused);
    }

    @Test
    void extrasAddTheTemplatesTheClassAndTheHealthCheckWithTheMachinesItSelects() {
        Diagram diagram = DiagramBuilder.build(SampleSnapshots.rollingCluster(),
                DiagramOptions.defaults().withExtras(true));

        assertThat(diagram.edges()).extracting(DiagramBuilderTest::edge)
                .contains("KubeadmControlPlane c1-cp -template-> DockerMachineTemplate c1-cp-tmpl",
                        "MachineDeployment md-0 -template-> KubeadmConfigTemplate md-0-boot",
                        "MachineDeployment md-0 -template-> DockerMachineTemplate md-0-infra",
                        "Cluster c1 -class-> ClusterClass quick-start")
                .filteredOn(e -> e.contains("-health-checks->")).containsExactly(
                        "MachineHealthCheck workers -health-checks-> Machine md-0-old-x",
                        "MachineHealthCheck workers -health-checks-> Machine md-0-new-y",
                        "MachineHealthCheck workers -health-checks-> Machine md-0-new-z",
                        "MachineHealthCheck workers -health-checks-> Machine md-1-a-gone",
                        "MachineHealthCheck workers -health-checks-> Machine mp-0-m");
        assertThat(node(diagram, "MachineHealthCheck/ns/workers").detail()).isEqualTo("3/5 healthy");
        assertThat(node(diagram, "ClusterClass/ns/quick-start").role()).isEqualTo(Role.CLUSTER_CLASS);
        assertThat(diagram.nodes()).hasSize(35 + 5);
    }

    @Test
    void machinesOfOneOwnerAboveTheThresholdBecomeOneGroupUntilExpanded() {
        Diagram eight = DiagramBuilder.build(SampleSnapshots.manyMachines(8), DiagramOptions.defaults());
        assertThat(eight.nodes()).filteredOn(n -> n.role() == Role.MACHINE).hasSize(8);

        Diagram twenty = DiagramBuilder.build(SampleSnapshots.manyMachines(20), DiagramOptions.defaults());
        assertThat(twenty.nodes()).extracting(DiagramBuilderTest::label).containsExactly(
                "CLUSTER Cluster big", "MACHINE_DEPLOYMENT MachineDeployment md", "MACHINE_SET MachineSet md-s",
                "MACHINE_GROUP Machine ");
        DiagramNode group = node(twenty, "MachineSet/ns/md-s#Machines");
        assertThat(group.group().members()).hasSize(20).startsWith("md-s-0000", "md-s-0001");
        assertThat(group.group().ready()).isEqualTo(18);
        assertThat(group.health()).isEqualTo(Health.BAD);
        assertThat(group.detail()).isEqualTo("18 ready, 2 not");
        assertThat(group.title()).isEqualTo("20 Machines");
        assertThat(twenty.edges()).extracting(DiagramBuilderTest::edge)
                .endsWith("MachineSet md-s -owns-> Machine ");

        Diagram expanded = DiagramBuilder.build(SampleSnapshots.manyMachines(20),
                DiagramOptions.defaults().withExpanded(Set.of("MachineSet/ns/md-s")));
        assertThat(expanded.nodes()).filteredOn(n -> n.role() == Role.MACHINE).hasSize(20);
        assertThat(expanded.nodes()).noneMatch(n -> n.role() == Role.MACHINE_GROUP);
    }

    @Test
    void searchMatchesKindNameAndGroupMembers() {
        Diagram twenty = DiagramBuilder.build(SampleSnapshots.manyMachines(20), DiagramOptions.defaults());
        assertThat(twenty.nodes()).filteredOn(n -> n.matches("S-0013")).extracting(DiagramNode::id)
                .containsExactly("MachineSet/ns/md-s#Machines");
        assertThat(twenty.nodes()).filteredOn(n -> n.matches("machineset")).hasSize(1);
    }

    private static DiagramNode node(Diagram diagram, String id) {
        return diagram.node(id).orElseThrow(() -> new AssertionError("no node " + id));
    }

    private static String label(DiagramNode node) {
        return node.role() + " " + node.kind() + " " + node.name();
    }

    private static String edge(DiagramEdge edge) {
        return brief(edge.from()) + " -" + edge.relation().label() + "-> " + brief(edge.to());
    }

    private static String brief(String id) {
        String[] parts = id.replace("#Machines", "").split("/");
        return id.endsWith("#Machines") ? "Machine " : parts[0] + " " + parts[2];
    }
}
