package dev.capiconsole.diagram;

import dev.capiconsole.diagram.DiagramSurface.Ink;
import java.util.EnumMap;
import java.util.Map;

/** The colours of an exported diagram, light or dark, close to the window's themes. */
public record Palette(String background, Map<Ink, String> inks) {

    public static final Palette LIGHT = new Palette("#ffffff", inks("#f6f8fa", "#afb8c1", "#1f2328", "#59636e",
            "#8c959f", "#1a7f37", "#cf222e", "#9a6700"));
    public static final Palette DARK = new Palette("#0d1117", inks("#161b22", "#3d444d", "#e6edf3", "#9198a1",
            "#656c76", "#3fb950", "#f85149", "#d29922"));

    public Palette {
        inks = Map.copyOf(inks);
    }

    public String color(Ink ink) {
        return inks.get(ink);
    }

    private static Map<Ink, String> inks(String fill, String stroke, String text, String muted, String edge,
                                         String good, String bad, String unknown) {
        Map<Ink, String> map = new EnumMap<>(Ink.class);
        map.put(Ink.NODE_FILL, fill);
        map.put(Ink.NODE_STROKE, stroke);
        map.put(Ink.TEXT, text);
        map.put(Ink.MUTED, muted);
        map.put(Ink.EDGE, edge);
        map.put(Ink.GOOD, good);
        map.put(Ink.BAD, bad);
        map.put(Ink.UNKNOWN, unknown);
        return map;
    }
}
