package dev.capiconsole.diagram;

import dev.capiconsole.diagram.DiagramNode.Health;

/** The strokes of the check and the cross inside a status icon, for the surfaces that draw them as lines. */
public final class StatusIcon {

    public static final double RADIUS = 6.5;

    private StatusIcon() {
    }

    /** Polylines as x, y, x, y...: one for a check, two for a cross; none otherwise. */
    public static double[][] strokes(Health health, double x, double y) {
        return switch (health) {
            case GOOD -> new double[][] {{x - 3, y + 0.2, x - 0.8, y + 2.5, x + 3.2, y - 2.3}};
            case BAD -> new double[][] {{x - 2.5, y - 2.5, x + 2.5, y + 2.5}, {x - 2.5, y + 2.5, x + 2.5, y - 2.5}};
            default -> new double[0][];
        };
    }
}
