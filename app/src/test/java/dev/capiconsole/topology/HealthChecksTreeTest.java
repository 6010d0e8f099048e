package dev.capiconsole.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** MachineHealthChecks in the describe tree (our extension), which Machines they select, and their one-line summary. */
class HealthChecksTreeTest {

    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
    private static final String T0 = "2026-11-26T11:00:00Z";
    private static final String DEPLOYMENT = "cluster.x-k8s.io/deployment-name";

    @Test
    void withoutTheOptionTheTreeIsClusterctlsEvenWhenTheSnapshotHasChecks() {
        assertThat(names(DescribeOptions.defaults())).noneMatch(name -> name.contains("MachineHealthCheck"))
                .containsExactly("Cluster ns/c1", "└─KubeadmControlPlane ns/cp", "  ├─4 Machines...",
                        "  └─Machine ns/w5, v1.33.0");
    }

    @Test
    void withTheOptionEachCheckIsUnderTheClusterAndEachSelectedMachineShowsItsResult() {
        List<String> names = names(DescribeOptions.defaults().withShowMachineHealthChecks(true));
        assertThat(names).containsExactly("Cluster ns/c1", "├─KubeadmControlPlane ns/cp",
                "│ ├─2 Machines...",
                "│ ├─Machine ns/w3, v1.33.0", "│ │ └─MachineHealthCheck ns/workers",
                "│ ├─Machine ns/w4, v1.33.0", "│ │ └─MachineHealthCheck ns/workers",
                "│ └─Machine ns/w5, v1.33.0",
                "└─MachineHealthChecks",
                "  ├─MachineHealthCheck ns/other-cluster", "  └─MachineHealthCheck ns/workers");

        List<DescribeRow> rows = rows(DescribeOptions.defaults().withShowMachineHealthChecks(true));
        DescribeRow check = row(rows, "MachineHealthCheck", "workers");
        assertThat(List.of(check.replicas(), check.ready(), check.status(), check.reason(), check.since()))
                .containsExactly("3", "2", "True", "RemediationAllowed", "60m");
        assertThat(check.fullMessage()).isEqualTo("selects " + DEPLOYMENT + "=md-0,zone notin (b); checks: node "
                + "startup 600s, Node Ready=False 300s; remediates while unhealthy <= 40%; 1 remediation allowed");

        List<DescribeRow> results = rows.stream().filter(r -> r.node().shape() == TreeNode.Shape.CHECK
                && r.kind() == DescribeRow.Kind.OBJECT).toList();
        assertThat(results).extracting(r -> r.node().checkedMachine().name()).containsExactly("w3", "w4");
        DescribeRow w3 = results.get(0);
        assertThat(List.of(w3.status(), w3.reason())).containsExactly("False", "UnhealthyNode");
        assertThat(w3.fullMessage()).isEqualTo("Node Ready False for 5m\n"
                + "OwnerRemediated: False (WaitingForRemediation) Waiting for the MachineSet");
        assertThat(results.get(1).fullMessage())
                .isEqualTo("Not checked (cluster.x-k8s.io/skip-remediation)");
    }

    @Test
    void groupingKeepsMachinesWithAnotherCheckResultApart() {
        List<DescribeRow> rows = rows(DescribeOptions.defaults().withShowMachineHealthChecks(true));
        DescribeRow group = rows.stream().filter(r -> r.node().shape() == TreeNode.Shape.GROUP).findFirst()
                .orElseThrow();
        assertThat(group.node().groupItems()).containsExactly("w1", "w2");
    }

    @Test
    void aCheckSelectsMachinesOfItsNamespaceAndClusterThatItsSelectorMatches() {
        CapiObject check = check("workers", "c1");
        assertThat(HealthChecks.selects(check, machine("w1", "a", Map.of()))).isTrue();
        assertThat(HealthChecks.selects(check, machine("w1", "b", Map.of()))).as("zone notin (b)").isFalse();
        assertThat(HealthChecks.selects(check("workers", "c2"), machine("w1", "a", Map.of()))).isFalse();
        CapiObject elsewhere = machine("w1", "a", Map.of());
        ((Map<String, Object>) elsewhere.raw().get("metadata")).put("namespace", "other");
        assertThat(HealthChecks.selects(check, elsewhere)).isFalse();
        assertThat(HealthChecks.unhealthyMachines(List.of(check, check))).isEqualTo(2);
    }

    @Test
    void aV1Beta1CheckReadsLikeAV1Beta2One() {
        Map<String, Object> raw = object("cluster.x-k8s.io/v1beta1", "MachineHealthCheck", "old");
        raw.put("spec", Map.of("clusterName", "c1", "selector", Map.of("matchLabels", Map.of(DEPLOYMENT, "md-0")),
                "maxUnhealthy", "40%", "nodeStartupTimeout", "10m0s",
                "unhealthyConditions", List.of(Map.of("type", "Ready", "status", "False", "timeout", "5m0s")),
                "unhealthyMachineConditions", List.of(Map.of("type", "NodeReady", "status", "Unknown",
                        "timeout", "1m30s"))));
        raw.put("status", Map.of("expectedMachines", 2, "currentHealthy", 2, "remediationsAllowed", 0,
                "v1beta2", Map.of("conditions", List.of(cond("RemediationAllowed", "True", "RemediationAllowed")))));
        CapiObject converted = V1Beta1Core.typed(raw);
        assertThat(HealthChecks.summary(converted)).isEqualTo("selects " + DEPLOYMENT + "=md-0; checks: node startup "
                + "600s, Node Ready=False 300s, Machine NodeReady=Unknown 90s; remediates while unhealthy <= 40%; "
                + "0 remediations allowed");
        assertThat(converted.condition("RemediationAllowed").isTrue()).isTrue();
        assertThat(V1Beta1Core.seconds("1h0m0.5s")).isEqualTo(3600L);
        assertThat(V1Beta1Core.seconds("300ms")).isZero();
        assertThat(V1Beta1Core.seconds("soon")).isNull();
    }

