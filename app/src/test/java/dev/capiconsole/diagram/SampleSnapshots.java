package dev.capiconsole.diagram;

import dev.capiconsole.topology.CapiObject;
import dev.capiconsole.topology.ClusterSnapshot;
import dev.capiconsole.topology.ObjectRef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Hand-made snapshots: a Cluster with a KubeadmControlPlane of three Machines, two MachineDeployments (one in the
 * middle of a rollout, with an old and a new MachineSet), a MachinePool with one Machine, a Machine being deleted,
 * and a MachineHealthCheck for the workers.
 */
@SuppressWarnings("unchecked")
public final class SampleSnapshots {

    static final String NS = "ns";
    static final String T0 = "2026-11-26T11:00:00Z";
    private static final String CORE = "cluster.x-k8s.io/v1beta2";

    private SampleSnapshots() {
    }

    public static ClusterSnapshot rollingCluster() {
        CapiObject cluster = typed(object(CORE, "Cluster", "c1", Map.of("cluster.x-k8s.io/cluster-name", "c1"),
                Map.of("infrastructureRef", ref("infrastructure.cluster.x-k8s.io", "DockerCluster", "c1"),
                        "controlPlaneRef", ref("controlplane.cluster.x-k8s.io", "KubeadmControlPlane", "c1-cp"),
                        "topology", Map.of("version", "v1.36.0", "classRef", Map.of("name", "quick-start"))),
                Map.of("phase", "Provisioned", "conditions", List.of(condition("Available", "True")))));
        ClusterSnapshot snapshot = new ClusterSnapshot(cluster);
        provider(snapshot, "infrastructure.cluster.x-k8s.io", "DockerCluster", "c1", "True");
        CapiObject controlPlane = provider(snapshot, "controlplane.cluster.x-k8s.io", "KubeadmControlPlane", "c1-cp",
                "True");
        controlPlane.raw().put("spec", Map.of("replicas", 3, "version", "v1.36.0", "machineTemplate", Map.of("spec",
                Map.of("infrastructureRef", ref("infrastructure.cluster.x-k8s.io", "DockerMachineTemplate",
                        "c1-cp-tmpl")))));
        controlPlane.raw().put("status", Map.of("replicas", 3,
                "conditions", List.of(condition("Available", "True"))));

        List<CapiObject> machines = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            machines.add(machine(snapshot, "c1-cp-" + i, Map.of("cluster.x-k8s.io/control-plane", ""),
                    owner("KubeadmControlPlane", "c1-cp", "controlplane.cluster.x-k8s.io/v1beta2"), "True"));
        }
        CapiObject md0 = typed(object(CORE, "MachineDeployment", "md-0", labels(),
                Map.of("replicas", 2, "template", Map.of("spec", Map.of("version", "v1.36.0",
                        "bootstrap", Map.of("configRef", ref("bootstrap.cluster.x-k8s.io", "KubeadmConfigTemplate",
                                "md-0-boot")),
                        "infrastructureRef", ref("infrastructure.cluster.x-k8s.io", "DockerMachineTemplate",
                                "md-0-infra")))),
                Map.of("replicas", 3, "conditions", List.of(condition("Available", "True")))));
        CapiObject md1 = typed(object(CORE, "MachineDeployment", "md-1", labels(), Map.of("replicas", 1),
                Map.of("replicas", 1, "conditions", List.of(condition("Available", "False")))));
        CapiObject oldSet = machineSet("md-0-old", "md-0");
        CapiObject newSet = machineSet("md-0-new", "md-0");
        CapiObject set1 = machineSet("md-1-a", "md-1");
        machines.add(machine(snapshot, "md-0-old-x", labels(), owner("MachineSet", "md-0-old", CORE), "True"));
        machines.add(machine(snapshot, "md-0-new-y", labels(), owner("MachineSet", "md-0-new", CORE), "False"));
        machines.add(machine(snapshot, "md-0-new-z", labels(), owner("MachineSet", "md-0-new", CORE), "Unknown"));
        CapiObject deleted = machine(snapshot, "md-1-a-gone", labels(), owner("MachineSet", "md-1-a", CORE), "False");
        ((Map<String, Object>) deleted.raw().get("metadata")).put("deletionTimestamp", T0);
        machines.add(deleted);

        CapiObject pool = typed(object(CORE, "MachinePool", "mp-0", labels(), Map.of("replicas", 1,
                "template", Map.of("spec", Map.of("bootstrap", Map.of("configRef",
                                ref("bootstrap.cluster.x-k8s.io", "KubeadmConfig", "mp-0-boot")),
                        "infrastructureRef", ref("infrastructure.cluster.x-k8s.io", "DockerMachinePool", "mp-0")))),
                Map.of()));
        provider(snapshot, "bootstrap.cluster.x-k8s.io", "KubeadmConfig", "mp-0-boot", "True");
        provider(snapshot, "infrastructure.cluster.x-k8s.io", "DockerMachinePool", "mp-0", "True");
        machines.add(machine(snapshot, "mp-0-m", labels(), owner("MachinePool", "mp-0", CORE), "True"));

