package dev.capiconsole.topology;

import java.util.ArrayList;
import java.util.List;

/** Reads a describe table back into cells by the header's column positions. */
final class DescribeText {

    private DescribeText() {
    }

    /** Every row's cells, trimmed, with SINCE left out (it depends on the moment each tool ran). */
    static List<List<String>> cellsWithoutSince(String text) {
        String[] lines = text.split("\n");
        String header = lines[0];
        String[] names = header.contains("SEVERITY") ? DescribeTable.V1BETA1_HEADER : DescribeTable.HEADER;
        int since = java.util.Arrays.asList(names).indexOf("SINCE");
        int[] starts = new int[names.length];
        for (int c = 0; c < starts.length; c++) {
            starts[c] = header.indexOf(names[c] + " ", c == 0 ? 0 : starts[c - 1] + 1);
        }
        List<List<String>> rows = new ArrayList<>();
        for (String line : lines) {
            int[] points = line.codePoints().toArray();
            List<String> cells = new ArrayList<>();
            for (int c = 0; c < starts.length; c++) {
                if (c == since) {
                    continue;
                }
                int from = Math.min(starts[c], points.length);
                int to = c + 1 < starts.length ? Math.min(starts[c + 1], points.length) : points.length;
                cells.add(new String(points, from, to - from).strip());
            }
            rows.add(cells);
        }
        return rows;
    }

    static List<String> lines(List<List<String>> rows) {
        return rows == null ? List.of() : rows.stream().map(r -> String.join(" | ", r)).toList();
    }
}
