package dev.capiconsole.topology;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds the tree {@code clusterctl describe cluster} shows, with its rules: what goes under the control plane
 * and the workers, echo suppression of a Machine's provider objects, grouping of alike Machines, the virtual
 * Workers / Other / Templates / ClusterResourceSets nodes, and which nodes list their conditions. With our
 * {@code showMachineHealthChecks}, a MachineHealthChecks node lists the Cluster's checks and each Machine gets a row
 * per check that selects it.
 */
public final class DescribeTreeBuilder {

    private static final String CONTROL_PLANE_LABEL = "cluster.x-k8s.io/control-plane";

    private final ClusterSnapshot snapshot;
    private final DescribeOptions options;
    private final Instant now;
    private final Set<String> placedMachines = new HashSet<>();

    private DescribeTreeBuilder(ClusterSnapshot snapshot, DescribeOptions options, Instant now) {
        this.snapshot = snapshot;
        this.options = options;
        this.now = now;
    }

    public static TreeNode build(ClusterSnapshot snapshot, DescribeOptions options, Instant now) {
        return new DescribeTreeBuilder(snapshot, options, now).build();
    }

    private TreeNode build() {
        CapiObject cluster = snapshot.cluster();
        String namespace = cluster.namespace();
        TreeNode root = TreeNode.object(cluster);
        root.setV1Beta1(options.v1beta1());
        root.setConditionFilter(ConditionFilters.match(options.showConditions(), root));

        CapiObject infraCluster = snapshot.resolve(ObjectRef.of(cluster.map("spec", "infrastructureRef"), namespace));
        if (infraCluster != null) {
            add(root, TreeNode.object(infraCluster), false, false);
        }

        if (options.showResourceSets() && snapshot.resourceSetBinding() != null) {
            TreeNode sets = TreeNode.virtual("ClusterResourceSetGroup", namespace, "ClusterResourceSets");
            add(root, sets, false, false);
            if (snapshot.resourceSetBinding().get("spec", "bindings") instanceof List<?> bindings) {
                for (Object binding : bindings) {
                    if (binding instanceof Map<?, ?> map) {
                        add(sets, TreeNode.reference("ClusterResourceSet", namespace,
                                String.valueOf(map.get("clusterResourceSetName"))), false, false);
                    }
                }
            }
        }

        ObjectRef controlPlaneRef = ObjectRef.of(cluster.map("spec", "controlPlaneRef"), namespace);
        CapiObject controlPlaneObject = snapshot.resolve(controlPlaneRef);
        TreeNode controlPlane = null;
        if (controlPlaneObject != null) {
            controlPlane = TreeNode.object(controlPlaneObject);
            controlPlane.markControlPlane(snapshot.contract(controlPlaneRef.apiGroup(), controlPlaneRef.kind()));
            add(root, controlPlane, false, options.grouping());
            if (options.showTemplates()) {
                addControlPlaneTemplate(controlPlane, controlPlaneObject);
            }
        }

        if (options.showMachineHealthChecks() && !snapshot.machineHealthChecks().isEmpty()) {
            TreeNode checks = TreeNode.virtual("MachineHealthCheckGroup", namespace, "MachineHealthChecks");
            add(root, checks, false, false);
            for (CapiObject check : snapshot.machineHealthChecks()) {
                add(checks, TreeNode.object(check), false, false);
            }
        }

        List<CapiObject> machines = snapshot.machines();
        List<CapiObject> controlPlaneMachines = machines.stream()
                .filter(m -> m.labels().containsKey(CONTROL_PLANE_LABEL)).toList();
        if (controlPlane != null) {
            for (CapiObject machine : controlPlaneMachines) {
                addMachine(controlPlane, machine);
            }
        }

        boolean hasWorkerMachines = machines.size() != controlPlaneMachines.size();
        TreeNode workers = TreeNode.virtual("WorkerGroup", namespace, "Workers");
        if (hasWorkerMachines || !snapshot.machinePools().isEmpty()) {
            add(root, workers, false, false);
        }
        if (hasWorkerMachines) {
            addMachineDeployments(workers);
        }
        addMachinePools(workers);

        List<CapiObject> unplaced = machines.stream().filter(m -> !placedMachines.contains(m.name())).toList();
        if (!unplaced.isEmpty()) {
            // Like clusterctl, Other hangs under Workers even when Workers itself was not shown.
            TreeNode other = TreeNode.virtual("OtherGroup", namespace, "Other");
            add(workers, other, false, false);
            for (CapiObject machine : unplaced) {
                addMachine(other, machine);
            }
        }
        return root;
    }

