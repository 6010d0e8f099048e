package dev.capiconsole.topology;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The rows of {@code clusterctl describe cluster} for a tree, and their text: the v1beta2 columns, or in v1beta1
 * mode ({@code --v1beta2=false}) the legacy columns with each node's deprecated Ready condition.
 */
public final class DescribeTable {

    public static final String[] HEADER =
            {"NAME", "REPLICAS", "AVAILABLE", "READY", "UP TO DATE", "STATUS", "REASON", "SINCE", "MESSAGE"};
    public static final String[] V1BETA1_HEADER = {"NAME", "READY", "SEVERITY", "REASON", "SINCE", "MESSAGE"};
    private static final int V1BETA1_MESSAGE_BYTES = 100;

    private final Instant now;
    private final List<DescribeRow> rows = new ArrayList<>();
    private final Map<TreeNode, List<TreeNode>> orderedCache = new java.util.IdentityHashMap<>();
    private TreeNode lastObject;

    private DescribeTable(Instant now) {
        this.now = now;
    }

    public static List<DescribeRow> rows(TreeNode root, Instant now) {
        DescribeTable table = new DescribeTable(now);
        table.lastObject = table.last(root);
        table.addObject("", root);
        return table.rows;
    }

    /** The table as clusterctl prints it without colour: every cell padded, the header padded by one. */
    public static String format(List<DescribeRow> rows) {
        boolean v1beta1 = !rows.isEmpty() && rows.get(0).node().v1beta1();
        String[] header = v1beta1 ? V1BETA1_HEADER : HEADER;
        int padding = v1beta1 ? 1 : 2;
        int[] widths = new int[header.length];
        for (int c = 0; c < header.length; c++) {
            widths[c] = width(header[c]) + 1;
        }
        for (DescribeRow row : rows) {
            String[] cells = row.cells();
            for (int c = 0; c < cells.length; c++) {
                widths[c] = Math.max(widths[c], width(cells[c]) + padding);
            }
        }
        StringBuilder out = new StringBuilder();
        appendLine(out, header, widths);
        for (DescribeRow row : rows) {
            appendLine(out, row.cells(), widths);
        }
        return out.toString();
    }

    private static void appendLine(StringBuilder out, String[] cells, int[] widths) {
        for (int c = 0; c < cells.length; c++) {
            out.append(cells[c]).append(" ".repeat(widths[c] - width(cells[c])));
        }
        out.append('\n');
    }

    private static int width(String text) {
        return text.codePointCount(0, text.length());
    }

    /**
     * The children of a node in print order: Templates first, then by row name (ties by Ready status and reason);
     * row names are computed once per child, not per comparison.
     */
    public static List<TreeNode> ordered(TreeNode node) {
        List<TreeNode> children = node.children();
        if (children.size() < 2) {
            return List.copyOf(children);
        }
        Map<TreeNode, String> names = new java.util.IdentityHashMap<>();
        for (TreeNode child : children) {
            names.put(child, rowName(child));
        }
        List<TreeNode> sorted = new ArrayList<>(children);
        sorted.sort(Comparator.comparingInt(TreeNode::zOrder).reversed()
                .thenComparing(names::get)
                .thenComparing(n -> n.condition("Ready") == null ? "" : n.condition("Ready").status())
                .thenComparing(n -> n.condition("Ready") == null ? "" : n.condition("Ready").reason()));
        return sorted;
    }

    private List<TreeNode> orderedCached(TreeNode node) {
        return orderedCache.computeIfAbsent(node, DescribeTable::ordered);
    }

    private TreeNode last(TreeNode node) {
        List<TreeNode> children = orderedCached(node);
        return children.isEmpty() ? node : last(children.get(children.size() - 1));
    }

    private void addObject(String prefix, TreeNode node) {
        if (node.v1beta1()) {
            addV1Beta1Object(prefix, node);
            return;
        }
        Cells cells = cells(node);
        if (node.conditionFilter() != null) {
            cells.status = "";
            cells.reason = "";
            cells.since = "";
            cells.message = "";
        }
        List<String> lines = Paragraph.lines(cells.message);
        rows.add(new DescribeRow(node, DescribeRow.Kind.OBJECT, null, prefix, rowName(node), cells.replicas,
                cells.available, cells.ready, cells.upToDate, cells.status, "", cells.reason, cells.since,
                lines.get(0), cells.message));
        String continuation = multiLinePrefix(node);
        for (String line : lines.subList(1, lines.size())) {
            rows.add(new DescribeRow(node, DescribeRow.Kind.CONTINUATION, null, continuation, "", "", "", "", "", "",
                    "", "", "", line, cells.message));
        }
        if (node.conditionFilter() != null) {
            addConditions(prefix, node);
        }
        List<TreeNode> children = orderedCached(node);
        for (int i = 0; i < children.size(); i++) {
            addObject(childPrefix(prefix, i, children.size()), children.get(i));
        }
    }

