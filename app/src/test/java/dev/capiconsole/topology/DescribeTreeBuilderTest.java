package dev.capiconsole.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The describe rules on hand-made objects: echo, grouping, ordering, row contents. */
class DescribeTreeBuilderTest {

    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
    private static final String T0 = "2026-11-26T11:00:00Z";

    @Test
    void echoHidesProviderObjectsThatAreReadyOrRepeatTheirMachine() {
        CapiObject m1 = machine("m1", cond("Ready", "True", "Ready", T0));
        CapiObject m2 = machine("m2", cond("Ready", "False", "X", T0));
        ClusterSnapshot snapshot = snapshot(List.of(m1, m2));
        snapshot.withReferenced(ref("infrastructure.cluster.x-k8s.io", "DockerMachine", "m1"),
                provider("DockerMachine", "m1"));
        snapshot.withReferenced(ref("bootstrap.cluster.x-k8s.io", "KubeadmConfig", "m1"),
                provider("KubeadmConfig", "m1", cond("Ready", "True", "Ready", T0)));
        snapshot.withReferenced(ref("infrastructure.cluster.x-k8s.io", "DockerMachine", "m2"),
                provider("DockerMachine", "m2", cond("Ready", "False", "X", T0)));
        snapshot.withReferenced(ref("bootstrap.cluster.x-k8s.io", "KubeadmConfig", "m2"),
                provider("KubeadmConfig", "m2", cond("Ready", "False", "Y", T0)));

        List<String> names = names(DescribeOptions.defaults(), snapshot);
        assertThat(names).containsExactly("Cluster ns/c1", "└─Workers", "  └─Other",
                "    ├─Machine ns/m1, v1.33.0", "    │ └─DockerMachine ns/m1",
                "    └─Machine ns/m2, v1.33.0", "      └─KubeadmConfig ns/m2");

        assertThat(names(DescribeOptions.defaults().withEcho(true), snapshot)).contains(
                "    │ ├─DockerMachine ns/m1", "    │ └─KubeadmConfig ns/m1",
                "      ├─DockerMachine ns/m2", "      └─KubeadmConfig ns/m2");
    }

    @Test
    void alikeMachinesOfAControlPlaneBecomeOneGroupWithTheOldestReadySince() {
        List<CapiObject> machines = new ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            machines.add(controlPlaneMachine(String.format("cp-%02d", i),
                    cond("Ready", "True", "Ready", Instant.parse(T0).minusSeconds(60L * i).toString()),
                    cond("Available", "True", "Available", T0), cond("UpToDate", "True", "UpToDate", T0)));
        }
        machines.add(controlPlaneMachine("cp-x1", cond("Ready", "False", "NotReady", T0)));
        machines.add(controlPlaneMachine("cp-x2", cond("Ready", "False", "NotReady", T0)));
        machines.add(controlPlaneMachine("cp-odd", cond("Ready", "False", "Other", T0)));
        ClusterSnapshot snapshot = snapshot(machines);
        snapshot.withReferenced(ref("controlplane.cluster.x-k8s.io", "KubeadmControlPlane", "cp"),
                provider("KubeadmControlPlane", "cp"));
        snapshot.cluster().raw().put("spec", Map.of("controlPlaneRef",
                Map.of("apiGroup", "controlplane.cluster.x-k8s.io", "kind", "KubeadmControlPlane", "name", "cp")));

        List<DescribeRow> rows = DescribeTable.rows(DescribeTreeBuilder.build(snapshot, DescribeOptions.defaults(),
                NOW), NOW);
        assertThat(rows).extracting(r -> r.prefix() + r.name()).containsExactly("Cluster ns/c1",
                "└─KubeadmControlPlane ns/cp", "  ├─12 Machines...", "  ├─2 Machines...",
                "  └─Machine ns/cp-odd, v1.33.0");
        DescribeRow twelve = rows.get(2);
        assertThat(List.of(twelve.replicas(), twelve.available(), twelve.ready(), twelve.upToDate(), twelve.status(),
                twelve.reason(), twelve.since(), twelve.message()))
                .containsExactly("", "12", "12", "12", "True", "Ready", "72m", "See cp-01, cp-02, ...");
        assertThat(rows.get(3).message()).isEqualTo("See cp-x1, cp-x2");
        assertThat(rows.get(3).available()).isEqualTo("0");

