package dev.capiconsole.diagram;

import dev.capiconsole.diagram.DiagramEdge.Relation;
import dev.capiconsole.diagram.LaidOutDiagram.Box;
import dev.capiconsole.diagram.LaidOutDiagram.Route;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A layered, top-to-bottom layout of a diagram as a tidy tree: every node hangs under the first object that refers
 * to it (health-check lines cross the tree and place nothing), siblings left to right in the order the builder found
 * them, each parent centred over its children. Children that have no children of their own (a Machine's
 * infrastructure machine and bootstrap config, a group of Machines) are stacked under their parent, slightly
 * indented, which keeps wide clusters narrow. Nodes without a parent (MachineHealthChecks) hang under the first node,
 * the Cluster. Linear in the number of nodes and edges.
 */
public final class DiagramLayout {

    public static final double NODE_WIDTH = 210;
    public static final double NODE_HEIGHT = 62;
    static final double HORIZONTAL_GAP = 24;
    static final double VERTICAL_GAP = 54;
    static final double STACK_GAP = 14;
    static final double STACK_INDENT = 24;
    static final double MARGIN = 24;

    private final Map<String, List<String>> children = new LinkedHashMap<>();
    private final Map<String, Double> widths = new HashMap<>();
    private final Map<String, Box> boxes = new LinkedHashMap<>();
    private final Map<String, Boolean> stacked = new HashMap<>();
    private double bottom;

    private DiagramLayout() {
    }

    public static LaidOutDiagram layout(Diagram diagram) {
        return new DiagramLayout().place(diagram);
    }

    private LaidOutDiagram place(Diagram diagram) {
        if (diagram.nodes().isEmpty()) {
            return new LaidOutDiagram(diagram, Map.of(), List.of(), 2 * MARGIN, 2 * MARGIN);
        }
        Map<String, String> parents = new HashMap<>();
        diagram.nodes().forEach(node -> children.put(node.id(), new ArrayList<>()));
        for (DiagramEdge edge : diagram.edges()) {
            if (edge.relation() != Relation.HEALTH_CHECKS && !parents.containsKey(edge.to())
                    && !edge.to().equals(edge.from()) && children.containsKey(edge.from())
                    && children.containsKey(edge.to()) && !isAncestor(parents, edge.to(), edge.from())) {
                parents.put(edge.to(), edge.from());
                children.get(edge.from()).add(edge.to());
            }
        }
        String root = diagram.nodes().get(0).id();
        for (DiagramNode node : diagram.nodes()) {
            if (!node.id().equals(root) && !parents.containsKey(node.id())) {
                children.get(root).add(node.id());
            }
        }
        double width = subtreeWidth(root);
        place(root, MARGIN, MARGIN);
        List<Route> routes = new ArrayList<>();
        for (DiagramEdge edge : diagram.edges()) {
            Box from = boxes.get(edge.from());
            Box to = boxes.get(edge.to());
            if (from == null || to == null) {
                continue;
            }
            boolean elbow = stacked.get(edge.from()) && edge.from().equals(parents.get(edge.to()));
            routes.add(elbow
                    ? new Route(edge, from.x() + STACK_INDENT / 2, from.bottom(), to.x(), to.y() + to.height() / 2, true)
                    : new Route(edge, from.centerX(), from.bottom(), to.centerX(), to.y(), false));
        }
        return new LaidOutDiagram(diagram, boxes, routes, width + 2 * MARGIN, bottom + MARGIN);
    }

    private static boolean isAncestor(Map<String, String> parents, String candidate, String node) {
        for (String current = node; current != null; current = parents.get(current)) {
            if (current.equals(candidate)) {
                return true;
            }
        }
        return false;
    }

    private double subtreeWidth(String id) {
        List<String> kids = children.get(id);
        boolean stack = !kids.isEmpty() && kids.stream().allMatch(kid -> children.get(kid).isEmpty());
        stacked.put(id, stack);
        double width;
        if (stack) {
            kids.forEach(kid -> widths.put(kid, NODE_WIDTH));
            width = NODE_WIDTH + STACK_INDENT;
        } else {
            double sum = 0;
            for (String kid : kids) {
                sum += subtreeWidth(kid);
            }
            width = Math.max(NODE_WIDTH, sum + HORIZONTAL_GAP * Math.max(0, kids.size() - 1));
        }
        widths.put(id, width);
        return width;
    }

    private void place(String id, double left, double y) {
        double width = widths.get(id);
        List<String> kids = children.get(id);
        if (stacked.get(id)) {
            Box box = new Box(left, y, NODE_WIDTH, NODE_HEIGHT);
            boxes.put(id, box);
            double next = box.bottom() + STACK_GAP;
            for (String kid : kids) {
                boxes.put(kid, new Box(left + STACK_INDENT, next, NODE_WIDTH, NODE_HEIGHT));
                next += NODE_HEIGHT + STACK_GAP;
            }
            bottom = Math.max(bottom, next - STACK_GAP);
            return;
        }
        Box box = new Box(left + (width - NODE_WIDTH) / 2, y, NODE_WIDTH, NODE_HEIGHT);
        boxes.put(id, box);
        bottom = Math.max(bottom, box.bottom());
        double childrenWidth = kids.stream().mapToDouble(widths::get).sum()
                + HORIZONTAL_GAP * Math.max(0, kids.size() - 1);
        double x = left + (width - childrenWidth) / 2;
        for (String kid : kids) {
            place(kid, x, box.bottom() + VERTICAL_GAP);
            x += widths.get(kid) + HORIZONTAL_GAP;
        }
    }
}