    private void addControlPlaneTemplate(TreeNode controlPlane, CapiObject object) {
        String kind;
        String name;
        String namespace;
        if ("v1beta1".equals(controlPlane.controlPlaneContract())) {
            Map<String, Object> ref = object.map("spec", "machineTemplate", "infrastructureRef");
            if (!(ref.get("kind") instanceof String k) || !(ref.get("name") instanceof String n)
                    || !(ref.get("namespace") instanceof String ns) || !(ref.get("apiVersion") instanceof String)) {
                return;
            }
            kind = k;
            name = n;
            namespace = ns;
        } else {
            Map<String, Object> ref = object.map("spec", "machineTemplate", "spec", "infrastructureRef");
            if (!(ref.get("kind") instanceof String k) || !(ref.get("name") instanceof String n)) {
                return;
            }
            kind = k;
            name = n;
            namespace = object.namespace();
        }
        TreeNode templates = templatesNode(controlPlane);
        add(templates, TreeNode.reference(kind, namespace, name), false, false);
    }

    private TreeNode templatesNode(TreeNode owner) {
        TreeNode templates = TreeNode.virtual("TemplateGroup", owner.namespace(), owner.name());
        templates.setZOrder(1);
        add(owner, templates, false, false);
        return templates;
    }

    private void addMachineDeployments(TreeNode workers) {
        for (CapiObject deployment : snapshot.machineDeployments()) {
            TreeNode node = TreeNode.object(deployment);
            add(workers, node, false, !options.showMachineSets() && options.grouping());
            if (options.showTemplates()) {
                TreeNode templates = templatesNode(node);
                String namespace = deployment.namespace();
                ObjectRef bootstrap = ObjectRef.of(deployment.map("spec", "template", "spec", "bootstrap", "configRef"),
                        namespace);
                if (bootstrap != null) {
                    add(templates, TreeNode.reference(bootstrap.kind(), namespace, bootstrap.name()), false, false);
                }
                Map<String, Object> infra = deployment.map("spec", "template", "spec", "infrastructureRef");
                add(templates, TreeNode.reference(String.valueOf(infra.getOrDefault("kind", "")), namespace,
                        String.valueOf(infra.getOrDefault("name", ""))), false, false);
            }
            for (CapiObject machineSet : snapshot.machineSets()) {
                if (!machineSet.controlledBy("MachineDeployment", deployment.name())) {
                    continue;
                }
                TreeNode parent = node;
                if (options.showMachineSets()) {
                    parent = TreeNode.object(machineSet);
                    add(node, parent, false, options.grouping());
                }
                for (CapiObject machine : snapshot.machines()) {
                    if (machine.controlledBy("MachineSet", machineSet.name())) {
                        addMachine(parent, machine);
                    }
                }
            }
        }
    }

    private void addMachinePools(TreeNode workers) {
        for (CapiObject pool : snapshot.machinePools()) {
            TreeNode node = TreeNode.object(pool);
            add(workers, node, false, options.grouping());
            String namespace = pool.namespace();
            CapiObject bootstrap = snapshot.resolve(
                    ObjectRef.of(pool.map("spec", "template", "spec", "bootstrap", "configRef"), namespace));
            if (bootstrap != null) {
                add(node, TreeNode.object(bootstrap), true, false);
            }
            CapiObject infra = snapshot.resolve(
                    ObjectRef.of(pool.map("spec", "template", "spec", "infrastructureRef"), namespace));
            if (infra != null) {
                add(node, TreeNode.object(infra), true, false);
            }
            for (CapiObject machine : snapshot.machines()) {
                if (machine.controlledBy("MachinePool", pool.name())) {
                    addMachine(node, machine);
                }
            }
        }
    }

    private void addMachine(TreeNode parent, CapiObject machine) {
        placedMachines.add(machine.name());
        if (!add(parent, TreeNode.object(machine), false, false)) {
            return;
        }
        TreeNode machineNode = parent.children().get(parent.children().size() - 1);
        String namespace = machine.namespace();
        CapiObject infra = snapshot.resolve(ObjectRef.of(machine.map("spec", "infrastructureRef"), namespace));
        if (infra != null) {
            add(machineNode, TreeNode.object(infra), true, false);
        }
        CapiObject bootstrap = snapshot.resolve(ObjectRef.of(machine.map("spec", "bootstrap", "configRef"), namespace));
        if (bootstrap != null) {
            add(machineNode, TreeNode.object(bootstrap), true, false);
        }
        if (options.showMachineHealthChecks()) {
            for (CapiObject check : HealthChecks.selecting(snapshot.machineHealthChecks(), machine)) {
                add(machineNode, TreeNode.check(check.name(), machine), false, false);
            }
        }
    }

    /** Adds {@code node} under {@code parent}; false when it was hidden as an echo or merged into a group. */
    private boolean add(TreeNode parent, TreeNode node, boolean noEcho, boolean groupingParent) {
        node.setV1Beta1(options.v1beta1());
        node.setConditionFilter(ConditionFilters.match(options.showConditions(), node));
        if (noEcho && !options.echo()) {
            Condition ready = node.condition("Ready");
            Condition parentReady = parent.condition("Ready");
            if ((ready != null && ready.isTrue()) || (options.v1beta1()
                    ? Condition.sameStatusSeverityAndReason(parentReady, ready)
                    : Condition.sameStatusAndReason(parentReady, ready))) {
                return false;
            }
        }
        if (parent.groupingParent() && joinGroup(parent, node)) {
            return false;
        }
        node.setGroupingParent(groupingParent);
        parent.addChild(node);
        return true;
    }

