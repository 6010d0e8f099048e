package dev.capiconsole.ui.clusters;

import dev.capiconsole.diagram.DiagramNode;
import dev.capiconsole.diagram.DiagramSurface;
import dev.capiconsole.diagram.LaidOutDiagram.Box;
import dev.capiconsole.diagram.LaidOutDiagram.Route;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.shape.Circle;
import javafx.scene.shape.CubicCurve;
import javafx.scene.shape.Polyline;
import javafx.scene.shape.Rectangle;
import javafx.scene.shape.Shape;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The diagram as JavaFX shapes. Colours come from the window's theme through style classes named after the
 * painter's inks ({@code fill-good}, {@code stroke-edge}, ...), so the diagram follows light and dark; each node's
 * shapes are one {@link Group} with the node as its user data.
 */
final class DiagramShapes implements DiagramSurface {

    private static final Font TITLE = Font.font("System", FontWeight.BOLD, 12);
    private static final Font BODY = Font.font("System", 12);
    private static final Font SMALL = Font.font("System", 10);

    private final List<Node> edges = new ArrayList<>();
    private final Map<String, Group> nodes = new LinkedHashMap<>();
    private Group current;

    List<Node> edges() {
        return edges;
    }

    Map<String, Group> nodes() {
        return nodes;
    }

    @Override
    public void beginNode(DiagramNode node, Box box) {
        current = new Group();
        current.getStyleClass().add("diagram-node");
        current.setUserData(node);
        nodes.put(node.id(), current);
    }

    @Override
    public void endNode() {
        current = null;
    }

    @Override
    public void rectangle(double x, double y, double width, double height, Ink fill, Ink stroke, boolean dashed) {
        Rectangle rectangle = new Rectangle(x, y, width, height);
        rectangle.setArcWidth(12);
        rectangle.setArcHeight(12);
        rectangle.getStyleClass().addAll("node-box", style("fill", fill), style("stroke", stroke));
        dash(rectangle, dashed, 5, 3);
        add(rectangle);
    }

    @Override
    public void circle(double centerX, double centerY, double radius, Ink fill) {
        Circle circle = new Circle(centerX, centerY, radius);
        circle.getStyleClass().add(style("fill", fill));
        add(circle);
    }

    /** The tree's own icons (Feather check, cross, question), so both views read alike. */
    @Override
    public void statusIcon(double centerX, double centerY, DiagramNode.Health health, Ink ink) {
        FontIcon icon = new FontIcon(health == DiagramNode.Health.GOOD ? Feather.CHECK_CIRCLE
                : health == DiagramNode.Health.BAD ? Feather.X_CIRCLE : Feather.HELP_CIRCLE);
        icon.setIconSize(15);
        icon.getStyleClass().add(style("icon", ink));
        icon.setX(centerX - 7.5);
        icon.setY(centerY + 7.5);
        add(icon);
    }

    @Override
    public void text(double x, double y, String text, TextStyle style, Ink ink, boolean rightAligned) {
        Text shape = new Text(text);
        shape.setFont(style == TextStyle.TITLE ? TITLE : style == TextStyle.BODY ? BODY : SMALL);
        shape.getStyleClass().add(style("fill", ink));
        shape.setX(rightAligned ? x - shape.getLayoutBounds().getWidth() : x);
        shape.setY(y);
        add(shape);
    }

    @Override
    public void curve(Route route, Ink ink, boolean dashed) {
        Shape line = route.elbow()
                ? new Polyline(route.x1(), route.y1(), route.x1(), route.y2(), route.x2(), route.y2())
                : new CubicCurve(route.x1(), route.y1(), route.x1(), route.controlY1(), route.x2(),
                        route.controlY2(), route.x2(), route.y2());
        line.setFill(null);
        line.getStyleClass().add(style("stroke", ink));
        dash(line, dashed, 4, 4);
        edges.add(line);
    }

    private void add(Node shape) {
        if (current != null) {
            current.getChildren().add(shape);
        } else {
            edges.add(shape);
        }
    }

    private static void dash(Shape shape, boolean dashed, double dash, double gap) {
        if (dashed) {
            shape.getStrokeDashArray().addAll(dash, gap);
        }
    }

    private static String style(String property, Ink ink) {
        return property + "-" + ink.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
