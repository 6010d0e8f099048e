package dev.capiconsole.clusterclass;

import java.util.List;
import java.util.Map;

/**
 * What a Cluster made from a ClusterClass needs: its name and namespace, the class (its namespace empty: the
 * Cluster's), the Kubernetes version, control-plane replicas (null: the server's default), the worker groups and
 * the values of the variables that are set (in the order given; variables left out get the server's defaults).
 */
public record TopologyRequest(String name, String namespace, String className, String classNamespace, String version,
        Integer controlPlaneReplicas, List<WorkerTopology> workers, Map<String, Object> variables) {

    public TopologyRequest {
        classNamespace = classNamespace == null ? "" : classNamespace;
        workers = workers == null ? List.of() : List.copyOf(workers);
        variables = variables == null ? Map.of() : variables;
    }
}
