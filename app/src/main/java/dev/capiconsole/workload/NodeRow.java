package dev.capiconsole.workload;

import dev.capiconsole.topology.HumanDuration;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeAddress;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/** One line of the nodes view: name, roles, Ready status, kubelet version, addresses, age. */
public record NodeRow(String name, String roles, String status, String version, String addresses, String age) {

    private static final String ROLE_PREFIX = "node-role.kubernetes.io/";

    public static NodeRow of(Node node, Instant now) {
        String roles = node.getMetadata().getLabels() == null ? "" : node.getMetadata().getLabels().keySet().stream()
                .filter(l -> l.startsWith(ROLE_PREFIX)).map(l -> l.substring(ROLE_PREFIX.length())).sorted()
                .collect(Collectors.joining(","));
        String ready = node.getStatus() == null || node.getStatus().getConditions() == null ? "Unknown"
                : node.getStatus().getConditions().stream().filter(c -> "Ready".equals(c.getType())).findFirst()
                        .map(c -> "True".equals(c.getStatus()) ? "Ready" : "NotReady").orElse("Unknown");
        if (Boolean.TRUE.equals(node.getSpec() == null ? null : node.getSpec().getUnschedulable())) {
            ready += ",SchedulingDisabled";
        }
        List<NodeAddress> addresses = node.getStatus() == null || node.getStatus().getAddresses() == null ? List.of()
                : node.getStatus().getAddresses();
        String created = node.getMetadata().getCreationTimestamp();
        return new NodeRow(node.getMetadata().getName(), roles.isEmpty() ? "<none>" : roles, ready,
                node.getStatus() == null || node.getStatus().getNodeInfo() == null ? ""
                        : node.getStatus().getNodeInfo().getKubeletVersion(),
                addresses.stream().map(a -> a.getType() + "=" + a.getAddress()).collect(Collectors.joining(", ")),
                created == null ? "" : HumanDuration.since(Instant.parse(created), now));
    }
}
