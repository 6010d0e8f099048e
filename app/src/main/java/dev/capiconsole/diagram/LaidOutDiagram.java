package dev.capiconsole.diagram;

import java.util.List;
import java.util.Map;

/**
 * A diagram with a place for every node and a route for every edge, in a plane of {@code width} by {@code height}
 * with the origin at the top left.
 */
public record LaidOutDiagram(Diagram diagram, Map<String, Box> boxes, List<Route> routes, double width,
                             double height) {

    public LaidOutDiagram {
        boxes = Map.copyOf(boxes);
        routes = List.copyOf(routes);
    }

    /** Where a node is drawn. */
    public record Box(double x, double y, double width, double height) {

        public double centerX() {
            return x + width / 2;
        }

        public double bottom() {
            return y + height;
        }
    }

    /**
     * How an edge is drawn. A {@code CURVE} goes from the bottom middle of its source to the top middle of its
     * target, leaving and arriving vertically (control points halfway), so lines fan out like a tree's branches. An
     * {@code ELBOW} reaches a target stacked under its source: down from the source's bottom, near its left edge, then
     * right into the middle of the target's left side.
     */
    public record Route(DiagramEdge edge, double x1, double y1, double x2, double y2, boolean elbow) {

        public double controlY1() {
            return y1 + (y2 - y1) / 2;
        }

        public double controlY2() {
            return y2 - (y2 - y1) / 2;
        }

        /** Where a curve's label goes: on the curve, a third of the way from the target. */
        public double labelX() {
            return x2 + (x1 - x2) * 0.25;
        }

        public double labelY() {
            return y2 - (y2 - y1) * 0.3;
        }
    }
}
