package dev.capiconsole.diagram;

import dev.capiconsole.diagram.DiagramEdge.Relation;
import dev.capiconsole.diagram.DiagramNode.Role;
import dev.capiconsole.diagram.DiagramSurface.Ink;
import dev.capiconsole.diagram.DiagramSurface.TextStyle;
import dev.capiconsole.diagram.LaidOutDiagram.Box;
import dev.capiconsole.diagram.LaidOutDiagram.Route;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Draws a laid-out diagram on a surface, the same way on every surface: edges first (health-check lines dashed,
 * every relation but ownership labelled), then each node as a box with a status dot coloured by the tree's rule,
 * its kind, name and detail line; references that were not read (templates, the ClusterClass, resource sets) with
 * a dashed border, a group of Machines as a stack of boxes, deleted and paused objects tagged.
 */
public final class DiagramPainter {

    static final int NAME_CHARACTERS = 29;
    private static final Set<Role> REFERENCES = EnumSet.of(Role.TEMPLATE, Role.CLUSTER_CLASS, Role.RESOURCE_SET);

    private DiagramPainter() {
    }

    public static void paint(LaidOutDiagram diagram, DiagramSurface surface) {
        Map<String, String> stackedRelations = new HashMap<>();
        for (Route route : diagram.routes()) {
            boolean crossing = route.edge().relation() == Relation.HEALTH_CHECKS;
            surface.curve(route, Ink.EDGE, crossing);
            boolean labelled = route.edge().relation() != Relation.OWNS;
            if (labelled && route.elbow()) {
                stackedRelations.put(route.edge().to(), route.edge().relation().label());
            } else if (labelled) {
                surface.text(route.labelX() + 4, route.labelY(), route.edge().relation().label(), TextStyle.SMALL,
                        Ink.MUTED, false);
            }
        }
        for (DiagramNode node : diagram.diagram().nodes()) {
            Box box = diagram.boxes().get(node.id());
            if (box != null) {
                paintNode(node, box, stackedRelations.getOrDefault(node.id(), ""), surface);
            }
        }
    }

    /** A node's box; {@code relation} is the meaning of the line into a stacked node, written in its corner. */
    private static void paintNode(DiagramNode node, Box box, String relation, DiagramSurface surface) {
        surface.beginNode(node, box);
        if (node.role() == Role.MACHINE_GROUP) {
            surface.rectangle(box.x() + 6, box.y() - 6, box.width(), box.height(), Ink.NODE_FILL, Ink.NODE_STROKE,
                    false);
            surface.rectangle(box.x() + 3, box.y() - 3, box.width(), box.height(), Ink.NODE_FILL, Ink.NODE_STROKE,
                    false);
        }
        boolean reference = REFERENCES.contains(node.role());
        surface.rectangle(box.x(), box.y(), box.width(), box.height(), Ink.NODE_FILL,
                node.deleting() ? Ink.BAD : Ink.NODE_STROKE, reference || node.deleting());
        double textLeft = box.x() + 10;
        Ink status = switch (node.health()) {
            case GOOD -> Ink.GOOD;
            case BAD -> Ink.BAD;
            case UNKNOWN -> Ink.UNKNOWN;
            case NONE -> null;
        };
        if (status != null) {
            surface.statusIcon(box.x() + 16, box.y() + 16, node.health(), status);
            textLeft = box.x() + 28;
        }
        surface.text(textLeft, box.y() + 20, node.title(), TextStyle.TITLE, Ink.TEXT, false);
        String tags = tags(node);
        if (!tags.isEmpty()) {
            surface.text(box.x() + box.width() - 8, box.y() + 20, tags, TextStyle.SMALL,
                    node.deleting() ? Ink.BAD : Ink.MUTED, true);
        }
        String name = node.role() == Role.MACHINE_GROUP ? "of " + ownerName(node) : node.name();
        surface.text(box.x() + 10, box.y() + 38, fit(name, NAME_CHARACTERS), TextStyle.BODY, Ink.TEXT, false);
        surface.text(box.x() + 10, box.y() + 54, fit(node.detail(), relation.isEmpty() ? NAME_CHARACTERS + 4
                : NAME_CHARACTERS - 14), TextStyle.SMALL, Ink.MUTED, false);
        if (!relation.isEmpty()) {
            surface.text(box.x() + box.width() - 8, box.y() + 54, relation, TextStyle.SMALL, Ink.MUTED, true);
        }
        surface.endNode();
    }

    private static String tags(DiagramNode node) {
        if (node.deleting() && node.paused()) {
            return "deleting, paused";
        }
        return node.deleting() ? "deleting" : node.paused() ? "paused" : "";
    }

    /** A group's owner, from its id ({@code Kind/namespace/name#Machines}). */
    private static String ownerName(DiagramNode group) {
        String owner = group.id().substring(0, group.id().lastIndexOf('#'));
        return owner.substring(owner.lastIndexOf('/') + 1);
    }

    /** The text, cut to {@code characters} with an ellipsis in the middle, where names differ most at the end. */
    public static String fit(String text, int characters) {
        if (text.length() <= characters) {
            return text;
        }
        int head = (characters - 1) / 2;
        int tail = characters - 1 - head;
        return text.substring(0, head) + "…" + text.substring(text.length() - tail);
    }
}
