package dev.capiconsole.diagram;

import dev.capiconsole.diagram.LaidOutDiagram.Box;
import dev.capiconsole.diagram.LaidOutDiagram.Route;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.CubicCurve2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import javax.imageio.ImageIO;

/**
 * A diagram as a PNG image, drawn with Java2D so the headless CLI can make one. Drawn at twice the size for sharp
 * text, less when the image would be too large; a diagram too large even then is refused with a pointer to SVG.
 */
public final class PngExport implements DiagramSurface {

    static final long MAX_PIXELS = 120_000_000L;

    private final Graphics2D graphics;
    private final Palette palette;

    private PngExport(Graphics2D graphics, Palette palette) {
        this.graphics = graphics;
        this.palette = palette;
    }

    public static void png(LaidOutDiagram diagram, Palette palette, OutputStream out) throws IOException {
        double scale = 2;
        while (scale > 0.25 && diagram.width() * diagram.height() * scale * scale > MAX_PIXELS) {
            scale /= 2;
        }
        long width = (long) Math.ceil(diagram.width() * scale);
        long height = (long) Math.ceil(diagram.height() * scale);
        if (width * height > MAX_PIXELS || width > Integer.MAX_VALUE / 4) {
            throw new IOException("The diagram is too large for a PNG (" + (long) diagram.width() + " x "
                    + (long) diagram.height() + " points): export it as SVG, or group its Machines.");
        }
        BufferedImage image = new BufferedImage((int) width, (int) height, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        try {
            graphics.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            graphics.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            graphics.setColor(Color.decode(palette.background()));
            graphics.fillRect(0, 0, (int) width, (int) height);
            graphics.scale(scale, scale);
            DiagramPainter.paint(diagram, new PngExport(graphics, palette));
        } finally {
            graphics.dispose();
        }
        ImageIO.write(image, "png", out);
    }

    @Override
    public void beginNode(DiagramNode node, Box box) {
    }

    @Override
    public void endNode() {
    }

    @Override
    public void rectangle(double x, double y, double width, double height, Ink fill, Ink stroke, boolean dashed) {
        RoundRectangle2D shape = new RoundRectangle2D.Double(x, y, width, height, 12, 12);
        graphics.setColor(color(fill));
        graphics.fill(shape);
        graphics.setColor(color(stroke));
        graphics.setStroke(stroke(dashed, 5, 3));
        graphics.draw(shape);
    }

    @Override
    public void circle(double centerX, double centerY, double radius, Ink fill) {
        graphics.setColor(color(fill));
        graphics.fill(new Ellipse2D.Double(centerX - radius, centerY - radius, 2 * radius, 2 * radius));
    }

    @Override
    public void statusIcon(double centerX, double centerY, DiagramNode.Health health, Ink ink) {
        circle(centerX, centerY, StatusIcon.RADIUS, ink);
        graphics.setColor(Color.decode(palette.background()));
        if (health == DiagramNode.Health.UNKNOWN) {
            graphics.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 10));
            graphics.drawString("?", (float) (centerX - graphics.getFontMetrics().stringWidth("?") / 2.0),
                    (float) (centerY + 3.5));
            return;
        }
        graphics.setStroke(new BasicStroke(1.6f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        for (double[] stroke : StatusIcon.strokes(health, centerX, centerY)) {
            Path2D path = new Path2D.Double();
            path.moveTo(stroke[0], stroke[1]);
            for (int i = 2; i < stroke.length; i += 2) {
                path.lineTo(stroke[i], stroke[i + 1]);
            }
            graphics.draw(path);
        }
    }

    @Override
    public void text(double x, double y, String text, TextStyle style, Ink ink, boolean rightAligned) {
        graphics.setFont(new Font(Font.SANS_SERIF, style == TextStyle.TITLE ? Font.BOLD : Font.PLAIN,
                style == TextStyle.SMALL ? 10 : 12));
        graphics.setColor(color(ink));
        float left = (float) (rightAligned ? x - graphics.getFontMetrics().stringWidth(text) : x);
        graphics.drawString(text, left, (float) y);
    }

    @Override
    public void curve(Route route, Ink ink, boolean dashed) {
        graphics.setColor(color(ink));
        graphics.setStroke(stroke(dashed, 4, 4));
        if (route.elbow()) {
            Path2D elbow = new Path2D.Double();
            elbow.moveTo(route.x1(), route.y1());
            elbow.lineTo(route.x1(), route.y2());
            elbow.lineTo(route.x2(), route.y2());
            graphics.draw(elbow);
        } else {
            graphics.draw(new CubicCurve2D.Double(route.x1(), route.y1(), route.x1(), route.controlY1(), route.x2(),
                    route.controlY2(), route.x2(), route.y2()));
        }
    }

    private Color color(Ink ink) {
        return Color.decode(palette.color(ink));
    }

    private static BasicStroke stroke(boolean dashed, float dash, float gap) {
        return dashed ? new BasicStroke(1, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {dash, gap}, 0)
                : new BasicStroke(1);
    }
}
