package dev.capiconsole.problems;

import dev.capiconsole.topology.CapiObject;
import dev.capiconsole.topology.Condition;
import dev.capiconsole.topology.HumanDuration;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Machines that never got a Node, and control-plane Machines whose certificates run out soon. */
final class MachineRules {

    /** The conditions that say why a Machine has no Node yet, in the order it gets through them. */
    private static final List<String> PROVISIONING = List.of("BootstrapConfigReady", "InfrastructureReady",
            "NodeHealthy", "NodeReady", "Ready");

    private MachineRules() {
    }

    static List<Problem> notProvisioned(Rule rule, ManagementObjects objects, ProblemOptions options) {
        List<Problem> problems = new ArrayList<>();
        for (CapiObject machine : objects.core("Machine")) {
            Instant created = Facts.created(machine);
            if (machine.deleting() || !machine.text("status", "nodeRef", "name").isEmpty() || created == null) {
                continue;
            }
            Duration age = Duration.between(created, objects.now());
            if (age.compareTo(options.provisionTimeout()) < 0) {
                continue;
            }
            Condition blocking = PROVISIONING.stream().map(type -> Facts.condition(machine, type))
                    .filter(c -> c != null && !c.isTrue()).findFirst().orElse(null);
            String phase = machine.text("status", "phase");
            String evidence = "status.nodeRef is not set" + (phase.isEmpty() ? "" : ", status.phase=" + phase)
                    + (blocking == null ? "" : "; " + Facts.quote(blocking));
            problems.add(Facts.problem(rule, Severity.ERROR, machine, "Machine has no Node after "
                    + HumanDuration.format(age), created, evidence, nextStep(machine, blocking)));
        }
        return problems;
    }

    private static String nextStep(CapiObject machine, Condition blocking) {
        String check = blocking != null && blocking.type().equals("BootstrapConfigReady")
                ? "its bootstrap config " + machine.text("spec", "bootstrap", "configRef", "kind") + " "
                        + machine.text("spec", "bootstrap", "configRef", "name")
                : "its infrastructure machine " + machine.text("spec", "infrastructureRef", "kind") + " "
                        + machine.text("spec", "infrastructureRef", "name") + " and the infrastructure provider's logs";
        return "Check " + check + ": " + Facts.describe(machine);
    }

    static List<Problem> certificatesExpiring(Rule rule, ManagementObjects objects, ProblemOptions options) {
        List<Problem> problems = new ArrayList<>();
        for (CapiObject machine : objects.core("Machine")) {
            Instant expiry = Facts.time(machine.text("status", "certificatesExpiryDate"));
            if (expiry == null || machine.deleting() || !controlPlane(machine)) {
                continue;
            }
            Duration left = Duration.between(objects.now(), expiry);
            if (left.compareTo(options.certificateWindow()) > 0) {
                continue;
            }
            boolean expired = left.isNegative();
            String what = expired ? "Control-plane certificates expired " + HumanDuration.format(left.negated()) + " ago"
                    : "Control-plane certificates expire in " + HumanDuration.format(left);
            String owner = machine.controller().map(o -> String.valueOf(o.get("name"))).orElse("NAME");
            problems.add(Facts.problem(rule, expired ? Severity.ERROR : Severity.WARNING, machine, what,
                    expiry.minus(options.certificateWindow()), "status.certificatesExpiryDate=" + expiry,
                    "Replace the control-plane Machines before then: capi-console rollout restart kubeadmcontrolplane/"
                            + owner + Facts.namespaceFlag(machine.namespace())
                            + " (or set the control plane's spec.rollout.before.certificatesExpiryDays)"));
        }
        return problems;
    }

    private static boolean controlPlane(CapiObject machine) {
        return machine.labels().containsKey("cluster.x-k8s.io/control-plane")
                || machine.controller().filter(o -> "KubeadmControlPlane".equals(o.get("kind"))).isPresent();
    }
}
