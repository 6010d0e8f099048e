package dev.capiconsole.problems;

import static dev.capiconsole.problems.Fixtures.find;
import static dev.capiconsole.problems.Fixtures.objects;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class WorkerRulesTest {

    private static String workers(String kind, String status) {
        return """
                apiVersion: cluster.x-k8s.io/v1beta2
                kind: %s
                metadata:
                  name: md
                  namespace: ns
                  labels: {cluster.x-k8s.io/cluster-name: c1}
                spec: {clusterName: c1}
                """.formatted(kind) + status;
    }

    @Test
    void aScaleUpBlockedByAMissingTemplateIsReportedForTheDeploymentAndItsSet() {
        String blocked = """
                status:
                  conditions:
                  - {type: ScalingUp, status: "True", reason: ScalingUp, message: "Scaling up from 0 to 2 replicas is blocked because DockerMachineTemplate does not exist", lastTransitionTime: "2026-12-01T11:59:00Z"}
                """;
        List<Problem> problems = find("machines-not-created", objects(workers("MachineDeployment", blocked),
                workers("MachineSet", blocked)));

        assertThat(problems).extracting(Problem::object).containsExactly("MachineDeployment ns/md", "MachineSet ns/md");
        assertThat(problems.get(0).evidence()).isEqualTo("ScalingUp=True ScalingUp: Scaling up from 0 to 2 replicas "
                + "is blocked because DockerMachineTemplate does not exist");
    }

    @Test
    void theDeprecatedMachinesCreatedFalseOfAnOlderManagementClusterIsReported() {
        List<Problem> problems = find("machines-not-created", objects(workers("MachineSet", """
                status:
                  deprecated:
                    v1beta1:
                      conditions:
                      - {type: MachinesCreated, status: "False", severity: Error, reason: InfrastructureTemplateCloneFailed, message: "not found"}
                """)));

        assertThat(problems).singleElement().extracting(Problem::evidence)
                .isEqualTo("MachinesCreated=False InfrastructureTemplateCloneFailed: not found");
    }

    @Test
    void anUnblockedScaleUpIsNoProblemUntilItTakesTooLong() {
        String scaling = workers("MachineDeployment", """
                status:
                  conditions:
                  - {type: ScalingUp, status: "True", reason: ScalingUp, message: "Scaling up from 1 to 2 replicas", lastTransitionTime: "2026-12-01T11:58:00Z"}
                """);
        assertThat(find("machines-not-created", objects(scaling))).isEmpty();
        assertThat(find("rollout-not-progressing", objects(scaling))).isEmpty();
        assertThat(find("rollout-not-progressing", objects(scaling.replace("11:58", "11:00"))))
                .singleElement().extracting(Problem::what).isEqualTo("MachineDeployment still scaling up after 60m");
    }

    @Test
    void aRolloutGoingOnForTooLongIsAWarning() {
        List<Problem> problems = find("rollout-not-progressing", objects(workers("MachineDeployment", """
                status:
                  conditions:
                  - {type: RollingOut, status: "True", reason: RollingOut, message: "Rolling out 1 not up-to-date replicas", lastTransitionTime: "2026-12-01T10:00:00Z"}
                  - {type: ScalingUp, status: "False", reason: NotScalingUp}
                """)));

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.severity()).isEqualTo(Severity.WARNING);
            assertThat(p.what()).isEqualTo("MachineDeployment still rolling out after 120m");
        });
    }
}
