package dev.capiconsole.clusterclass;

import java.util.Map;

/**
 * One worker group of a topology Cluster: its class (a MachineDeployment or MachinePool class of the ClusterClass),
 * its name, replicas (null: the server's default), failure domain (empty: none) and variable overrides.
 */
public record WorkerTopology(String className, String name, Integer replicas, String failureDomain,
        Map<String, Object> overrides) {

    public WorkerTopology {
        failureDomain = failureDomain == null ? "" : failureDomain;
        overrides = overrides == null ? Map.of() : overrides;
    }
}
