package dev.capiconsole.diagram;

import dev.capiconsole.diagram.LaidOutDiagram.Box;
import dev.capiconsole.diagram.LaidOutDiagram.Route;

/**
 * Something a diagram is drawn on: an SVG document, a Java2D image, a JavaFX scene. Colours are named by what they
 * mean ({@link Ink}) so each surface picks its own (a palette, or the window's theme).
 */
public interface DiagramSurface {

    /** What a colour means; a surface maps it to a colour. */
    enum Ink { NODE_FILL, NODE_STROKE, TEXT, MUTED, EDGE, GOOD, BAD, UNKNOWN }

    /** The three sizes of text in a node and on an edge. */
    enum TextStyle { TITLE, BODY, SMALL }

    /** The shapes until {@link #endNode()} belong to this node. */
    void beginNode(DiagramNode node, Box box);

    void endNode();

    void rectangle(double x, double y, double width, double height, Ink fill, Ink stroke, boolean dashed);

    void circle(double centerX, double centerY, double radius, Ink fill);

    /**
     * The status icon the tree shows, centred at ({@code centerX}, {@code centerY}): a filled circle of the status
     * colour with a check (good), a cross (bad) or a question mark (unknown) in the background colour.
     */
    void statusIcon(double centerX, double centerY, DiagramNode.Health health, Ink ink);

    /** Text whose baseline starts at {@code (x, y)}; right-aligned text ends there instead. */
    void text(double x, double y, String text, TextStyle style, Ink ink, boolean rightAligned);

    void curve(Route route, Ink ink, boolean dashed);
}
