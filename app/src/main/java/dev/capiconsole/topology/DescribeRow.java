package dev.capiconsole.topology;

/**
 * One printed row of the describe table.
 *
 * @param node the node the row belongs to (for condition and continuation rows too)
 * @param kind whether this is the node's own row, a wrapped message line, or one of its conditions
 * @param condition the condition of a condition row, else null
 * @param message the row's line of the wrapped message, as clusterctl prints it
 * @param fullMessage the whole message the row shows a line of, unwrapped (for views that wrap by themselves)
 */
public record DescribeRow(TreeNode node, Kind kind, Condition condition, String prefix, String name, String replicas,
                          String available, String ready, String upToDate, String status, String severity,
                          String reason, String since, String message, String fullMessage) {

    public enum Kind { OBJECT, CONTINUATION, CONDITION }

    /** The printed cells: clusterctl's v1beta2 columns, or in v1beta1 mode READY (the status) and SEVERITY. */
    String[] cells() {
        if (node.v1beta1()) {
            return new String[] {prefix + name, status, severity, reason, since, message};
        }
        return new String[] {prefix + name, replicas, available, ready, upToDate, status, reason, since, message};
    }
}