    private static List<String> names(DescribeOptions options) {
        return rows(options).stream().filter(r -> r.kind() == DescribeRow.Kind.OBJECT)
                .map(r -> r.prefix() + r.name()).toList();
    }

    private static List<DescribeRow> rows(DescribeOptions options) {
        CapiObject unhealthy = machine("w3", "a", Map.of(), cond("Ready", "True", "Ready"),
                cond("HealthCheckSucceeded", "False", "UnhealthyNode", "Node Ready False for 5m"),
                cond("OwnerRemediated", "False", "WaitingForRemediation", "Waiting for the MachineSet"));
        CapiObject skipped = machine("w4", "a", Map.of(HealthChecks.SKIP_REMEDIATION, ""),
                cond("Ready", "True", "Ready"));
        CapiObject unselected = machine("w5", "b", Map.of(), cond("Ready", "False", "NotReady"));
        Map<String, Object> cluster = object("cluster.x-k8s.io/v1beta2", "Cluster", "c1");
        cluster.put("spec", Map.of("controlPlaneRef", Map.of("apiGroup", "controlplane.cluster.x-k8s.io",
                "kind", "KubeadmControlPlane", "name", "cp")));
        ClusterSnapshot snapshot = new ClusterSnapshot(CapiObject.typed(cluster))
                .withReferenced(new ObjectRef("controlplane.cluster.x-k8s.io", "KubeadmControlPlane", "ns", "cp"),
                        CapiObject.unstructured(object("controlplane.cluster.x-k8s.io/v1beta2",
                                "KubeadmControlPlane", "cp")))
                .withMachines(List.of(healthy("w1"), healthy("w2"), unhealthy, skipped, unselected))
                .withMachineHealthChecks(List.of(check("other-cluster", "c2"), check("workers", "c1")));
        return DescribeTable.rows(DescribeTreeBuilder.build(snapshot, options, NOW), NOW);
    }

    private static DescribeRow row(List<DescribeRow> rows, String kind, String name) {
        return rows.stream().filter(r -> r.kind() == DescribeRow.Kind.OBJECT && r.node().kind().equals(kind)
                && r.node().name().equals(name)).findFirst().orElseThrow();
    }

    private static CapiObject healthy(String name) {
        return machine(name, "a", Map.of(), cond("Ready", "True", "Ready"),
                cond("HealthCheckSucceeded", "True", "HealthCheckSucceeded"));
    }

    private static CapiObject check(String name, String cluster) {
        Map<String, Object> raw = object("cluster.x-k8s.io/v1beta2", "MachineHealthCheck", name);
        raw.put("spec", Map.of("clusterName", cluster,
                "selector", Map.of("matchLabels", Map.of(DEPLOYMENT, "md-0"), "matchExpressions",
                        List.of(Map.of("key", "zone", "operator", "NotIn", "values", List.of("b")))),
                "checks", Map.of("nodeStartupTimeoutSeconds", 600, "unhealthyNodeConditions",
                        List.of(Map.of("type", "Ready", "status", "False", "timeoutSeconds", 300))),
                "remediation", Map.of("triggerIf", Map.of("unhealthyLessThanOrEqualTo", "40%"))));
        raw.put("status", Map.of("expectedMachines", 3, "currentHealthy", 2, "remediationsAllowed", 1,
                "conditions", List.of(cond("RemediationAllowed", "True", "RemediationAllowed"))));
        return CapiObject.typed(raw);
    }

    @SafeVarargs
    private static CapiObject machine(String name, String zone, Map<String, Object> annotations,
                                      Map<String, Object>... conditions) {
        Map<String, Object> raw = object("cluster.x-k8s.io/v1beta2", "Machine", name);
        Map<String, Object> metadata = (Map<String, Object>) raw.get("metadata");
        metadata.put("labels", Map.of("cluster.x-k8s.io/cluster-name", "c1", "cluster.x-k8s.io/control-plane", "",
                DEPLOYMENT, "md-0", "zone", zone));
        metadata.put("annotations", annotations);
        raw.put("spec", Map.of("version", "v1.33.0"));
        raw.put("status", Map.of("conditions", List.of(conditions)));
        return CapiObject.typed(raw);
    }

    private static Map<String, Object> object(String apiVersion, String kind, String name) {
        Map<String, Object> raw = new LinkedHashMap<>();
        raw.put("apiVersion", apiVersion);
        raw.put("kind", kind);
        raw.put("metadata", new LinkedHashMap<>(Map.of("name", name, "namespace", "ns")));
        return raw;
    }

    private static Map<String, Object> cond(String type, String status, String reason) {
        return cond(type, status, reason, "");
    }

    private static Map<String, Object> cond(String type, String status, String reason, String message) {
        return Map.of("type", type, "status", status, "reason", reason, "lastTransitionTime", T0, "message", message);
    }
}
