package dev.capiconsole.operations;

import dev.capiconsole.topology.CapiObject;
import dev.capiconsole.topology.HealthChecks;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Remediation changes, planned like {@link ChangePlanner}'s: mark a Machine for remediation, keep a Machine out of
 * (or back in) its MachineHealthChecks, and pause or resume a MachineHealthCheck.
 *
 * <p>Pausing uses the {@code cluster.x-k8s.io/paused} annotation on the MachineHealthCheck. In Cluster API v1.14 its
 * controller checks that annotation before anything else and stops there (it only sets its Paused condition), so
 * it marks no Machine for remediation until the annotation is gone. Lowering
 * {@code spec.remediation.triggerIf.unhealthyLessThanOrEqualTo} to 0 would also block remediation, but it rewrites
 * the operator's own limit (which resume would have to remember), and on a ClusterClass cluster the topology
 * controller puts back a limit the class sets; the annotation is no field of the spec, so both leave it alone.
 */
public final class RemediationPlanner {

    private static final String UNSET = "<unset>";
    private static final String EMPTY = "\"\"";

    private RemediationPlanner() {
    }

    /**
     * The {@code remediate-machine} annotation: every MachineHealthCheck selecting the Machine counts it unhealthy at
     * once, and its owner (MachineSet or KubeadmControlPlane) replaces it.
     */
    public static Change markForRemediation(CapiObject machine, List<CapiObject> checks) {
        Map<String, Object> annotations = machine.annotations();
        if (annotations.containsKey(HealthChecks.REMEDIATE_MACHINE)) {
            throw new OperationRefused(machine.display() + " is already marked for remediation ("
                    + HealthChecks.REMEDIATE_MACHINE + ")");
        }
        if (machine.deleting()) {
            throw new OperationRefused(machine.display() + " is being deleted already");
        }
        if (annotations.containsKey(HealthChecks.SKIP_REMEDIATION)) {
            throw new OperationRefused(machine.display() + " has the " + HealthChecks.SKIP_REMEDIATION
                    + " annotation, so no MachineHealthCheck looks at it: allow remediation first");
        }
        List<CapiObject> selecting = HealthChecks.selecting(checks, machine);
        if (selecting.isEmpty()) {
            throw new OperationRefused("no MachineHealthCheck selects " + machine.display()
                    + ", so nothing would act on the mark: delete the Machine to have it replaced");
        }
        List<String> warnings = new ArrayList<>();
        warnings.add("checked by " + String.join(", ", selecting.stream().map(CapiObject::name).toList())
                + ": it counts as unhealthy at once, then its owner deletes it (the node is drained first) and "
                + "creates a replacement");
        if (machine.labels().containsKey(ChangePlanner.CONTROL_PLANE_LABEL)) {
            warnings.add("a KubeadmControlPlane remediates one machine at a time, and only while etcd keeps its "
                    + "quorum");
        }
        selecting.stream().filter(check -> check.annotations().containsKey(HealthChecks.PAUSED)).forEach(check ->
                warnings.add("MachineHealthCheck " + check.name() + " is paused: it acts once resumed"));
        return annotate(machine, "Mark " + machine.display() + " for remediation", HealthChecks.REMEDIATE_MACHINE,
                true, warnings);
    }

    /** The {@code skip-remediation} annotation on ({@code skip}) or off a Machine. */
    public static Change skipRemediation(CapiObject machine, boolean skip) {
        boolean skipped = machine.annotations().containsKey(HealthChecks.SKIP_REMEDIATION);
        if (skip == skipped) {
            throw new OperationRefused(machine.display() + (skip ? " already skips remediation"
                    : " does not skip remediation (no " + HealthChecks.SKIP_REMEDIATION + " annotation)"));
        }
        List<String> warnings = skip
                ? List.of("MachineHealthChecks stop counting it as a target until remediation is allowed again; "
                + "a remediation its owner already started goes on")
                : List.of("MachineHealthChecks check it again from their next reconcile");
        return annotate(machine, (skip ? "Skip remediation of " : "Allow remediation of ") + machine.display(),
                HealthChecks.SKIP_REMEDIATION, skip, warnings);
    }

    /** The {@code paused} annotation on ({@code pause}) or off a MachineHealthCheck. */
    public static Change pauseRemediation(CapiObject check, boolean pause) {
        boolean paused = check.annotations().containsKey(HealthChecks.PAUSED);
        if (pause == paused) {
            throw new OperationRefused(check.display() + (pause ? " is already paused"
                    : " is not paused (no " + HealthChecks.PAUSED + " annotation)"));
        }
        List<String> warnings = pause
                ? List.of("it stops checking and marks no Machine for remediation until resumed; its counters keep "
                + "their last values", "Machines already marked (OwnerRemediated False) are still replaced by "
                + "their owner")
                : List.of("it checks its Machines again and remediates those found unhealthy");
        return annotate(check, (pause ? "Pause remediation of " : "Resume remediation of ") + check.display(),
                HealthChecks.PAUSED, pause, warnings);
    }

    private static Change annotate(CapiObject object, String summary, String annotation, boolean set,
                                   List<String> warnings) {
        Map<String, Object> annotations = new LinkedHashMap<>();
        annotations.put(annotation, set ? "" : null); // null removes the annotation in a merge patch
        return ChangePlanner.merge(object, summary, Map.of("metadata", Map.of("annotations", annotations)),
                List.of(new Change.FieldChange("metadata.annotations[" + annotation + "]", set ? UNSET : EMPTY,
                        set ? EMPTY : UNSET)), warnings);
    }
}