    private void addConditions(String prefix, TreeNode node) {
        List<Condition> conditions = ConditionFilters.select(node.conditionFilter(), node.conditions());
        String base = prefix + (node.children().isEmpty() ? "  " : "│ ") + " ".repeat(10);
        for (int i = 0; i < conditions.size(); i++) {
            Condition condition = conditions.get(i);
            String conditionPrefix = childPrefix(base, i, conditions.size());
            List<String> lines = Paragraph.lines(condition.message());
            rows.add(new DescribeRow(node, DescribeRow.Kind.CONDITION, condition, conditionPrefix, condition.type(),
                    "", "", "", "", condition.status(), "", condition.reason(),
                    HumanDuration.since(condition.lastTransitionTime(), now), lines.get(0), condition.message()));
            String continuation = conditionPrefix.endsWith("├─")
                    ? conditionPrefix.substring(0, conditionPrefix.length() - 2) + "│ "
                    : conditionPrefix.substring(0, conditionPrefix.length() - 2);
            for (String line : lines.subList(1, lines.size())) {
                rows.add(new DescribeRow(node, DescribeRow.Kind.CONTINUATION, condition, continuation, "", "", "", "",
                        "", "", "", "", "", line, condition.message()));
            }
        }
    }

    /**
     * A node in v1beta1 mode: its Ready condition on its own row (kept with --show-conditions), then every other
     * condition sorted by type; messages cut at 100 bytes, and a message's own line breaks continue on lines whose
     * other cells are empty.
     */
    private void addV1Beta1Object(String prefix, TreeNode node) {
        Condition ready = node.condition(v1beta1RowCondition(node));
        String message;
        if (node.shape() == TreeNode.Shape.GROUP) {
            List<String> items = node.groupItems();
            message = "See " + items.get(0) + ", " + items.get(1) + (items.size() > 2 ? ", ..." : "");
        } else {
            message = ready == null ? "" : ready.message();
        }
        addV1Beta1Row(node, DescribeRow.Kind.OBJECT, null, prefix, rowName(node), ready, message);
        if (node.conditionFilter() != null && node.shape() != TreeNode.Shape.GROUP) {
            List<Condition> others = new ArrayList<>(node.conditions().stream()
                    .filter(c -> !c.type().equals(v1beta1RowCondition(node))).toList());
            others.sort(Comparator.comparing(Condition::type));
            String base = prefix + (node.children().isEmpty() ? "  " : "│ ") + " ".repeat(10);
            for (int i = 0; i < others.size(); i++) {
                Condition condition = others.get(i);
                addV1Beta1Row(node, DescribeRow.Kind.CONDITION, condition, childPrefix(base, i, others.size()),
                        condition.type(), condition, condition.message());
            }
        }
        List<TreeNode> children = orderedCached(node);
        for (int i = 0; i < children.size(); i++) {
            addObject(childPrefix(prefix, i, children.size()), children.get(i));
        }
    }

    /** The condition on a node's own row in v1beta1 mode: Ready, or what our health-check rows are about. */
    private static String v1beta1RowCondition(TreeNode node) {
        if (node.shape() == TreeNode.Shape.CHECK) {
            return "HealthCheckSucceeded";
        }
        return node.object() != null && node.object().isTyped() && node.kind().equals("MachineHealthCheck")
                ? "RemediationAllowed" : "Ready";
    }

    private void addV1Beta1Row(TreeNode node, DescribeRow.Kind kind, Condition shown, String prefix, String name,
                               Condition cells, String message) {
        String[] lines = cutAtBytes(message, V1BETA1_MESSAGE_BYTES).replace("\t", "        ").split("\n", -1);
        rows.add(new DescribeRow(node, kind, shown, prefix, name, "", "", "", "",
                cells == null ? "" : cells.status(), cells == null ? "" : cells.severity(),
                cells == null ? "" : cells.reason(),
                cells == null ? "" : HumanDuration.since(cells.lastTransitionTime(), now), lines[0], message));
        for (int i = 1; i < lines.length; i++) {
            rows.add(new DescribeRow(node, DescribeRow.Kind.CONTINUATION, shown, "", "", "", "", "", "", "", "", "",
                    "", lines[i], message));
        }
    }