        assertThat(DescribeTable.rows(DescribeTreeBuilder.build(snapshot,
                DescribeOptions.defaults().withGrouping(false), NOW), NOW)).hasSize(2 + 15);
    }

    @Test
    void theTableIsPaddedLikeClusterctls() {
        ClusterSnapshot snapshot = snapshot(List.of(machine("m1", cond("Ready", "False", "NotReady", T0,
                "* line one is here\n* line two is here"))));
        String text = DescribeTable.format(DescribeTable.rows(
                DescribeTreeBuilder.build(snapshot, DescribeOptions.defaults(), NOW), NOW));
        String[] lines = text.split("\n");
        assertThat(lines[0]).startsWith("NAME ").contains(" REPLICAS AVAILABLE READY UP TO DATE STATUS ");
        assertThat(lines).allSatisfy(line -> assertThat(line.codePointCount(0, line.length()))
                .isEqualTo(lines[0].codePointCount(0, lines[0].length())));
        assertThat(lines[4]).contains("False  NotReady  60m   * line one is here");
        assertThat(lines[5]).matches("\\s+\\* line two is here\\s+");
    }

    @Test
    void conditionRowsFollowTheirObjectWithNegativePolarityFilteredWhenNonZero() {
        CapiObject m1 = machine("m1", cond("Ready", "True", "Ready", T0), cond("Paused", "False", "NotPaused", T0),
                cond("Deleting", "True", "Deleting", T0, "drain"));
        List<DescribeRow> rows = DescribeTable.rows(DescribeTreeBuilder.build(snapshot(List.of(m1)),
                DescribeOptions.defaults().withShowConditions("Machine+"), NOW), NOW);
        assertThat(rows).filteredOn(r -> r.kind() == DescribeRow.Kind.CONDITION).extracting(DescribeRow::name)
                .containsExactly("Ready", "Deleting");
        DescribeRow machineRow = rows.stream().filter(r -> r.name().startsWith("Machine")).findFirst().orElseThrow();
        assertThat(machineRow.status()).isEmpty();
        assertThat(machineRow.ready()).isEqualTo("1");
    }

    private static List<String> names(DescribeOptions options, ClusterSnapshot snapshot) {
        return DescribeTable.rows(DescribeTreeBuilder.build(snapshot, options, NOW), NOW).stream()
                .map(r -> r.prefix() + r.name()).toList();
    }

    private static ClusterSnapshot snapshot(List<CapiObject> machines) {
        Map<String, Object> cluster = object("cluster.x-k8s.io/v1beta2", "Cluster", "c1");
        return new ClusterSnapshot(CapiObject.typed(cluster)).withMachines(machines);
    }

    private static ObjectRef ref(String group, String kind, String name) {
        return new ObjectRef(group, kind, "ns", name);
    }

    @SafeVarargs
    private static CapiObject machine(String name, Map<String, Object>... conditions) {
        Map<String, Object> raw = object("cluster.x-k8s.io/v1beta2", "Machine", name);
        raw.put("spec", Map.of("version", "v1.33.0",
                "infrastructureRef", Map.of("apiGroup", "infrastructure.cluster.x-k8s.io", "kind", "DockerMachine",
                        "name", name),
                "bootstrap", Map.of("configRef", Map.of("apiGroup", "bootstrap.cluster.x-k8s.io",
                        "kind", "KubeadmConfig", "name", name))));
        raw.put("status", Map.of("conditions", List.of(conditions)));
        return CapiObject.typed(raw);
    }

    @SafeVarargs
    private static CapiObject controlPlaneMachine(String name, Map<String, Object>... conditions) {
        CapiObject machine = machine(name, conditions);
        ((Map<String, Object>) machine.raw().get("metadata")).put("labels",
                Map.of("cluster.x-k8s.io/control-plane", ""));
        return machine;
    }

    @SafeVarargs
    private static CapiObject provider(String kind, String name, Map<String, Object>... conditions) {
        Map<String, Object> raw = object("x.cluster.x-k8s.io/v1beta2", kind, name);
        if (conditions.length > 0) {
            raw.put("status", Map.of("conditions", List.of(conditions)));
        }
        return CapiObject.unstructured(raw);
    }

    private static Map<String, Object> object(String apiVersion, String kind, String name) {
        Map<String, Object> raw = new LinkedHashMap<>();
        raw.put("apiVersion", apiVersion);
        raw.put("kind", kind);
        raw.put("metadata", new LinkedHashMap<>(Map.of("name", name, "namespace", "ns", "uid", kind + "-" + name)));
        return raw;
    }

    private static Map<String, Object> cond(String type, String status, String reason, String time) {
        return cond(type, status, reason, time, "");
    }

    private static Map<String, Object> cond(String type, String status, String reason, String time, String message) {
        return Map.of("type", type, "status", status, "reason", reason, "lastTransitionTime", time,
                "message", message);
    }
}
