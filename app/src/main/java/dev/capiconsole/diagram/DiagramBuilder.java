package dev.capiconsole.diagram;

import dev.capiconsole.diagram.DiagramEdge.Relation;
import dev.capiconsole.diagram.DiagramNode.Group;
import dev.capiconsole.diagram.DiagramNode.Health;
import dev.capiconsole.diagram.DiagramNode.Role;
import dev.capiconsole.topology.CapiObject;
import dev.capiconsole.topology.ClusterSnapshot;
import dev.capiconsole.topology.Condition;
import dev.capiconsole.topology.HealthChecks;
import dev.capiconsole.topology.ObjectRef;
import dev.capiconsole.topology.StatusRule;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds a Cluster's relationship diagram from a snapshot: the Cluster with its infrastructure cluster, the
 * control plane with its Machines, the workers as MachineDeployment, MachineSet, Machine (and MachinePool), each
 * Machine with its infrastructure machine and bootstrap config; optionally the MachineHealthChecks with the
 * Machines they check, the ClusterResourceSets, the ClusterClass and the templates.
 */
public final class DiagramBuilder {

    private static final String CONTROL_PLANE_LABEL = "cluster.x-k8s.io/control-plane";
    private static final String PAUSED_ANNOTATION = "cluster.x-k8s.io/paused";

    private final ClusterSnapshot snapshot;
    private final DiagramOptions options;
    private final Map<String, DiagramNode> nodes = new LinkedHashMap<>();
    private final List<DiagramEdge> edges = new ArrayList<>();
    private final Set<String> placedMachines = new HashSet<>();
    /** Where each drawn Machine ended up: its own node, or the group node it is counted in. */
    private final Map<String, String> machineNodes = new LinkedHashMap<>();
    private final boolean clusterPaused;

    private DiagramBuilder(ClusterSnapshot snapshot, DiagramOptions options) {
        this.snapshot = snapshot;
        this.options = options;
        this.clusterPaused = Boolean.TRUE.equals(snapshot.cluster().get("spec", "paused"));
    }

    public static Diagram build(ClusterSnapshot snapshot, DiagramOptions options) {
        return new DiagramBuilder(snapshot, options).build();
    }

    private Diagram build() {
        CapiObject cluster = snapshot.cluster();
        String namespace = cluster.namespace();
        String clusterId = add(cluster, Role.CLUSTER, false);
        CapiObject infraCluster = snapshot.resolve(ObjectRef.of(cluster.map("spec", "infrastructureRef"), namespace));
        if (infraCluster != null) {
            link(clusterId, add(infraCluster, Role.INFRASTRUCTURE_CLUSTER, false), Relation.INFRASTRUCTURE);
        }
        CapiObject controlPlane = snapshot.resolve(ObjectRef.of(cluster.map("spec", "controlPlaneRef"), namespace));
        if (controlPlane != null) {
            String controlPlaneId = add(controlPlane, Role.CONTROL_PLANE, true);
            link(clusterId, controlPlaneId, Relation.CONTROL_PLANE);
            if (options.extras()) {
                addControlPlaneTemplate(controlPlaneId, controlPlane);
            }
            addMachines(controlPlaneId, snapshot.machines().stream()
                    .filter(m -> m.labels().containsKey(CONTROL_PLANE_LABEL)).toList());
        }
        for (CapiObject deployment : snapshot.machineDeployments()) {
            String deploymentId = add(deployment, Role.MACHINE_DEPLOYMENT, false);
            link(clusterId, deploymentId, Relation.OWNS);
            if (options.extras()) {
                Map<String, Object> template = deployment.map("spec", "template", "spec");
                addTemplate(deploymentId, ObjectRef.of(asMap(template.get("bootstrap"), "configRef"), namespace));
                addTemplate(deploymentId, ObjectRef.of(asMap(template, "infrastructureRef"), namespace));
            }
            for (CapiObject machineSet : snapshot.machineSets()) {
                if (machineSet.controlledBy("MachineDeployment", deployment.name())) {
                    addMachineSet(deploymentId, machineSet);
                }
            }
        }
        for (CapiObject machineSet : snapshot.machineSets()) {
            if (!nodes.containsKey(idOf(machineSet))) {
                addMachineSet(clusterId, machineSet);
            }
        }
        for (CapiObject pool : snapshot.machinePools()) {
            addMachinePool(clusterId, pool);
        }
        addMachines(clusterId, snapshot.machines().stream().filter(m -> !placedMachines.contains(m.name())).toList());
        if (options.extras()) {
            addClusterClass(clusterId, cluster);
            addResourceSets(clusterId);
            snapshot.machineHealthChecks().forEach(this::addHealthCheck);
        }
        return new Diagram(List.copyOf(nodes.values()), edges);
    }

