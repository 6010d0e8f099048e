package dev.capiconsole.clusterclass;

/** A worker class: MachineDeployment or MachinePool, its class name, and its templates' kinds. */
public record WorkerClass(Kind kind, String name, String bootstrapKind, String infrastructureKind) {

    public enum Kind { MACHINE_DEPLOYMENT, MACHINE_POOL }

    public String label() {
        return kind == Kind.MACHINE_POOL ? name + " (pool)" : name;
    }
}
