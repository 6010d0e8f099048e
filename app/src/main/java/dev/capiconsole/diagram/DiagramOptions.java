package dev.capiconsole.diagram;

import java.util.Set;

/**
 * How a diagram is built.
 *
 * @param groupAbove Machines of one owner are drawn as one group node when there are more than this many
 * @param expanded ids of owners whose Machines are drawn one by one whatever their number
 * @param extras whether MachineHealthChecks, ClusterResourceSets, the ClusterClass and templates are drawn
 */
public record DiagramOptions(int groupAbove, Set<String> expanded, boolean extras) {

    public static final int DEFAULT_GROUP_ABOVE = 8;

    public DiagramOptions {
        expanded = Set.copyOf(expanded);
    }

    public static DiagramOptions defaults() {
        return new DiagramOptions(DEFAULT_GROUP_ABOVE, Set.of(), false);
    }

    public DiagramOptions withExtras(boolean value) {
        return new DiagramOptions(groupAbove, expanded, value);
    }

    public DiagramOptions withExpanded(Set<String> ids) {
        return new DiagramOptions(groupAbove, ids, extras);
    }
}
