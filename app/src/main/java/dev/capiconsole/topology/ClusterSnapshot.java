package dev.capiconsole.topology;

import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The objects of one Cluster that its describe tree is built from, as read at one moment: the Cluster, the
 * objects its references and its Machines' references point at (those that could be read), and the lists of its
 * Machines, MachineDeployments, MachineSets and MachinePools, in list order; its MachineHealthChecks when the
 * reader was asked for them (clusterctl's describe does not read them).
 */
public final class ClusterSnapshot {

    private final CapiObject cluster;
    private final Map<String, CapiObject> referenced = new HashMap<>();
    private final Map<String, String> contracts = new HashMap<>();
    private List<CapiObject> machines = List.of();
    private List<CapiObject> machineDeployments = List.of();
    private List<CapiObject> machineSets = List.of();
    private List<CapiObject> machinePools = List.of();
    private List<CapiObject> machineHealthChecks = List.of();
    private CapiObject resourceSetBinding;

    public ClusterSnapshot(CapiObject cluster) {
        this.cluster = cluster;
    }

    public CapiObject cluster() {
        return cluster;
    }

    /** Records an object that a reference points at. */
    public ClusterSnapshot withReferenced(ObjectRef ref, CapiObject object) {
        referenced.put(ref.key(), object);
        return this;
    }

    /** Records the newest contract ({@code v1beta2}, {@code v1beta1}) whose label the kind's CRD carries. */
    public ClusterSnapshot withContract(String apiGroup, String kind, String contract) {
        contracts.put(apiGroup + "/" + kind, contract);
        return this;
    }

    public ClusterSnapshot withMachines(List<CapiObject> list) {
        machines = List.copyOf(list);
        return this;
    }

    public ClusterSnapshot withMachineDeployments(List<CapiObject> list) {
        machineDeployments = List.copyOf(list);
        return this;
    }

    public ClusterSnapshot withMachineSets(List<CapiObject> list) {
        machineSets = List.copyOf(list);
        return this;
    }

    public ClusterSnapshot withMachinePools(List<CapiObject> list) {
        machinePools = List.copyOf(list);
        return this;
    }

    public ClusterSnapshot withMachineHealthChecks(List<CapiObject> list) {
        machineHealthChecks = List.copyOf(list);
        return this;
    }

    public ClusterSnapshot withResourceSetBinding(CapiObject binding) {
        resourceSetBinding = binding;
        return this;
    }

    /** The object a reference points at, or null if it is not there or could not be read. */
    public CapiObject resolve(ObjectRef ref) {
        return ref == null ? null : referenced.get(ref.key());
    }

    public String contract(String apiGroup, String kind) {
        return contracts.getOrDefault(apiGroup + "/" + kind, "v1beta2");
    }

    public List<CapiObject> machines() {
        return machines;
    }

    public List<CapiObject> machineDeployments() {
        return machineDeployments;
    }

    public List<CapiObject> machineSets() {
        return machineSets;
    }

    public List<CapiObject> machinePools() {
        return machinePools;
    }

    public List<CapiObject> machineHealthChecks() {
        return machineHealthChecks;
    }

    public CapiObject resourceSetBinding() {
        return resourceSetBinding;
    }

    /** The objects the references point at (infrastructure, control plane, infrastructure machines, configs). */
    public Collection<CapiObject> referencedObjects() {
        return Collections.unmodifiableCollection(referenced.values());
    }
}
