package dev.capiconsole.topology;

import java.util.List;

/** Where a Cluster's objects are read from: the API server directly, or a live cache of it. */
public interface ObjectSource {

    /** The v1beta2 Cluster, or null if there is none. */
    CapiObject cluster(String namespace, String name);

    /** Core v1beta2 objects of {@code kind} labelled with the cluster's name, in a stable order. */
    List<CapiObject> list(String kind, String namespace, String clusterName);

    /** The object a contract reference points at, or null if it is missing or cannot be read. */
    CapiObject referenced(ObjectRef ref);

    /** The newest contract ({@code v1beta2} or {@code v1beta1}) of a provider kind, from its CRD labels. */
    String contract(String apiGroup, String kind);

    /** The ClusterResourceSetBinding named like the cluster, or null. */
    CapiObject resourceSetBinding(String namespace, String clusterName);
}