    private void addMachineSet(String ownerId, CapiObject machineSet) {
        String machineSetId = add(machineSet, Role.MACHINE_SET, false);
        link(ownerId, machineSetId, Relation.OWNS);
        addMachines(machineSetId, snapshot.machines().stream()
                .filter(m -> m.controlledBy("MachineSet", machineSet.name())).toList());
    }

    private void addMachinePool(String clusterId, CapiObject pool) {
        String poolId = add(pool, Role.MACHINE_POOL, false);
        link(clusterId, poolId, Relation.OWNS);
        String namespace = pool.namespace();
        Map<String, Object> template = pool.map("spec", "template", "spec");
        CapiObject infra = snapshot.resolve(ObjectRef.of(asMap(template, "infrastructureRef"), namespace));
        if (infra != null) {
            link(poolId, add(infra, Role.INFRASTRUCTURE_MACHINE, false), Relation.INFRASTRUCTURE);
        }
        CapiObject bootstrap = snapshot.resolve(ObjectRef.of(asMap(template.get("bootstrap"), "configRef"),
                namespace));
        if (bootstrap != null) {
            link(poolId, add(bootstrap, Role.BOOTSTRAP_CONFIG, false), Relation.BOOTSTRAP);
        }
        addMachines(poolId, snapshot.machines().stream().filter(m -> m.controlledBy("MachinePool", pool.name()))
                .toList());
    }

    private void addMachines(String ownerId, List<CapiObject> machines) {
        machines.forEach(m -> placedMachines.add(m.name()));
        if (machines.isEmpty()) {
            return;
        }
        if (machines.size() > options.groupAbove() && !options.expanded().contains(ownerId)) {
            addGroup(ownerId, machines);
            return;
        }
        for (CapiObject machine : machines) {
            String machineId = add(machine, Role.MACHINE, false);
            machineNodes.put(machine.name(), machineId);
            link(ownerId, machineId, Relation.OWNS);
            String namespace = machine.namespace();
            CapiObject infra = snapshot.resolve(ObjectRef.of(machine.map("spec", "infrastructureRef"), namespace));
            if (infra != null) {
                link(machineId, add(infra, Role.INFRASTRUCTURE_MACHINE, false), Relation.INFRASTRUCTURE);
            }
            CapiObject bootstrap = snapshot.resolve(ObjectRef.of(machine.map("spec", "bootstrap", "configRef"),
                    namespace));
            if (bootstrap != null) {
                link(machineId, add(bootstrap, Role.BOOTSTRAP_CONFIG, false), Relation.BOOTSTRAP);
            }
        }
    }

    private void addGroup(String ownerId, List<CapiObject> machines) {
        String groupId = ownerId + "#Machines";
        int ready = 0;
        int notReady = 0;
        int deleting = 0;
        List<String> members = new ArrayList<>();
        for (CapiObject machine : machines) {
            members.add(machine.name());
            machineNodes.put(machine.name(), groupId);
            Condition condition = machine.condition("Ready");
            if (condition != null && condition.isTrue()) {
                ready++;
            } else if (condition != null && "False".equals(condition.status())) {
                notReady++;
            }
            if (machine.deleting()) {
                deleting++;
            }
        }
        Health health = ready == machines.size() ? Health.GOOD : notReady > 0 ? Health.BAD : Health.UNKNOWN;
        String detail = ready + " ready, " + (machines.size() - ready) + " not" + (deleting > 0 ? ", "
                + deleting + " deleting" : "");
        CapiObject first = machines.get(0);
        nodes.put(groupId, new DiagramNode(groupId, Role.MACHINE_GROUP, "Machine", first.namespace(), "",
                detail, health, "", false, clusterPaused, new Group(members, ready, deleting)));
        link(ownerId, groupId, Relation.OWNS);
    }

