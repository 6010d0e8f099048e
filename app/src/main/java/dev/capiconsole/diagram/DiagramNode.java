package dev.capiconsole.diagram;

import java.util.List;
import java.util.Locale;

/**
 * A box of the diagram: one object, a reference that is shown but not read (templates, the ClusterClass), or a
 * group of alike Machines of one owner.
 *
 * @param id stable across rebuilds: {@code Kind/namespace/name}, or {@code owner-id#Machines} for a group
 * @param detail a short line under the name: version, replica counts, or the group's counts
 * @param reason the deciding condition's type, status and reason (and message), for a tooltip; empty when none
 * @param group the members of a group node, else null
 */
public record DiagramNode(String id, Role role, String kind, String namespace, String name, String detail,
                          Health health, String reason, boolean deleting, boolean paused, Group group) {

    /** What the node stands for in Cluster API's picture of a cluster. */
    public enum Role {
        CLUSTER, INFRASTRUCTURE_CLUSTER, CONTROL_PLANE, MACHINE_DEPLOYMENT, MACHINE_SET, MACHINE_POOL, MACHINE,
        INFRASTRUCTURE_MACHINE, BOOTSTRAP_CONFIG, MACHINE_GROUP, MACHINE_HEALTH_CHECK, RESOURCE_SET, CLUSTER_CLASS,
        TEMPLATE
    }

    /** The colour of the deciding condition, by the same rule the tree's status column uses. */
    public enum Health { GOOD, BAD, UNKNOWN, NONE }

    /** The Machines a group node stands for, with how many are ready and how many are being deleted. */
    public record Group(List<String> members, int ready, int deleting) {
    }

    public static String id(String kind, String namespace, String name) {
        return kind + "/" + namespace + "/" + name;
    }

    /** The text a search matches: kind, name and namespace, and a group's members. */
    public boolean matches(String query) {
        String needle = query.toLowerCase(Locale.ROOT);
        if ((kind + " " + namespace + "/" + name).toLowerCase(Locale.ROOT).contains(needle)) {
            return true;
        }
        return group != null && group.members().stream().anyMatch(m -> m.toLowerCase(Locale.ROOT)
                .contains(needle));
    }

    /** The first line of the box. */
    public String title() {
        return role == Role.MACHINE_GROUP ? group.members().size() + " Machines" : kind;
    }
}
