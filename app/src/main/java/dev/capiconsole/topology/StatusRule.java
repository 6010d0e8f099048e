package dev.capiconsole.topology;

import java.util.function.Function;

/**
 * Which condition gives an object its STATUS in {@code clusterctl describe cluster}: Available for a Cluster and a
 * MachineDeployment, Ready for a Machine, RemediationAllowed for a MachineHealthCheck, Available (else Ready) for a
 * control plane, Ready for any other provider object, none for the other core kinds. Every view that colours an object by its state uses this one rule.
 */
public final class StatusRule {

    private StatusRule() {
    }

    /** The deciding condition, looked up through {@code conditions}; null when the object has none. */
    public static Condition condition(CapiObject object, boolean controlPlane, Function<String, Condition> conditions) {
        if (object.isTyped()) {
            return switch (object.kind()) {
                case "Cluster", "MachineDeployment" -> conditions.apply("Available");
                case "Machine" -> conditions.apply("Ready");
                case "MachineHealthCheck" -> conditions.apply("RemediationAllowed");
                default -> null;
            };
        }
        if (controlPlane) {
            Condition available = conditions.apply("Available");
            return available != null ? available : conditions.apply("Ready");
        }
        return conditions.apply("Ready");
    }
}
