package dev.capiconsole.problems;

import static dev.capiconsole.problems.Fixtures.cluster;
import static dev.capiconsole.problems.Fixtures.find;
import static dev.capiconsole.problems.Fixtures.machine;
import static dev.capiconsole.problems.Fixtures.objects;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClusterRulesTest {

    private static final String INITIALIZED = cluster("""
              labels: {cni: calico}
            status:
              initialization: {controlPlaneInitialized: true}
              conditions:
              - {type: ControlPlaneInitialized, status: "True", reason: Initialized, lastTransitionTime: "2026-12-01T10:10:00Z"}
            """);

    @Test
    void anInitializedClusterWithoutItsKubeconfigSecretIsReported() {
        List<Problem> problems = find("kubeconfig-missing", objects(INITIALIZED).secret("ns", "c1-ca"));

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.what()).isEqualTo("Kubeconfig Secret c1-kubeconfig is missing");
            assertThat(p.evidence()).isEqualTo("Secret ns/c1-kubeconfig not found; the control plane is initialized "
                    + "(ControlPlaneInitialized=True Initialized)");
        });
    }

    @Test
    void theSecretPresentAClusterNotYetInitializedOrSecretsNotReadAreNoProblem() {
        assertThat(find("kubeconfig-missing", objects(INITIALIZED).secret("ns", "c1-kubeconfig"))).isEmpty();
        assertThat(find("kubeconfig-missing", objects(cluster("status: {initialization: {controlPlaneInitialized: false}}\n"))))
                .isEmpty();
        ManagementObjects unread = new ManagementObjects(Fixtures.NOW).add(Fixtures.yaml(INITIALIZED));
        assertThat(find("kubeconfig-missing", unread)).isEmpty();
    }

    private static final String NOT_READY = """
            status:
              nodeRef: {name: n1}
              conditions:
              - {type: NodeReady, status: "False", reason: KubeletNotReady, message: "container runtime network not ready: cni plugin not initialized", lastTransitionTime: "2026-12-01T11:40:00Z"}
            """;

    @Test
    void nodesNotReadyInAClusterNoResourceSetSelectsAreReportedSayingWhatWasChecked() {
        String otherSet = """
                apiVersion: addons.cluster.x-k8s.io/v1beta2
                kind: ClusterResourceSet
                metadata: {name: cilium, namespace: ns}
                spec: {clusterSelector: {matchLabels: {cni: cilium}}}
                """;
        List<Problem> problems = find("nodes-not-ready-no-cni", objects(INITIALIZED, otherSet,
                machine("m1", NOT_READY), machine("m2", "status: {nodeRef: {name: n2}}\n")));

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.object()).isEqualTo("Cluster ns/c1");
            assertThat(p.what()).isEqualTo("1 of 2 Machines' Nodes are NotReady and no CNI add-on is set for the Cluster");
            assertThat(p.evidence()).startsWith("NodeReady=False KubeletNotReady: container runtime network not ready")
                    .contains("no ClusterResourceSet in ns selects the Cluster's labels {cni=calico}",
                            "CNI pods inside the workload cluster were not checked");
        });
    }

    @Test
    void aSelectingResourceSetOrABindingMeansACniIsSet() {
        String calico = """
                apiVersion: addons.cluster.x-k8s.io/v1beta2
                kind: ClusterResourceSet
                metadata: {name: calico, namespace: ns}
                spec: {clusterSelector: {matchLabels: {cni: calico}}}
                """;
        String binding = """
                apiVersion: addons.cluster.x-k8s.io/v1beta2
                kind: ClusterResourceSetBinding
                metadata: {name: c1, namespace: ns}
                spec:
                  bindings:
                  - {clusterResourceSetName: flannel}
                """;
        assertThat(find("nodes-not-ready-no-cni", objects(INITIALIZED, calico, machine("m1", NOT_READY)))).isEmpty();
        assertThat(find("nodes-not-ready-no-cni", objects(INITIALIZED, binding, machine("m1", NOT_READY)))).isEmpty();
        assertThat(find("nodes-not-ready-no-cni", objects(INITIALIZED, machine("m1", "status: {nodeRef: {name: n1}}\n"))))
                .isEmpty();
    }

    @Test
    void aHealthCheckThatMayNotRemediateIsReportedWithItsCounters() {
        String check = """
                apiVersion: cluster.x-k8s.io/v1beta2
                kind: MachineHealthCheck
                metadata:
                  name: workers
                  namespace: ns
                  labels: {cluster.x-k8s.io/cluster-name: c1}
                spec: {clusterName: c1}
                status:
                  expectedMachines: 3
                  currentHealthy: 1
                  conditions:
                  - {type: RemediationAllowed, status: "False", reason: TooManyUnhealthy, message: "Remediation is not allowed, the number of not started or unhealthy machines exceeds maxUnhealthy (total: 3, unhealthy: 2, maxUnhealthy: 40%)", lastTransitionTime: "2026-12-01T11:50:00Z"}
                """;
        List<Problem> problems = find("remediation-blocked", objects(check));

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.object()).isEqualTo("MachineHealthCheck ns/workers");
            assertThat(p.evidence()).startsWith("RemediationAllowed=False TooManyUnhealthy: Remediation is not allowed")
                    .endsWith("status.expectedMachines=3, status.currentHealthy=1");
        });
        assertThat(find("remediation-blocked", objects(check.replace("\"False\"", "\"True\"")))).isEmpty();
    }
}
