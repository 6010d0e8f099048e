package dev.capiconsole.diagram;

import java.util.List;
import java.util.Optional;

/** The nodes and edges of one Cluster's diagram, in the order they were found (parents before children). */
public record Diagram(List<DiagramNode> nodes, List<DiagramEdge> edges) {

    public Diagram {
        nodes = List.copyOf(nodes);
        edges = List.copyOf(edges);
    }

    public Optional<DiagramNode> node(String id) {
        return nodes.stream().filter(n -> n.id().equals(id)).findFirst();
    }

    /** The node the first line into this one comes from (health checks aside): its owner in the picture. */
    public Optional<DiagramNode> owner(String id) {
        return edges.stream().filter(e -> e.to().equals(id) && e.relation() != DiagramEdge.Relation.HEALTH_CHECKS)
                .findFirst().flatMap(e -> node(e.from()));
    }
}
