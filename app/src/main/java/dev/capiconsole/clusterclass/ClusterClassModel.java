package dev.capiconsole.clusterclass;

import java.util.List;
import java.util.Optional;

/**
 * A ClusterClass as the console shows it and builds Clusters from it: its variables (from the class's status when
 * the topology controller has reconciled them, so variables of external patches are included; else from its
 * spec), control-plane and worker classes, the Kubernetes versions it allows (empty: any), and the Clusters using it
 * ({@code namespace/name}).
 */
public record ClusterClassModel(String namespace, String name, String apiVersion, List<ClassVariable> variables,
        ControlPlaneClass controlPlane, List<WorkerClass> workerClasses, List<String> kubernetesVersions,
        List<String> clusters) {

    public Optional<ClassVariable> variable(String variableName) {
        return variables.stream().filter(v -> v.name().equals(variableName)).findFirst();
    }

    public Optional<WorkerClass> workerClass(String className) {
        return workerClasses.stream().filter(w -> w.name().equals(className)).findFirst();
    }

    public List<WorkerClass> machineDeploymentClasses() {
        return workerClasses.stream().filter(w -> w.kind() == WorkerClass.Kind.MACHINE_DEPLOYMENT).toList();
    }

    public List<WorkerClass> machinePoolClasses() {
        return workerClasses.stream().filter(w -> w.kind() == WorkerClass.Kind.MACHINE_POOL).toList();
    }

    /** Whether the Cluster API served for this class is v1beta1 (older management clusters). */
    public boolean v1beta1() {
        return apiVersion.endsWith("/v1beta1");
    }
}
