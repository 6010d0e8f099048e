package dev.capiconsole.topology;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A node of the describe tree: a Cluster API object, a provider object, a reference that is shown but not read,
 * a virtual node (Workers, Other, Templates, ClusterResourceSets), or a group of alike Machines.
 */
public final class TreeNode {

    /** What kind of node this is, which decides how its row is filled. */
    public enum Shape { OBJECT, REFERENCE, VIRTUAL, GROUP }

    /** How the node's conditions are listed with --show-conditions. */
    public enum ConditionFilter { ALL, NON_ZERO }

    private final Shape shape;
    private final String kind;
    private final String namespace;
    private final String name;
    private final CapiObject object;
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
     * mode), or the synthesized ones of a group.
     */
    public List<Condition> conditions() {
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