    private boolean joinGroup(TreeNode parent, TreeNode node) {
        List<TreeNode> siblings = new ArrayList<>(parent.children());
        siblings.sort(Comparator.comparing(TreeNode::kind));
        for (TreeNode sibling : siblings) {
            if (!sameGroupingKey(sibling, node)) {
                continue;
            }
            if (sibling.shape() == TreeNode.Shape.GROUP) {
                if (sibling.kind().equals(node.kind() + "Group")) {
                    updateGroup(sibling, node);
                    return true;
                }
                continue;
            }
            if (!sibling.kind().equals(node.kind()) || sibling.shape() != TreeNode.Shape.OBJECT) {
                continue;
            }
            parent.addChild(createGroup(sibling, node));
            parent.removeChild(sibling);
            return true;
        }
        return false;
    }

    private boolean sameGroupingKey(TreeNode a, TreeNode b) {
        if (options.v1beta1()) {
            return Condition.sameStatusSeverityAndReason(a.condition("Ready"), b.condition("Ready"));
        }
        // With health checks shown, a Machine whose check result differs keeps its own row (and its check rows).
        return Condition.sameStatusAndReason(a.condition("Available"), b.condition("Available"))
                && Condition.sameStatusAndReason(a.condition("Ready"), b.condition("Ready"))
                && Condition.sameStatusAndReason(a.upToDateForGrouping(), b.upToDateForGrouping())
                && (!options.showMachineHealthChecks()
                        || Condition.sameStatusAndReason(healthCheckForGrouping(a), healthCheckForGrouping(b)));
    }

    private static Condition healthCheckForGrouping(TreeNode node) {
        return node.shape() == TreeNode.Shape.GROUP ? node.groupHealthCheck() : node.condition("HealthCheckSucceeded");
    }

    private TreeNode createGroup(TreeNode sibling, TreeNode node) {
        Condition available = node.condition("Available");
        Condition ready = node.condition("Ready");
        Condition upToDate = node.upToDateForGrouping();
        TreeNode group = TreeNode.group(node.kind(), node.namespace());
        group.setV1Beta1(options.v1beta1());
        group.setGroupHealthCheck(node.condition("HealthCheckSucceeded"));
        Condition groupReady = null;
        if (ready != null && options.v1beta1()) {
            // A missing time is Go's zero time, the oldest of all, and then the group shows "now".
            Instant siblingTime = sibling.condition("Ready") == null ? null
                    : sibling.condition("Ready").lastTransitionTime();
            Instant oldest = ready.lastTransitionTime() == null || siblingTime == null ? null
                    : older(ready.lastTransitionTime(), siblingTime);
            groupReady = ready.withoutMessage().withLastTransitionTime(
                    oldest == null ? now.truncatedTo(ChronoUnit.SECONDS) : oldest);
        } else if (ready != null) {
            Instant oldest = older(ready.lastTransitionTime(),
                    sibling.condition("Ready") == null ? null : sibling.condition("Ready").lastTransitionTime());
            groupReady = ready.withoutMessage().withLastTransitionTime(
                    oldest == null ? now : oldest.truncatedTo(ChronoUnit.SECONDS));
        }
        group.setGroup(List.of(node.name(), sibling.name()),
                available != null && available.isTrue() ? 2 : 0,
                ready != null && ready.isTrue() ? 2 : 0,
                upToDate != null && upToDate.isTrue() ? 2 : 0,
                available == null ? null : available.withoutMessage(),
                groupReady,
                upToDate == null ? null : upToDate.withoutMessage());
        return group;
    }

    private void updateGroup(TreeNode group, TreeNode node) {
        List<String> items = new ArrayList<>(group.groupItems());
        items.add(node.name());
        Condition ready = node.condition("Ready");
        Condition groupReady = group.groupReadyCondition();
        // In v1beta1 mode clusterctl keeps the time of the group's first two members.
        if (groupReady != null && ready != null && !options.v1beta1()) {
            Instant oldest = older(ready.lastTransitionTime(), groupReady.lastTransitionTime());
            if (oldest != null) {
                groupReady = groupReady.withLastTransitionTime(oldest.truncatedTo(ChronoUnit.SECONDS));
            }
        }
        Condition available = node.condition("Available");
        Condition upToDate = node.upToDateForGrouping();
        group.setGroup(items,
                group.groupAvailable() + (available != null && available.isTrue() ? 1 : 0),
                group.groupReady() + (ready != null && ready.isTrue() ? 1 : 0),
                group.groupUpToDate() + (upToDate != null && upToDate.isTrue() ? 1 : 0),
                group.groupAvailableCondition(), groupReady, group.groupUpToDateCondition());
    }

    private static Instant older(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return a.isBefore(b) ? a : b;
    }
}