    /** clusterctl's v1beta1 message cut: longer than {@code limit} UTF-8 bytes keeps that many and adds " ...". */
    static String cutAtBytes(String message, int limit) {
        byte[] bytes = message.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        if (bytes.length <= limit) {
            return message;
        }
        return new String(bytes, 0, limit, java.nio.charset.StandardCharsets.UTF_8) + " ...";
    }

    static String childPrefix(String prefix, int index, int count) {
        return prefix.replace("├─", "│ ").replace("└─", "  ") + (index < count - 1 ? "├─" : "└─");
    }

    private String multiLinePrefix(TreeNode node) {
        if (node == lastObject) {
            return "";
        }
        StringBuilder prefix = new StringBuilder(node.children().isEmpty() ? "" : "│ ");
        TreeNode current = node;
        while (current.parent() != null) {
            List<TreeNode> siblings = orderedCached(current.parent());
            boolean lastChild = siblings.get(siblings.size() - 1) == current;
            prefix.insert(0, lastChild ? "  " : "│ ");
            current = current.parent();
        }
        return prefix.toString();
    }

    /** A stable identity of a node across rebuilds, for keeping a view's expansion and selection. */
    public static String key(TreeNode node) {
        String parent = node.parent() == null ? "" : key(node.parent()) + ">";
        if (node.shape() == TreeNode.Shape.GROUP) {
            Condition ready = node.condition("Ready");
            return parent + node.kind() + ":" + (ready == null ? "" : ready.status() + "/" + ready.reason());
        }
        return parent + node.kind() + ":" + node.namespace() + "/" + node.name();
    }

    /** The NAME of a node without its tree prefix. */
    public static String rowName(TreeNode node) {
        switch (node.shape()) {
            case GROUP:
                return node.groupItems().size() + " " + plural(node.kind().substring(0, node.kind().length() - 5))
                        + "...";
            case VIRTUAL:
                return "TemplateGroup".equals(node.kind()) ? "Templates" : node.name();
            case CHECK:
                return CapiObject.display("MachineHealthCheck", node.namespace(), node.name());
            default:
                break;
        }
        String name = CapiObject.display(node.kind(), node.namespace(), node.name());
        CapiObject object = node.object();
        if (object != null) {
            name += versionSuffix(node, object);
            if (object.deleting()) {
                name = "!! DELETED !! " + name;
            }
        }
        return name;
    }

    private static String versionSuffix(TreeNode node, CapiObject object) {
        if (object.isTyped()) {
            switch (object.kind()) {
                case "Cluster":
                    Map<String, Object> topology = object.map("spec", "topology");
                    return topology.isEmpty() ? "" : ", " + object.text("spec", "topology", "version");
                case "MachineDeployment", "MachineSet", "MachinePool":
                    return ", " + object.text("spec", "template", "spec", "version");
                case "Machine":
                    return ", " + object.text("spec", "version");
                default:
                    return "";
            }
        }
        if (node.isControlPlane() && object.get("spec", "version") instanceof String version) {
            return ", " + version;
        }
        return "";
    }

    static String plural(String kind) {
        if (kind.endsWith("s") || kind.endsWith("x") || kind.endsWith("ch") || kind.endsWith("sh")) {
            return kind + "es";
        }
        if (kind.endsWith("y") && kind.length() > 1 && "aeiou".indexOf(kind.charAt(kind.length() - 2)) < 0) {
            return kind.substring(0, kind.length() - 1) + "ies";
        }
        return kind + "s";
    }

    /** The cells of a node's own row before the --show-conditions blanking. */
    private final class Cells {
        String replicas = "";
        String available = "";
        String ready = "";
        String upToDate = "";
        String status = "";
        String reason = "";
        String since = "";
        String message = "";

        void from(Condition condition) {
            if (condition != null) {
                status = condition.status();
                reason = condition.reason();
                since = HumanDuration.since(condition.lastTransitionTime(), now);
                message = condition.message();
            }
        }
    }

