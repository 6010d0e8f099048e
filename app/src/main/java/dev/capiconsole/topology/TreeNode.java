package dev.capiconsole.topology;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * A node of the describe tree: a Cluster API object, a provider object, a reference that is shown but not read,
 * a virtual node (Workers, Other, Templates, ClusterResourceSets, MachineHealthChecks), a group of alike Machines,
 * or a Machine's result of one MachineHealthCheck (its HealthCheckSucceeded and OwnerRemediated conditions).
 */
public final class TreeNode {

    /** What kind of node this is, which decides how its row is filled. */
    public enum Shape { OBJECT, REFERENCE, VIRTUAL, GROUP, CHECK }

    /** The kind of a {@link Shape#CHECK} node. */
    public static final String CHECK_KIND = "MachineHealthCheckResult";
    private static final Set<String> CHECK_CONDITIONS = Set.of("HealthCheckSucceeded",
            "OwnerRemediated");

    /** How the node's conditions are listed with --show-conditions. */
    public enum ConditionFilter { ALL, NON_ZERO }

    private final Shape shape;
    private final String kind;
    private final String namespace;
    private final String name;
    private final CapiObject object;
    private CapiObject checkedMachine;
    private final List<TreeNode> children = new ArrayList<>();
    private TreeNode parent;
    private int zOrder;
    private boolean groupingParent;
    private boolean controlPlane;
    private String controlPlaneContract = "v1beta2";
    private ConditionFilter conditionFilter;
    private boolean v1beta1;
    private final List<String> groupItems = new ArrayList<>();
    private int groupAvailable;
    private int groupReady;
    private int groupUpToDate;
    private Condition groupAvailableCondition;
    private Condition groupReadyCondition;
    private Condition groupUpToDateCondition;
    private Condition groupHealthCheck;

    private TreeNode(Shape shape, String kind, String namespace, String name, CapiObject object) {
        this.shape = shape;
        this.kind = kind;
        this.namespace = namespace;
        this.name = name;
        this.object = object;
    }

    static TreeNode object(CapiObject object) {
        return new TreeNode(Shape.OBJECT, object.kind(), object.namespace(), object.name(), object);
    }

    static TreeNode reference(String kind, String namespace, String name) {
        return new TreeNode(Shape.REFERENCE, kind, namespace, name, null);
    }

    static TreeNode virtual(String kind, String namespace, String name) {
        return new TreeNode(Shape.VIRTUAL, kind, namespace, name, null);
    }

    /** The result of MachineHealthCheck {@code checkName} on {@code machine}. */
    static TreeNode check(String checkName, CapiObject machine) {
        TreeNode node = new TreeNode(Shape.CHECK, CHECK_KIND, machine.namespace(), checkName, null);
        node.checkedMachine = machine;
        return node;
    }

    static TreeNode group(String memberKind, String namespace) {
        return new TreeNode(Shape.GROUP, memberKind + "Group", namespace, "", null);
    }

    public Shape shape() {
        return shape;
    }

    public String kind() {
        return kind;
    }

    public String namespace() {
        return namespace;
    }

    public String name() {
        return name;
    }

    /** The object behind the node; null for references, virtual nodes and groups. */
    public CapiObject object() {
        return object;
    }

    public List<TreeNode> children() {
        return Collections.unmodifiableList(children);
    }

    public TreeNode parent() {
        return parent;
    }

    public int zOrder() {
        return zOrder;
    }

    public boolean isControlPlane() {
        return controlPlane;
    }

    public String controlPlaneContract() {
        return controlPlaneContract;
    }

    public ConditionFilter conditionFilter() {
        return conditionFilter;
    }

    /** For a {@link Shape#CHECK} node: the Machine checked; else null. */
    public CapiObject checkedMachine() {
        return checkedMachine;
    }

    /** For a group: the names of its members, sorted. */
    public List<String> groupItems() {
        return Collections.unmodifiableList(groupItems);
    }

    public int groupAvailable() {
        return groupAvailable;
    }

    public int groupReady() {
        return groupReady;
    }

    public int groupUpToDate() {
        return groupUpToDate;
    }

    /** Whether the node shows deprecated v1beta1 conditions ({@code --v1beta2=false}). */
    public boolean v1beta1() {
        return v1beta1;
    }

    void setV1Beta1(boolean value) {
        v1beta1 = value;
    }

    /**
     * The conditions that describe the node: the object's own (v1beta2, or the deprecated v1beta1 ones in v1beta1
     * mode), the synthesized ones of a group, or a check's conditions on its Machine.
     */
    public List<Condition> conditions() {
        if (shape == Shape.CHECK) {
            return (v1beta1 ? checkedMachine.v1beta1Conditions() : checkedMachine.conditions()).stream()
                    .filter(c -> CHECK_CONDITIONS.contains(c.type())).toList();
        }
        if (shape == Shape.GROUP && v1beta1) {
            return groupReadyCondition == null ? List.of() : List.of(groupReadyCondition);
        }
        if (object != null && v1beta1) {
            return object.v1beta1Conditions();
        }
        if (shape == Shape.GROUP) {
            List<Condition> list = new ArrayList<>();
            for (Condition c : new Condition[] {groupAvailableCondition, groupReadyCondition, groupUpToDateCondition}) {
                if (c != null) {
                    list.add(c);
                }
            }
            return list;
        }
        return object == null ? List.of() : object.conditions();
    }

    public Condition condition(String type) {
        return conditions().stream().filter(c -> c.type().equals(type)).findFirst().orElse(null);
    }

    /** The UpToDate condition as clusterctl's grouping reads it: never for provider (unstructured) objects. */
    Condition upToDateForGrouping() {
        return object != null && !object.isTyped() ? null : condition("UpToDate");
    }

    boolean groupingParent() {
        return groupingParent;
    }

    void setGroupingParent(boolean value) {
        groupingParent = value;
    }

    void setZOrder(int value) {
        zOrder = value;
    }

    void markControlPlane(String contract) {
        controlPlane = true;
        controlPlaneContract = contract;
    }

    void setConditionFilter(ConditionFilter filter) {
        conditionFilter = filter;
    }

    void addChild(TreeNode child) {
        child.parent = this;
        children.add(child);
    }

    void removeChild(TreeNode child) {
        children.remove(child);
        child.parent = null;
    }

    void setGroup(List<String> items, int available, int ready, int upToDate, Condition availableCondition,
                  Condition readyCondition, Condition upToDateCondition) {
        groupItems.clear();
        groupItems.addAll(items);
        Collections.sort(groupItems);
        groupAvailable = available;
        groupReady = ready;
        groupUpToDate = upToDate;
        groupAvailableCondition = availableCondition;
        groupReadyCondition = readyCondition;
        groupUpToDateCondition = upToDateCondition;
    }

    /** The HealthCheckSucceeded its members share (grouping keeps Machines with other check results apart). */
    Condition groupHealthCheck() {
        return groupHealthCheck;
    }

    void setGroupHealthCheck(Condition condition) {
        groupHealthCheck = condition;
    }

    Condition groupReadyCondition() {
        return groupReadyCondition;
    }

    Condition groupAvailableCondition() {
        return groupAvailableCondition;
    }

    Condition groupUpToDateCondition() {
        return groupUpToDateCondition;
    }
}
