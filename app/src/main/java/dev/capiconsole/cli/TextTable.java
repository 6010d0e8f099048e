package dev.capiconsole.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Columns aligned the way Go's text/tabwriter aligns clusterctl's tables: every column but the last is padded
 * to its widest cell plus the padding, and to at least the minimum width; the last column is not padded.
 */
final class TextTable {

    private final int minWidth;
    private final int padding;
    private final List<String[]> rows = new ArrayList<>();

    TextTable(int minWidth, int padding) {
        this.minWidth = minWidth;
        this.padding = padding;
    }

    void row(String... cells) {
        rows.add(cells);
    }

    void print(PrintWriter out) {
        int columns = rows.stream().mapToInt(r -> r.length).max().orElse(0);
        int[] widths = new int[columns];
        for (String[] row : rows) {
            for (int c = 0; c < row.length - 1; c++) {
                widths[c] = Math.max(widths[c], Math.max(minWidth, row[c].length() + padding));
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < row.length; c++) {
                line.append(row[c]);
                if (c < row.length - 1) {
                    line.append(" ".repeat(widths[c] - row[c].length()));
                }
            }
            out.println(line);
        }
    }
}
