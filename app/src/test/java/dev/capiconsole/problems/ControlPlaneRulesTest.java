package dev.capiconsole.problems;

import static dev.capiconsole.problems.Fixtures.cluster;
import static dev.capiconsole.problems.Fixtures.find;
import static dev.capiconsole.problems.Fixtures.objects;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ControlPlaneRulesTest {

    private static final String CLUSTER = cluster("""
            spec:
              controlPlaneRef: {apiGroup: controlplane.cluster.x-k8s.io, kind: KubeadmControlPlane, name: cp}
            """);

    private static String controlPlane(String status) {
        return """
                apiVersion: controlplane.cluster.x-k8s.io/v1beta2
                kind: KubeadmControlPlane
                metadata:
                  name: cp
                  namespace: ns
                  labels: {cluster.x-k8s.io/cluster-name: c1}
                """ + status;
    }

    @Test
    void unhealthyEtcdAndComponentsOfAnInitializedControlPlaneAreReportedWithTheirConditions() {
        List<Problem> problems = find("control-plane-unhealthy", objects(CLUSTER, controlPlane("""
                status:
                  initialization: {controlPlaneInitialized: true}
                  conditions:
                  - {type: Available, status: "False", reason: NotAvailable, message: "etcd quorum lost", lastTransitionTime: "2026-12-01T11:59:00Z"}
                  - {type: EtcdClusterHealthy, status: "False", reason: NotHealthy, message: "member cp-1 unreachable", lastTransitionTime: "2026-12-01T11:58:00Z"}
                  - {type: ControlPlaneComponentsHealthy, status: "False", reason: NotHealthy, lastTransitionTime: "2026-12-01T11:58:00Z"}
                """)));

        assertThat(problems).extracting(Problem::what).containsExactly("etcd is not healthy",
                "Control-plane components are not healthy", "Control plane is not available");
        assertThat(problems.get(0).evidence()).isEqualTo("EtcdClusterHealthy=False NotHealthy: member cp-1 unreachable");
        assertThat(problems).allSatisfy(p -> {
            assertThat(p.object()).isEqualTo("KubeadmControlPlane ns/cp");
            assertThat(p.cluster()).isEqualTo("c1");
        });
    }

    @Test
    void aControlPlaneStartingUpIsNotReportedUntilTheTimeoutButOneThatNeverCameUpIs() {
        String starting = controlPlane("""
                status:
                  conditions:
                  - {type: Available, status: "False", reason: NotAvailable, lastTransitionTime: "2026-12-01T11:55:00Z"}
                """);
        assertThat(find("control-plane-unhealthy", objects(CLUSTER, starting))).isEmpty();
        assertThat(find("control-plane-unhealthy", objects(CLUSTER, starting.replace("11:55", "11:20"))))
                .extracting(Problem::what).containsExactly("Control plane is not available");
    }

    @Test
    void aHealthyControlPlaneAndOneNoClusterUsesAreNot() {
        String healthy = controlPlane("""
                status:
                  initialization: {controlPlaneInitialized: true}
                  conditions:
                  - {type: Available, status: "True", reason: Available}
                  - {type: EtcdClusterHealthy, status: "True", reason: Healthy}
                  - {type: ControlPlaneComponentsHealthy, status: "True", reason: Healthy}
                """);
        assertThat(find("control-plane-unhealthy", objects(CLUSTER, healthy))).isEmpty();
        assertThat(find("control-plane-unhealthy", objects(healthy.replace("\"True\"", "\"False\"")))).isEmpty();
    }
}
