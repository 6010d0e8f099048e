package dev.capiconsole.diagram;

import dev.capiconsole.diagram.DiagramNode.Role;
import dev.capiconsole.topology.CapiObject;
import java.util.ArrayList;
import java.util.List;

/** The short line under a node's name: what an operator looks for first on that kind of object. */
final class NodeDetails {

    private NodeDetails() {
    }

    static String of(Role role, CapiObject object) {
        List<String> parts = new ArrayList<>();
        switch (role) {
            case CLUSTER -> {
                parts.add(object.text("status", "phase"));
                parts.add(object.text("spec", "topology", "version"));
            }
            case CONTROL_PLANE, MACHINE_DEPLOYMENT, MACHINE_SET, MACHINE_POOL -> {
                Long current = object.integer("status", "replicas");
                Long desired = object.integer("spec", "replicas");
                if (desired != null) {
                    parts.add((current == null ? 0 : current) + "/" + desired + " replicas");
                }
                parts.add(object.text(role == Role.CONTROL_PLANE ? new String[] {"spec", "version"}
                        : new String[] {"spec", "template", "spec", "version"}));
            }
            case MACHINE -> {
                parts.add(object.text("status", "phase"));
                parts.add(object.text("spec", "version"));
            }
            case MACHINE_HEALTH_CHECK -> {
                Long expected = object.integer("status", "expectedMachines");
                Long healthy = object.integer("status", "currentHealthy");
                if (expected != null) {
                    parts.add((healthy == null ? 0 : healthy) + "/" + expected + " healthy");
                }
            }
            default -> parts.add(object.text("status", "phase"));
        }
        return String.join(" · ", parts.stream().filter(p -> !p.isEmpty()).toList());
    }
}
