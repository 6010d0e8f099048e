package dev.capiconsole.install;

import java.util.ArrayList;
import java.util.List;

/**
 * A unified diff of two texts by lines (longest common subsequence), with three lines of context around each
 * change. Past a size where the table would be too large, the differing middle is shown as removed, then added.
 */
public final class LineDiff {

    private static final int CONTEXT = 3;
    private static final long MAX_CELLS = 4_000_000L;

    private LineDiff() {
    }

    /** The diff with {@code ---}/{@code +++} headers, or empty when the texts are equal. */
    public static String unified(String before, String after, String beforeName, String afterName) {
        List<String> a = before.lines().toList();
        List<String> b = after.lines().toList();
        List<String> edits = edits(a, b);
        if (edits.stream().allMatch(e -> e.startsWith(" "))) {
            return "";
        }
        StringBuilder out = new StringBuilder("--- " + beforeName + "\n+++ " + afterName + "\n");
        int i = 0;
        while (i < edits.size()) {
            if (edits.get(i).startsWith(" ")) {
                i++;
                continue;
            }
            int start = Math.max(0, i - CONTEXT);
            int end = i;
            int quiet = 0;
            while (end < edits.size() && quiet <= 2 * CONTEXT) {
                quiet = edits.get(end).startsWith(" ") ? quiet + 1 : 0;
                end++;
            }
            end = Math.min(edits.size(), end - Math.max(0, quiet - CONTEXT));
            int lineA = 1 + (int) edits.subList(0, start).stream().filter(e -> !e.startsWith("+")).count();
            int lineB = 1 + (int) edits.subList(0, start).stream().filter(e -> !e.startsWith("-")).count();
            List<String> hunk = edits.subList(start, end);
            out.append("@@ -").append(lineA).append(',').append(hunk.stream().filter(e -> !e.startsWith("+")).count())
                    .append(" +").append(lineB).append(',').append(hunk.stream().filter(e -> !e.startsWith("-"))
                            .count()).append(" @@\n");
            hunk.forEach(e -> out.append(e).append('\n'));
            i = end;
        }
        return out.toString();
    }

    /** Every line prefixed with ' ' (both), '-' (before only) or '+' (after only). */
    static List<String> edits(List<String> a, List<String> b) {
        int prefix = 0;
        while (prefix < a.size() && prefix < b.size() && a.get(prefix).equals(b.get(prefix))) {
            prefix++;
        }
        int suffix = 0;
        while (suffix < a.size() - prefix && suffix < b.size() - prefix
                && a.get(a.size() - 1 - suffix).equals(b.get(b.size() - 1 - suffix))) {
            suffix++;
        }
        List<String> midA = a.subList(prefix, a.size() - suffix);
        List<String> midB = b.subList(prefix, b.size() - suffix);
        List<String> edits = new ArrayList<>();
        a.subList(0, prefix).forEach(line -> edits.add(" " + line));
        if ((long) midA.size() * midB.size() > MAX_CELLS) {
            midA.forEach(line -> edits.add("-" + line));
            midB.forEach(line -> edits.add("+" + line));
        } else {
            int[][] common = new int[midA.size() + 1][midB.size() + 1];
            for (int x = midA.size() - 1; x >= 0; x--) {
                for (int y = midB.size() - 1; y >= 0; y--) {
                    common[x][y] = midA.get(x).equals(midB.get(y)) ? common[x + 1][y + 1] + 1
                            : Math.max(common[x + 1][y], common[x][y + 1]);
                }
            }
            int x = 0;
            int y = 0;
            while (x < midA.size() || y < midB.size()) {
                if (x < midA.size() && y < midB.size() && midA.get(x).equals(midB.get(y))) {
                    edits.add(" " + midA.get(x++));
                    y++;
                } else if (x < midA.size() && (y == midB.size() || common[x + 1][y] >= common[x][y + 1])) {
                    edits.add("-" + midA.get(x++));
                } else {
                    edits.add("+" + midB.get(y++));
                }
            }
        }
        a.subList(a.size() - suffix, a.size()).forEach(line -> edits.add(" " + line));
        return edits;
    }
}
