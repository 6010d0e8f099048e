package dev.capiconsole.topology;

import java.util.List;
import java.util.stream.Collectors;

/** {@code --show-conditions}: which nodes list their conditions, and which of them. */
public final class ConditionFilters {

    private ConditionFilters() {
    }

    /** The first entry of {@code value} that matches the node decides; none matching means no condition rows. */
    static TreeNode.ConditionFilter match(String value, TreeNode node) {
        if (value == null || value.isEmpty() || node.shape() == TreeNode.Shape.GROUP) {
            return null;
        }
        for (String entry : value.split(",")) {
            if (entry.isEmpty()) {
                continue;
            }
            if (entry.equalsIgnoreCase("all") || entry.equalsIgnoreCase("all+")) {
                return entry.endsWith("+") ? TreeNode.ConditionFilter.NON_ZERO : TreeNode.ConditionFilter.ALL;
            }
            String[] parts = entry.split("/", -1);
            if (parts.length == 2) {
                boolean nonZero = parts[1].endsWith("+");
                String name = nonZero ? parts[1].substring(0, parts[1].length() - 1) : parts[1];
                if (parts[0].equalsIgnoreCase(node.kind()) && name.equalsIgnoreCase(node.name())) {
                    return nonZero ? TreeNode.ConditionFilter.NON_ZERO : TreeNode.ConditionFilter.ALL;
                }
                continue;
            }
            boolean nonZero = parts[0].endsWith("+");
            String kind = nonZero ? parts[0].substring(0, parts[0].length() - 1) : parts[0];
            if (kind.equalsIgnoreCase(node.kind())) {
                return nonZero ? TreeNode.ConditionFilter.NON_ZERO : TreeNode.ConditionFilter.ALL;
            }
        }
        return null;
    }

    /** The conditions a filter lists, in stored order. */
    static List<Condition> select(TreeNode.ConditionFilter filter, List<Condition> conditions) {
        if (filter == TreeNode.ConditionFilter.ALL) {
            return conditions;
        }
        return conditions.stream().filter(c -> c.type().equals("Available") || c.type().equals("Ready") || !zero(c))
                .collect(Collectors.toList());
    }

    /** A condition with nothing to say: in its good state with no message. */
    private static boolean zero(Condition c) {
        if ("Unknown".equals(c.status())) {
            return false;
        }
        if (c.negativePolarity()) {
            return !"True".equals(c.status()) && c.message().isEmpty();
        }
        return !"False".equals(c.status()) && c.message().isEmpty();
    }

    /** Rejects values with white space around an entry, as clusterctl does. */
    public static void validate(String value) {
        if (value == null) {
            return;
        }
        for (String entry : value.split(",", -1)) {
            if (!entry.equals(entry.strip())) {
                throw new IllegalArgumentException("invalid --show-conditions value \"" + value
                        + "\": whitespace is not allowed");
            }
        }
    }
}
