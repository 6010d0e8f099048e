package dev.capiconsole.clusterclass;

/** A class's control plane: its template's kind and name, and the kind of its machines' infrastructure template. */
public record ControlPlaneClass(String templateKind, String templateName, String machineInfrastructureKind) {

    /** {@code KubeadmControlPlaneTemplate + DevMachineTemplate}, or the template kind alone. */
    public String label() {
        return templateKind + (machineInfrastructureKind.isEmpty() ? "" : " + " + machineInfrastructureKind);
    }
}
