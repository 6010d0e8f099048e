package dev.capiconsole.topology;

import java.util.List;

/**
 * Gathers one Cluster's objects from an {@link ObjectSource} the way {@code clusterctl describe} discovers them:
 * core objects by the cluster-name label, provider objects through the contract references.
 */
public final class SnapshotReader {

    static final String CORE = "cluster.x-k8s.io/v1beta2";

    private final ObjectSource source;
    private final boolean healthChecks;

    public SnapshotReader(ObjectSource source) {
        this(source, false);
    }

    private SnapshotReader(ObjectSource source, boolean healthChecks) {
        this.source = source;
        this.healthChecks = healthChecks;
    }

    /** A reader that also lists the Cluster's MachineHealthChecks (one more list; describe does not need it). */
    public SnapshotReader withMachineHealthChecks() {
        return new SnapshotReader(source, true);
    }

    /** The snapshot, or an exception naming the Cluster when it does not exist. */
    public ClusterSnapshot read(String namespace, String name) {
        CapiObject cluster = source.cluster(namespace, name);
        if (cluster == null) {
            throw new IllegalArgumentException("Cluster " + namespace + "/" + name + " not found");
        }
        ClusterSnapshot snapshot = new ClusterSnapshot(cluster);
        resolve(snapshot, ObjectRef.of(cluster.map("spec", "infrastructureRef"), namespace));
        ObjectRef controlPlane = ObjectRef.of(cluster.map("spec", "controlPlaneRef"), namespace);
        if (resolve(snapshot, controlPlane) != null) {
            snapshot.withContract(controlPlane.apiGroup(), controlPlane.kind(),
                    source.contract(controlPlane.apiGroup(), controlPlane.kind()));
        }
        List<CapiObject> machines = source.list("Machine", namespace, name);
        snapshot.withMachines(machines)
                .withMachineDeployments(source.list("MachineDeployment", namespace, name))
                .withMachineSets(source.list("MachineSet", namespace, name))
                .withMachinePools(source.list("MachinePool", namespace, name));
        for (CapiObject machine : machines) {
            resolve(snapshot, ObjectRef.of(machine.map("spec", "infrastructureRef"), namespace));
            resolve(snapshot, ObjectRef.of(machine.map("spec", "bootstrap", "configRef"), namespace));
        }
        for (CapiObject pool : snapshot.machinePools()) {
            resolve(snapshot, ObjectRef.of(pool.map("spec", "template", "spec", "bootstrap", "configRef"), namespace));
            resolve(snapshot, ObjectRef.of(pool.map("spec", "template", "spec", "infrastructureRef"), namespace));
        }
        if (healthChecks) {
            snapshot.withMachineHealthChecks(source.list("MachineHealthCheck", namespace, name));
        }
        CapiObject binding = source.resourceSetBinding(namespace, name);
        if (binding != null) {
            snapshot.withResourceSetBinding(binding);
        }
        return snapshot;
    }

    private CapiObject resolve(ClusterSnapshot snapshot, ObjectRef ref) {
        CapiObject object = ref == null ? null : source.referenced(ref);
        if (object != null) {
            snapshot.withReferenced(ref, object);
        }
        return object;
    }
}