    private void addControlPlaneTemplate(String controlPlaneId, CapiObject controlPlane) {
        Map<String, Object> ref = controlPlane.map("spec", "machineTemplate", "spec", "infrastructureRef");
        if (ref.isEmpty()) {
            ref = controlPlane.map("spec", "machineTemplate", "infrastructureRef"); // a v1beta1 control plane
        }
        addTemplate(controlPlaneId, ObjectRef.of(ref, controlPlane.namespace()));
    }

    private void addTemplate(String ownerId, ObjectRef ref) {
        if (ref != null && !ref.kind().isEmpty()) {
            link(ownerId, reference(Role.TEMPLATE, ref.kind(), ref.namespace(), ref.name()), Relation.TEMPLATE);
        }
    }

    private void addClusterClass(String clusterId, CapiObject cluster) {
        Map<String, Object> classRef = cluster.map("spec", "topology", "classRef");
        if (classRef.get("name") instanceof String name && !name.isEmpty()) {
            String namespace = classRef.get("namespace") instanceof String ns && !ns.isEmpty() ? ns
                    : cluster.namespace();
            link(clusterId, reference(Role.CLUSTER_CLASS, "ClusterClass", namespace, name), Relation.CLASS);
        }
    }

    private void addResourceSets(String clusterId) {
        CapiObject binding = snapshot.resourceSetBinding();
        if (binding != null && binding.get("spec", "bindings") instanceof List<?> bindings) {
            for (Object entry : bindings) {
                if (entry instanceof Map<?, ?> map && map.get("clusterResourceSetName") instanceof String name) {
                    link(clusterId, reference(Role.RESOURCE_SET, "ClusterResourceSet", binding.namespace(), name),
                            Relation.RESOURCE_SET);
                }
            }
        }
    }

    private void addHealthCheck(CapiObject check) {
        String checkId = add(check, Role.MACHINE_HEALTH_CHECK, false);
        Set<String> targets = new LinkedHashSet<>();
        for (CapiObject machine : snapshot.machines()) {
            String target = machineNodes.get(machine.name());
            if (target != null && HealthChecks.selects(check, machine)) {
                targets.add(target);
            }
        }
        targets.forEach(target -> link(checkId, target, Relation.HEALTH_CHECKS));
    }

    private String add(CapiObject object, Role role, boolean controlPlane) {
        String id = idOf(object);
        Condition deciding = StatusRule.condition(object, controlPlane, object::condition);
        boolean paused = clusterPaused || object.annotations().containsKey(PAUSED_ANNOTATION)
                || isTrue(object.condition("Paused"));
        nodes.putIfAbsent(id, new DiagramNode(id, role, object.kind(), object.namespace(), object.name(),
                NodeDetails.of(role, object), health(deciding), reason(deciding), object.deleting(), paused, null));
        return id;
    }

    private String reference(Role role, String kind, String namespace, String name) {
        String id = DiagramNode.id(kind, namespace, name);
        nodes.putIfAbsent(id, new DiagramNode(id, role, kind, namespace, name, "", Health.NONE, "", false, false,
                null));
        return id;
    }

    private void link(String from, String to, Relation relation) {
        DiagramEdge edge = new DiagramEdge(from, to, relation);
        if (!edges.contains(edge)) {
            edges.add(edge);
        }
    }

    private static String idOf(CapiObject object) {
        return DiagramNode.id(object.kind(), object.namespace(), object.name());
    }

    static Health health(Condition condition) {
        if (condition == null || condition.status().isEmpty()) {
            return Health.NONE;
        }
        if ("Unknown".equals(condition.status())) {
            return Health.UNKNOWN;
        }
        boolean good = condition.negativePolarity() ? "False".equals(condition.status()) : condition.isTrue();
        return good ? Health.GOOD : Health.BAD;
    }

    private static String reason(Condition condition) {
        if (condition == null) {
            return "";
        }
        String text = condition.type() + " " + condition.status()
                + (condition.reason().isEmpty() ? "" : ": " + condition.reason());
        return condition.message().isEmpty() ? text : text + "\n" + condition.message().strip();
    }

    private static boolean isTrue(Condition condition) {
        return condition != null && condition.isTrue();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object parent, String key) {
        return parent instanceof Map<?, ?> map && map.get(key) instanceof Map<?, ?> child
                ? (Map<String, Object>) child : Map.of();
    }
}
