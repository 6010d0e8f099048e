package dev.capiconsole.upgradeplan;

import dev.capiconsole.clusterclass.ClusterClassModel;
import dev.capiconsole.clusterclass.ClusterClasses;
import dev.capiconsole.topology.ApiObjectSource;
import dev.capiconsole.topology.CapiObject;
import dev.capiconsole.topology.ClusterSnapshot;
import dev.capiconsole.topology.ObjectRef;
import dev.capiconsole.topology.SnapshotReader;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What an upgrade plan and its progress are read from: a topology Cluster, its control plane, MachineDeployments,
 * MachinePools and Machines (a snapshot, from the window's informers or read once), and its class's Kubernetes
 * versions.
 */
public record UpgradeState(CapiObject cluster, CapiObject controlPlane, List<CapiObject> machineDeployments,
                           List<CapiObject> machinePools, List<CapiObject> machines, List<String> classVersions) {

    static final String DEFER_UPGRADE = "topology.cluster.x-k8s.io/defer-upgrade";
    static final String HOLD_UPGRADE_SEQUENCE = "topology.cluster.x-k8s.io/hold-upgrade-sequence";
    static final String DEPLOYMENT_TOPOLOGY_NAME = "topology.cluster.x-k8s.io/deployment-name";
    static final String POOL_TOPOLOGY_NAME = "topology.cluster.x-k8s.io/pool-name";
    static final String CONTROL_PLANE_LABEL = "cluster.x-k8s.io/control-plane";

    public UpgradeState {
        machineDeployments = List.copyOf(machineDeployments);
        machinePools = List.copyOf(machinePools);
        machines = List.copyOf(machines);
        classVersions = List.copyOf(classVersions);
    }

    /** From a snapshot the window already built; the class's versions are read separately (they rarely change). */
    public static UpgradeState of(ClusterSnapshot snapshot, List<String> classVersions) {
        CapiObject cluster = snapshot.cluster();
        CapiObject controlPlane = snapshot.resolve(ObjectRef.of(cluster.map("spec", "controlPlaneRef"),
                cluster.namespace()));
        return new UpgradeState(cluster, controlPlane, snapshot.machineDeployments(), snapshot.machinePools(),
                snapshot.machines(), classVersions);
    }

    /** Reads the Cluster and its objects once (the CLI, tests). */
    public static UpgradeState read(KubernetesClient client, String namespace, String name) {
        ClusterSnapshot snapshot = new SnapshotReader(new ApiObjectSource(client)).read(namespace, name);
        return of(snapshot, classVersions(client, snapshot.cluster()));
    }

    /** The Kubernetes versions of the Cluster's ClusterClass (none when it has no class or the class lists none). */
    public static List<String> classVersions(KubernetesClient client, CapiObject cluster) {
        String className = className(cluster);
        if (className.isEmpty()) {
            return List.of();
        }
        String classNamespace = cluster.text("spec", "topology", "classRef", "namespace");
        return new ClusterClasses(client).get(classNamespace.isEmpty() ? cluster.namespace() : classNamespace,
                className).map(ClusterClassModel::kubernetesVersions).orElse(List.of());
    }

    /** The class name of a topology Cluster (v1beta2 {@code classRef.name}, v1beta1 {@code class}). */
    public static String className(CapiObject cluster) {
        String name = cluster.text("spec", "topology", "classRef", "name");
        return name.isEmpty() ? cluster.text("spec", "topology", "class") : name;
    }

    public boolean topology() {
        return cluster.get("spec", "topology") instanceof Map<?, ?> t && !t.isEmpty();
    }

    public String topologyVersion() {
        return cluster.text("spec", "topology", "version");
    }

    /** The control plane's declared version, else the topology's (before the control plane exists). */
    public String controlPlaneVersion() {
        String declared = controlPlane == null ? "" : controlPlane.text("spec", "version");
        return declared.isEmpty() ? topologyVersion() : declared;
    }

    /** The topology's worker groups in their list order, with the versions their objects declare. */
    public List<WorkerGroup> workers() {
        List<WorkerGroup> groups = new ArrayList<>();
        addWorkers(groups, "machineDeployments", PlanStep.Target.MACHINE_DEPLOYMENT);
        addWorkers(groups, "machinePools", PlanStep.Target.MACHINE_POOL);
        return groups;
    }

    private void addWorkers(List<WorkerGroup> groups, String list, PlanStep.Target kind) {
        if (!(cluster.get("spec", "topology", "workers", list) instanceof List<?> items)) {
            return;
        }
        for (Object entry : items) {
            if (entry instanceof Map<?, ?> item) {
                String name = String.valueOf(item.get("name"));
                Map<?, ?> annotations = item.get("metadata") instanceof Map<?, ?> m
                        && m.get("annotations") instanceof Map<?, ?> a ? a : Map.of();
                CapiObject object = workerObject(kind, name);
                String version = object == null ? "" : object.text("spec", "template", "spec", "version");
                groups.add(new WorkerGroup(kind, name, version, annotations.containsKey(DEFER_UPGRADE),
                        annotations.containsKey(HOLD_UPGRADE_SEQUENCE)));
            }
        }
    }

    /** The MachineDeployment or MachinePool the topology controller made for a worker of the topology. */
    public CapiObject workerObject(PlanStep.Target kind, String topologyName) {
        boolean deployment = kind == PlanStep.Target.MACHINE_DEPLOYMENT;
        String label = deployment ? DEPLOYMENT_TOPOLOGY_NAME : POOL_TOPOLOGY_NAME;
        return (deployment ? machineDeployments : machinePools).stream()
                .filter(o -> topologyName.equals(o.labels().get(label)) && !o.deleting()).findFirst().orElse(null);
    }

    /** The plan from the declared versions to {@code target}. */
    public UpgradePlan plan(String target) {
        return UpgradePlanner.plan(classVersions, target, controlPlaneVersion(), workers());
    }

    /**
     * The plan of the upgrade to the topology's version as it was when it started: from the oldest version the
     * control plane's machines or a worker still has, every worker group counted from there too (workers lag
     * behind the control plane, so the steps done already stay in the plan, shown as done).
     */
    public UpgradePlan runningPlan() {
        String origin = controlPlaneVersion();
        for (String version : oldVersions()) {
            if (!version.isEmpty() && !UpgradeProgress.atLeast(version, origin)) {
                origin = version;
            }
        }
        String start = origin;
        List<WorkerGroup> fromOrigin = workers().stream().map(w -> w.version().isEmpty() ? w
                : new WorkerGroup(w.kind(), w.name(), start, w.deferUpgrade(), w.holdUpgradeSequence())).toList();
        return UpgradePlanner.plan(classVersions, topologyVersion(), origin, fromOrigin);
    }

    private List<String> oldVersions() {
        List<String> versions = new ArrayList<>();
        machines.stream().filter(m -> m.labels().containsKey(CONTROL_PLANE_LABEL))
                .forEach(m -> versions.add(m.text("spec", "version")));
        workers().forEach(w -> versions.add(w.version()));
        return versions;
    }
}
