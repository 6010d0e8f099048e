package dev.capiconsole.problems;

import dev.capiconsole.topology.CapiObject;
import dev.capiconsole.topology.Condition;
import dev.capiconsole.topology.ObjectRef;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A Cluster's control plane that is not available, or whose etcd or components are unhealthy. */
final class ControlPlaneRules {

    private ControlPlaneRules() {
    }

    static List<Problem> unhealthy(Rule rule, ManagementObjects objects, ProblemOptions options) {
        List<Problem> problems = new ArrayList<>();
        for (CapiObject cluster : objects.core("Cluster")) {
            ObjectRef ref = ObjectRef.of(cluster.map("spec", "controlPlaneRef"), cluster.namespace());
            CapiObject controlPlane = ref == null ? null : objects.find(ref);
            if (controlPlane == null || controlPlane.deleting()) {
                continue;
            }
            String pods = "capi-console get pods --cluster " + cluster.name() + Facts.namespaceFlag(cluster.namespace())
                    + " --pod-namespace kube-system";
            Condition etcd = Facts.condition(controlPlane, "EtcdClusterHealthy");
            if (Facts.isFalse(etcd)) {
                problems.add(Facts.problem(rule, Severity.ERROR, controlPlane, "etcd is not healthy",
                        etcd.lastTransitionTime(), Facts.quote(etcd), "The control-plane Machines' EtcdMemberHealthy "
                                + "and EtcdPodHealthy conditions name the member: " + Facts.describe(controlPlane)
                                + "; then " + pods));
            }
            Condition components = Facts.condition(controlPlane, "ControlPlaneComponentsHealthy");
            if (Facts.isFalse(components)) {
                problems.add(Facts.problem(rule, Severity.ERROR, controlPlane, "Control-plane components are not healthy",
                        components.lastTransitionTime(), Facts.quote(components), "The control-plane Machines' "
                                + "APIServerPodHealthy, ControllerManagerPodHealthy and SchedulerPodHealthy conditions "
                                + "name the pod: " + Facts.describe(controlPlane) + "; then " + pods));
            }
            Condition available = Facts.condition(controlPlane, "Available");
            if (available != null && !available.isTrue() && (initialized(controlPlane)
                    || longerThan(available, objects, options.provisionTimeout()))) {
                problems.add(Facts.problem(rule, Severity.ERROR, controlPlane, "Control plane is not available",
                        available.lastTransitionTime(), Facts.quote(available), "Check the control-plane Machines "
                                + "and the control plane provider's logs: " + Facts.describe(controlPlane)));
            }
        }
        return problems;
    }

    /** Whether the control plane came up once (then being unavailable is no start-up delay). */
    private static boolean initialized(CapiObject controlPlane) {
        return Boolean.TRUE.equals(controlPlane.get("status", "initialization", "controlPlaneInitialized"))
                || Boolean.TRUE.equals(controlPlane.get("status", "initialized"));
    }

    static boolean longerThan(Condition condition, ManagementObjects objects, Duration limit) {
        return condition.lastTransitionTime() != null
                && Duration.between(condition.lastTransitionTime(), objects.now()).compareTo(limit) >= 0;
    }
}
