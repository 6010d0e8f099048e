package dev.capiconsole.diagram;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capiconsole.diagram.LaidOutDiagram.Box;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The tidy-tree layout: no overlaps, parents above and centred over their children, the same every time. */
class DiagramLayoutTest {

    @Test
    void noTwoBoxesOverlapAndEveryChildIsBelowItsParent() {
        LaidOutDiagram laid = DiagramLayout.layout(DiagramBuilder.build(SampleSnapshots.rollingCluster(),
                DiagramOptions.defaults().withExtras(true)));
        List<Box> boxes = new ArrayList<>(laid.boxes().values());
        assertThat(boxes).hasSize(laid.diagram().nodes().size());
        for (int i = 0; i < boxes.size(); i++) {
            for (int j = i + 1; j < boxes.size(); j++) {
                assertThat(overlap(boxes.get(i), boxes.get(j))).as("%s and %s", boxes.get(i), boxes.get(j))
                        .isFalse();
            }
        }
        for (Box box : boxes) {
            assertThat(box.x()).isGreaterThanOrEqualTo(DiagramLayout.MARGIN);
            assertThat(box.x() + box.width()).isLessThanOrEqualTo(laid.width() - DiagramLayout.MARGIN);
            assertThat(box.bottom()).isLessThanOrEqualTo(laid.height() - DiagramLayout.MARGIN);
        }
        laid.diagram().edges().stream().filter(e -> e.relation() != DiagramEdge.Relation.HEALTH_CHECKS)
                .forEach(e -> assertThat(laid.boxes().get(e.to()).y()).as("%s below %s", e.to(), e.from())
                        .isGreaterThan(laid.boxes().get(e.from()).bottom()));
    }

    @Test
    void theControlPlaneBranchComesBeforeTheWorkersAndEachParentIsCentredOverItsChildren() {
        LaidOutDiagram laid = DiagramLayout.layout(DiagramBuilder.build(SampleSnapshots.rollingCluster(),
                DiagramOptions.defaults()));
        Map<String, Box> boxes = laid.boxes();
        Box cluster = boxes.get("Cluster/ns/c1");
        Box controlPlane = boxes.get("KubeadmControlPlane/ns/c1-cp");
        Box workers = boxes.get("MachineDeployment/ns/md-0");
        assertThat(cluster.y()).isEqualTo(DiagramLayout.MARGIN);
        assertThat(controlPlane.y()).isEqualTo(workers.y()).isGreaterThan(cluster.bottom());
        assertThat(controlPlane.x()).isLessThan(workers.x());
        Box machine = boxes.get("Machine/ns/c1-cp-0");
        Box infra = boxes.get("DockerMachine/ns/c1-cp-0");
        Box bootstrap = boxes.get("KubeadmConfig/ns/c1-cp-0");
        assertThat(infra.x()).as("stacked under the Machine, indented").isEqualTo(bootstrap.x())
                .isEqualTo(machine.x() + DiagramLayout.STACK_INDENT);
        assertThat(infra.y()).isGreaterThan(machine.bottom());
        assertThat(bootstrap.y()).isGreaterThan(infra.bottom());
        Box machineSet = boxes.get("MachineSet/ns/md-0-new");
        Box first = boxes.get("Machine/ns/md-0-new-y");
        Box second = boxes.get("Machine/ns/md-0-new-z");
        assertThat(machineSet.centerX()).as("centred over its Machines")
                .isEqualTo((first.x() + second.x() + DiagramLayout.NODE_WIDTH + DiagramLayout.STACK_INDENT) / 2);
        assertThat(laid.routes()).filteredOn(LaidOutDiagram.Route::elbow).extracting(r -> r.edge().relation())
                .containsOnly(DiagramEdge.Relation.INFRASTRUCTURE, DiagramEdge.Relation.BOOTSTRAP);
        assertThat(laid.routes()).hasSize(laid.diagram().edges().size());
    }

    @Test
    void aGroupedThousandMachineClusterStaysSmallAndTheLayoutIsTheSameEachTime() {
        Diagram diagram = DiagramBuilder.build(SampleSnapshots.manyMachines(1000), DiagramOptions.defaults());
        LaidOutDiagram first = DiagramLayout.layout(diagram);
        assertThat(first.boxes()).hasSize(4);
        assertThat(first).isEqualTo(DiagramLayout.layout(diagram));
        LaidOutDiagram expanded = DiagramLayout.layout(DiagramBuilder.build(SampleSnapshots.manyMachines(1000),
                DiagramOptions.defaults().withExpanded(Set.of("MachineSet/ns/md-s"))));
        assertThat(expanded.boxes()).hasSize(3 + 3000);
        assertThat(expanded.width()).isGreaterThan(1000 * DiagramLayout.NODE_WIDTH);
    }

    private static boolean overlap(Box a, Box b) {
        return a.x() < b.x() + b.width() && b.x() < a.x() + a.width()
                && a.y() < b.y() + b.height() && b.y() < a.y() + a.height();
    }
}
