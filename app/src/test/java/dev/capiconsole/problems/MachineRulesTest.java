package dev.capiconsole.problems;

import static dev.capiconsole.problems.Fixtures.find;
import static dev.capiconsole.problems.Fixtures.machine;
import static dev.capiconsole.problems.Fixtures.objects;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class MachineRulesTest {

    @Test
    void aMachineWithoutANodeAfterTheTimeoutIsReportedWithTheConditionThatHoldsIt() {
        List<Problem> problems = find("machine-not-provisioned", objects(machine("stuck", """
                spec:
                  infrastructureRef: {apiGroup: infrastructure.cluster.x-k8s.io, kind: DockerMachine, name: stuck}
                status:
                  phase: Provisioning
                  conditions:
                  - {type: BootstrapConfigReady, status: "True", reason: Ready, lastTransitionTime: "2026-12-01T11:01:00Z"}
                  - {type: InfrastructureReady, status: "False", reason: NotReady, message: "waiting for the load balancer", lastTransitionTime: "2026-12-01T11:01:00Z"}
                """)));

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.severity()).isEqualTo(Severity.ERROR);
            assertThat(p.object()).isEqualTo("Machine ns/stuck");
            assertThat(p.cluster()).isEqualTo("c1");
            assertThat(p.what()).isEqualTo("Machine has no Node after 60m");
            assertThat(p.since()).isEqualTo(Instant.parse(Fixtures.HOUR_AGO));
            assertThat(p.evidence()).isEqualTo("status.nodeRef is not set, status.phase=Provisioning; "
                    + "InfrastructureReady=False NotReady: waiting for the load balancer");
            assertThat(p.nextStep()).contains("DockerMachine stuck", "capi-console describe cluster c1 -n ns");
        });
    }

    @Test
    void aMachineWithANodeAYoungMachineAndADeletingOneAreNot() {
        assertThat(find("machine-not-provisioned", objects(
                machine("running", "status: {nodeRef: {name: node-1}, phase: Running}\n"),
                machine("young", "status: {phase: Provisioning}\n").replace(Fixtures.HOUR_AGO, Fixtures.MINUTE_AGO),
                machine("going", "status: {phase: Deleting}\n").replace("  labels:",
                        "  deletionTimestamp: \"2026-12-01T11:30:00Z\"\n  labels:")))).isEmpty();
    }

    @Test
    void controlPlaneCertificatesExpiringWithinThirtyDaysAreReported() {
        List<Problem> problems = find("certificates-expiring", objects(
                machine("cp-soon", "status: {certificatesExpiryDate: \"2026-12-11T12:00:00Z\"}\n")
                        .replace("cluster.x-k8s.io/cluster-name: c1", "cluster.x-k8s.io/cluster-name: c1\n"
                                + "    cluster.x-k8s.io/control-plane: \"\""),
                machine("cp-later", "status: {certificatesExpiryDate: \"2027-06-01T12:00:00Z\"}\n")
                        .replace("cluster.x-k8s.io/cluster-name: c1", "cluster.x-k8s.io/cluster-name: c1\n"
                                + "    cluster.x-k8s.io/control-plane: \"\""),
                machine("worker", "status: {certificatesExpiryDate: \"2026-12-02T12:00:00Z\"}\n")));

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.object()).isEqualTo("Machine ns/cp-soon");
            assertThat(p.severity()).isEqualTo(Severity.WARNING);
            assertThat(p.what()).isEqualTo("Control-plane certificates expire in 10d");
            assertThat(p.evidence()).isEqualTo("status.certificatesExpiryDate=2026-12-11T12:00:00Z");
            assertThat(p.since()).isEqualTo(Instant.parse("2026-11-11T12:00:00Z"));
        });
    }

    @Test
    void expiredCertificatesOfAMachineOwnedByTheControlPlaneAreAnError() {
        List<Problem> problems = find("certificates-expiring", objects(machine("cp-old", """
                status: {certificatesExpiryDate: "2026-11-30T12:00:00Z"}
                """).replace("  labels:", "  ownerReferences:\n  - {apiVersion: controlplane.cluster.x-k8s.io/v1beta2, "
                + "kind: KubeadmControlPlane, name: cp, controller: true}\n  labels:")));

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.severity()).isEqualTo(Severity.ERROR);
            assertThat(p.nextStep()).contains("capi-console rollout restart kubeadmcontrolplane/cp -n ns");
        });
    }
}
