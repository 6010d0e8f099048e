package dev.capiconsole.diagram;

import dev.capiconsole.diagram.LaidOutDiagram.Box;
import dev.capiconsole.diagram.LaidOutDiagram.Route;
import java.util.Locale;

/**
 * A diagram as an SVG document: the same drawing as the window's, text as text (searchable, selectable), each node
 * a group with its id and a title that browsers show as a tooltip. The output depends only on the diagram, so the
 * same snapshot always gives the same bytes.
 */
public final class SvgExport implements DiagramSurface {

    private final StringBuilder out = new StringBuilder();
    private final Palette palette;

    private SvgExport(Palette palette) {
        this.palette = palette;
    }

    public static String svg(LaidOutDiagram diagram, Palette palette) {
        SvgExport svg = new SvgExport(palette);
        svg.out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(number(diagram.width()))
                .append("\" height=\"").append(number(diagram.height())).append("\" viewBox=\"0 0 ")
                .append(number(diagram.width())).append(' ').append(number(diagram.height()))
                .append("\" font-family=\"DejaVu Sans, Helvetica, Arial, sans-serif\">\n")
                .append("<rect width=\"100%\" height=\"100%\" fill=\"").append(palette.background())
                .append("\"/>\n");
        DiagramPainter.paint(diagram, svg);
        svg.out.append("</svg>\n");
        return svg.out.toString();
    }

    @Override
    public void beginNode(DiagramNode node, Box box) {
        out.append("<g id=\"").append(escape(node.id())).append("\"><title>")
                .append(escape(node.kind() + " " + node.namespace() + "/" + node.name()
                        + (node.reason().isEmpty() ? "" : "\n" + node.reason())))
                .append("</title>\n");
    }

    @Override
    public void endNode() {
        out.append("</g>\n");
    }

    @Override
    public void rectangle(double x, double y, double width, double height, Ink fill, Ink stroke, boolean dashed) {
        out.append("<rect x=\"").append(number(x)).append("\" y=\"").append(number(y)).append("\" width=\"")
                .append(number(width)).append("\" height=\"").append(number(height))
                .append("\" rx=\"6\" fill=\"").append(palette.color(fill)).append("\" stroke=\"")
                .append(palette.color(stroke)).append('"').append(dashed ? " stroke-dasharray=\"5 3\"" : "")
                .append("/>\n");
    }

    @Override
    public void circle(double centerX, double centerY, double radius, Ink fill) {
        out.append("<circle cx=\"").append(number(centerX)).append("\" cy=\"").append(number(centerY))
                .append("\" r=\"").append(number(radius)).append("\" fill=\"").append(palette.color(fill))
                .append("\"/>\n");
    }

    @Override
    public void statusIcon(double centerX, double centerY, DiagramNode.Health health, Ink ink) {
        circle(centerX, centerY, StatusIcon.RADIUS, ink);
        if (health == DiagramNode.Health.UNKNOWN) {
            out.append("<text x=\"").append(number(centerX)).append("\" y=\"").append(number(centerY + 3.5))
                    .append("\" font-size=\"10\" font-weight=\"bold\" text-anchor=\"middle\" fill=\"")
                    .append(palette.background()).append("\">?</text>\n");
            return;
        }
        out.append("<path d=\"");
        double[][] strokes = StatusIcon.strokes(health, centerX, centerY);
        for (double[] stroke : strokes) {
            out.append('M');
            for (int i = 0; i < stroke.length; i += 2) {
                out.append(i == 0 ? " " : " L ").append(number(stroke[i])).append(' ').append(number(stroke[i + 1]));
            }
            out.append(' ');
        }
        out.setLength(out.length() - 1);
        out.append("\" fill=\"none\" stroke=\"").append(palette.background())
                .append("\" stroke-width=\"1.6\" stroke-linecap=\"round\" stroke-linejoin=\"round\"/>\n");
    }

    @Override
    public void text(double x, double y, String text, TextStyle style, Ink ink, boolean rightAligned) {
        if (text.isEmpty()) {
            return;
        }
        out.append("<text x=\"").append(number(x)).append("\" y=\"").append(number(y)).append("\" font-size=\"")
                .append(style == TextStyle.SMALL ? "10" : "12").append('"')
                .append(style == TextStyle.TITLE ? " font-weight=\"bold\"" : "")
                .append(rightAligned ? " text-anchor=\"end\"" : "")
                .append(" fill=\"").append(palette.color(ink)).append("\">").append(escape(text)).append("</text>\n");
    }

    @Override
    public void curve(Route route, Ink ink, boolean dashed) {
        out.append("<path d=\"M ").append(number(route.x1())).append(' ').append(number(route.y1()));
        if (route.elbow()) {
            out.append(" V ").append(number(route.y2())).append(" H ").append(number(route.x2()));
        } else {
            out.append(" C ").append(number(route.x1())).append(' ').append(number(route.controlY1())).append(", ")
                    .append(number(route.x2())).append(' ').append(number(route.controlY2())).append(", ")
                    .append(number(route.x2())).append(' ').append(number(route.y2()));
        }
        out
                .append("\" fill=\"none\" stroke=\"").append(palette.color(ink)).append('"')
                .append(dashed ? " stroke-dasharray=\"4 4\"" : "").append("/>\n");
    }

    private static String number(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%.1f", value);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
