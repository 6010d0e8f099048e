package dev.capiconsole.topology;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * clusterctl's message layout: existing line breaks are kept, white space is folded, lines are wrapped before
 * {@code width} bytes, and a wrapped line keeps its indent, two more for a "* " bullet.
 */
public final class Paragraph {

    public static final int WIDTH = 100;

    private Paragraph() {
    }

    public static List<String> lines(String text) {
        return List.of(format(text, WIDTH).split("\n", -1));
    }

    static String format(String text, int width) {
        List<String> lines = new ArrayList<>();
        for (String line : text.split("\n", -1)) {
            int lead = 0;
            while (lead < line.length() && line.charAt(lead) == ' ') {
                lead++;
            }
            StringBuilder current = new StringBuilder(line.substring(0, lead));
            String indent = current + (line.strip().startsWith("* ") ? "  " : "");
            for (String word : line.split("[\t\n\f\r ]+", -1)) {
                if (bytes(current) + bytes(word) < width) {
                    if (!current.toString().strip().isEmpty()) {
                        current.append(' ');
                    }
                    current.append(word);
                } else {
                    lines.add(current.toString());
                    current = new StringBuilder(indent).append(word);
                }
            }
            lines.add(current.toString());
        }
        return String.join("\n", lines);
    }

    private static int bytes(CharSequence text) {
        return text.toString().getBytes(StandardCharsets.UTF_8).length;
    }
}