    private Cells cells(TreeNode node) {
        Cells cells = new Cells();
        CapiObject object = node.object();
        if (node.shape() == TreeNode.Shape.GROUP) {
            cells.available = Integer.toString(node.groupAvailable());
            cells.ready = Integer.toString(node.groupReady());
            cells.upToDate = Integer.toString(node.groupUpToDate());
            cells.from(node.condition("Ready"));
            List<String> items = node.groupItems();
            cells.message = "See " + items.get(0) + ", " + items.get(1) + (items.size() > 2 ? ", ..." : "");
            return cells;
        }
        if (node.shape() == TreeNode.Shape.CHECK) {
            checkCells(node, cells);
            return cells;
        }
        if (object == null) {
            cells.from(node.condition("Ready"));
            return cells;
        }
        if (object.isTyped()) {
            switch (object.kind()) {
                case "Cluster" -> clusterCounters(object, cells);
                case "MachineDeployment", "MachineSet" -> replicaCounters(object, cells);
                case "MachineHealthCheck" -> {
                    cells.replicas = number(object.integer("status", "expectedMachines"));
                    cells.ready = number(object.integer("status", "currentHealthy"));
                }
                case "Machine" -> {
                    cells.replicas = "1";
                    cells.available = flag(node.condition("Available"));
                    cells.ready = flag(node.condition("Ready"));
                    cells.upToDate = flag(node.condition("UpToDate"));
                }
                default -> { }
            }
        } else if (node.isControlPlane()) {
            Long replicas = object.integer("status", "replicas");
            Long desired = object.integer("spec", "replicas");
            if (replicas != null && desired != null) {
                cells.replicas = replicas + "/" + desired;
            }
            cells.available = number(object.integer("status", "availableReplicas"));
            cells.ready = number(object.integer("status", "readyReplicas"));
            cells.upToDate = number(object.integer("status",
                    "v1beta1".equals(node.controlPlaneContract()) ? "updatedReplicas" : "upToDateReplicas"));
        }
        cells.from(StatusRule.condition(object, node.isControlPlane(), node::condition));
        if (object.isTyped() && object.kind().equals("MachineHealthCheck")) {
            cells.message = HealthChecks.summary(object) + (cells.message.isEmpty() ? "" : "\n" + cells.message);
        }
        return cells;
    }

    /**
     * A Machine's result of one check: HealthCheckSucceeded in the status cells; the message adds OwnerRemediated
     * (set while its owner remediates it), or says why there is no result yet.
     */
    private void checkCells(TreeNode node, Cells cells) {
        Condition succeeded = node.condition("HealthCheckSucceeded");
        Condition remediated = node.condition("OwnerRemediated");
        cells.from(succeeded);
        List<String> lines = new ArrayList<>();
        Map<String, Object> annotations = node.checkedMachine().annotations();
        if (annotations.containsKey(HealthChecks.SKIP_REMEDIATION) || annotations.containsKey(HealthChecks.PAUSED)) {
            lines.add("Not checked (" + (annotations.containsKey(HealthChecks.PAUSED)
                    ? HealthChecks.PAUSED : HealthChecks.SKIP_REMEDIATION) + ")");
        } else if (succeeded == null) {
            lines.add("Not checked yet");
        } else if (!succeeded.message().isEmpty()) {
            lines.add(succeeded.message());
        }
        if (remediated != null) {
            lines.add("OwnerRemediated: " + remediated.status() + " (" + remediated.reason() + ")"
                    + (remediated.message().isEmpty() ? "" : " " + remediated.message()));
        }
        cells.message = String.join("\n", lines);
    }

    private static void clusterCounters(CapiObject cluster, Cells cells) {
        Long[] replicas = {cluster.integer("status", "controlPlane", "replicas"),
            cluster.integer("status", "workers", "replicas")};
        Long[] desired = {cluster.integer("status", "controlPlane", "desiredReplicas"),
            cluster.integer("status", "workers", "desiredReplicas")};
        if (replicas[0] != null || replicas[1] != null || desired[0] != null || desired[1] != null) {
            cells.replicas = (sum(replicas)) + "/" + (sum(desired));
        }
        cells.available = sumOrEmpty(cluster, "availableReplicas");
        cells.ready = sumOrEmpty(cluster, "readyReplicas");
        cells.upToDate = sumOrEmpty(cluster, "upToDateReplicas");
    }

    private static String sumOrEmpty(CapiObject cluster, String field) {
        Long[] values = {cluster.integer("status", "controlPlane", field), cluster.integer("status", "workers", field)};
        return values[0] == null && values[1] == null ? "" : Long.toString(sum(values));
    }

    private static long sum(Long[] values) {
        long total = 0;
        for (Long value : values) {
            total += value == null ? 0 : value;
        }
        return total;
    }

    private static void replicaCounters(CapiObject object, Cells cells) {
        Long desired = object.integer("spec", "replicas");
        if (desired != null) {
            Long replicas = object.integer("status", "replicas");
            cells.replicas = (replicas == null ? 0 : replicas) + "/" + desired;
        }
        cells.available = number(object.integer("status", "availableReplicas"));
        cells.ready = number(object.integer("status", "readyReplicas"));
        cells.upToDate = number(object.integer("status", "upToDateReplicas"));
    }

    private static String number(Long value) {
        return value == null ? "" : Long.toString(value);
    }

    private static String flag(Condition condition) {
        return condition != null && condition.isTrue() ? "1" : "0";
    }
}
