package dev.capiconsole.problems;

import dev.capiconsole.topology.CapiObject;
import dev.capiconsole.topology.Condition;
import dev.capiconsole.topology.HumanDuration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** MachineDeployments whose rollout or scale-up does not move, and MachineSets that cannot create Machines. */
final class WorkerRules {

    private WorkerRules() {
    }

    /** ScalingUp True with "is blocked" (v1beta2), or the deprecated MachinesCreated False (v1beta1). */
    static List<Problem> cannotCreateMachines(Rule rule, ManagementObjects objects, ProblemOptions options) {
        List<Problem> problems = new ArrayList<>();
        for (String kind : List.of("MachineDeployment", "MachineSet")) {
            for (CapiObject object : objects.core(kind)) {
                if (object.deleting()) {
                    continue;
                }
                Condition scaling = object.condition("ScalingUp");
                Condition created = object.v1beta1Conditions().stream()
                        .filter(c -> c.type().equals("MachinesCreated")).findFirst().orElse(null);
                Condition blocked = scaling != null && scaling.isTrue()
                        && scaling.message().toLowerCase(Locale.ROOT).contains("blocked") ? scaling
                        : Facts.isFalse(created) ? created : null;
                if (blocked != null) {
                    problems.add(Facts.problem(rule, Severity.ERROR, object, kind + " cannot create Machines",
                            blocked.lastTransitionTime(), Facts.quote(blocked), "The message names what blocks it "
                                    + "(a missing template, a preflight check); fix that, then: "
                                    + Facts.describe(object)));
                }
            }
        }
        return problems;
    }

    /** RollingOut or ScalingUp True for longer than the provision timeout. */
    static List<Problem> notProgressing(Rule rule, ManagementObjects objects, ProblemOptions options) {
        List<Problem> problems = new ArrayList<>();
        for (CapiObject deployment : objects.core("MachineDeployment")) {
            if (deployment.deleting()) {
                continue;
            }
            for (String type : List.of("RollingOut", "ScalingUp")) {
                Condition condition = deployment.condition(type);
                if (condition == null || !condition.isTrue()
                        || !ControlPlaneRules.longerThan(condition, objects, options.provisionTimeout())
                        || condition.message().toLowerCase(Locale.ROOT).contains("blocked")) {
                    continue;
                }
                String doing = type.equals("RollingOut") ? "rolling out" : "scaling up";
                problems.add(Facts.problem(rule, Severity.WARNING, deployment, "MachineDeployment still " + doing
                        + " after " + HumanDuration.since(condition.lastTransitionTime(), objects.now()),
                        condition.lastTransitionTime(), Facts.quote(condition), "Look at its newest Machines (not "
                                + "provisioned? not healthy?) and their MachineHealthCheck: " + Facts.describe(deployment)
                                + " --show-machinesets"));
                break;
            }
        }
        return problems;
    }
}