        CapiObject check = typed(object(CORE, "MachineHealthCheck", "workers", labels(),
                Map.of("clusterName", "c1", "selector", Map.of("matchExpressions", List.of(Map.of(
                        "key", "cluster.x-k8s.io/control-plane", "operator", "DoesNotExist")))),
                Map.of("expectedMachines", 5, "currentHealthy", 3)));
        return snapshot.withMachines(machines).withMachineDeployments(List.of(md0, md1))
                .withMachineSets(List.of(oldSet, newSet, set1)).withMachinePools(List.of(pool))
                .withMachineHealthChecks(List.of(check));
    }

    /** A Cluster whose one MachineSet has {@code count} Machines, every tenth not ready. */
    public static ClusterSnapshot manyMachines(int count) {
        CapiObject cluster = typed(object(CORE, "Cluster", "big", labels(), Map.of(), Map.of()));
        ClusterSnapshot snapshot = new ClusterSnapshot(cluster);
        CapiObject deployment = typed(object(CORE, "MachineDeployment", "md", labels(), Map.of("replicas", count),
                Map.of("replicas", count)));
        List<CapiObject> machines = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            machines.add(machine(snapshot, String.format("md-s-%04d", i), labels(), owner("MachineSet", "md-s", CORE),
                    i % 10 == 0 ? "False" : "True"));
        }
        return snapshot.withMachineDeployments(List.of(deployment)).withMachineSets(List.of(machineSet("md-s", "md")))
                .withMachines(machines);
    }

    private static CapiObject machineSet(String name, String deployment) {
        Map<String, Object> raw = object(CORE, "MachineSet", name, labels(), Map.of("replicas", 1), Map.of());
        ((Map<String, Object>) raw.get("metadata")).put("ownerReferences",
                List.of(owner("MachineDeployment", deployment, CORE)));
        return typed(raw);
    }

    private static CapiObject machine(ClusterSnapshot snapshot, String name, Map<String, Object> labels,
                                      Map<String, Object> owner, String ready) {
        Map<String, Object> all = new LinkedHashMap<>(labels());
        all.putAll(labels);
        Map<String, Object> raw = object(CORE, "Machine", name, all, Map.of("version", "v1.36.0",
                "infrastructureRef", ref("infrastructure.cluster.x-k8s.io", "DockerMachine", name),
                "bootstrap", Map.of("configRef", ref("bootstrap.cluster.x-k8s.io", "KubeadmConfig", name))),
                Map.of("phase", "Running", "conditions", List.of(condition("Ready", ready))));
        ((Map<String, Object>) raw.get("metadata")).put("ownerReferences", List.of(owner));
        provider(snapshot, "infrastructure.cluster.x-k8s.io", "DockerMachine", name, ready);
        provider(snapshot, "bootstrap.cluster.x-k8s.io", "KubeadmConfig", name, "True");
        return typed(raw);
    }

    private static CapiObject provider(ClusterSnapshot snapshot, String group, String kind, String name, String ready) {
        CapiObject object = CapiObject.unstructured(object(group + "/v1beta2", kind, name, Map.of(), Map.of(),
                Map.of("conditions", List.of(condition("Ready", ready)))));
        snapshot.withReferenced(new ObjectRef(group, kind, NS, name), object);
        return object;
    }

    private static CapiObject typed(Map<String, Object> raw) {
        return CapiObject.typed(raw);
    }

    private static Map<String, Object> labels() {
        return Map.of("cluster.x-k8s.io/cluster-name", "c1");
    }

    private static Map<String, Object> owner(String kind, String name, String apiVersion) {
        return Map.of("kind", kind, "name", name, "apiVersion", apiVersion, "controller", true);
    }

    private static Map<String, Object> ref(String group, String kind, String name) {
        return Map.of("apiGroup", group, "kind", kind, "name", name);
    }

    private static Map<String, Object> condition(String type, String status) {
        return Map.of("type", type, "status", status, "reason", status.equals("True") ? type : "Not" + type,
                "lastTransitionTime", T0);
    }

    private static Map<String, Object> object(String apiVersion, String kind, String name, Map<String, Object> labels,
                                              Map<String, Object> spec, Map<String, Object> status) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("name", name);
        metadata.put("namespace", NS);
        metadata.put("labels", labels);
        Map<String, Object> raw = new LinkedHashMap<>();
        raw.put("apiVersion", apiVersion);
        raw.put("kind", kind);
        raw.put("metadata", metadata);
        raw.put("spec", new LinkedHashMap<>(spec));
        raw.put("status", status);
        return raw;
    }
}
