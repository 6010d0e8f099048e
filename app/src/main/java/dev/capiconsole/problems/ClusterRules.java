package dev.capiconsole.problems;

import dev.capiconsole.topology.CapiObject;
import dev.capiconsole.topology.Condition;
import dev.capiconsole.topology.LabelSelector;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/** A provisioned Cluster without its kubeconfig Secret, nodes not ready with no CNI set, blocked remediation. */
final class ClusterRules {

    private ClusterRules() {
    }

    static List<Problem> kubeconfigMissing(Rule rule, ManagementObjects objects, ProblemOptions options) {
        List<Problem> problems = new ArrayList<>();
        if (!objects.read("", "Secret")) {
            return problems;
        }
        for (CapiObject cluster : objects.core("Cluster")) {
            String secret = cluster.name() + "-kubeconfig";
            if (cluster.deleting() || !controlPlaneInitialized(cluster) || objects.hasSecret(cluster.namespace(), secret)) {
                continue;
            }
            Condition initialized = Facts.condition(cluster, "ControlPlaneInitialized");
            // Since when is unknown: a Secret leaves no trace when deleted.
            problems.add(Facts.problem(rule, Severity.ERROR, cluster, "Kubeconfig Secret " + secret + " is missing",
                    null,
                    "Secret " + cluster.namespace() + "/" + secret + " not found; the control plane is initialized ("
                            + (initialized == null ? "status" : Facts.quote(initialized)) + ")",
                    "The control plane provider writes it again when it reconciles"
                            + (Boolean.TRUE.equals(cluster.get("spec", "paused")) ? " (the Cluster is paused: "
                            + "capi-console resume " + cluster.name() + Facts.namespaceFlag(cluster.namespace()) + ")"
                            : "") + "; check its logs. Until then capi-console get kubeconfig " + cluster.name()
                            + " fails."));
        }
        return problems;
    }

    private static boolean controlPlaneInitialized(CapiObject cluster) {
        Condition initialized = Facts.condition(cluster, "ControlPlaneInitialized");
        return Boolean.TRUE.equals(cluster.get("status", "initialization", "controlPlaneInitialized"))
                || Boolean.TRUE.equals(cluster.get("status", "controlPlaneReady"))
                || initialized != null && initialized.isTrue();
    }

    /** Machines whose Node is not Ready, in a Cluster no ClusterResourceSet selects or is bound to. */
    static List<Problem> notReadyWithoutCni(Rule rule, ManagementObjects objects, ProblemOptions options) {
        List<Problem> problems = new ArrayList<>();
        if (!objects.read(ManagementObjects.ADDONS, "ClusterResourceSet")
                || !objects.read(ManagementObjects.ADDONS, "ClusterResourceSetBinding")) {
            return problems;
        }
        for (CapiObject cluster : objects.core("Cluster")) {
            List<CapiObject> machines = objects.core("Machine").stream()
                    .filter(m -> !m.deleting() && m.namespace().equals(cluster.namespace())
                            && Facts.clusterOf(m).equals(cluster.name()))
                    .toList();
            List<Condition> notReady = machines.stream().map(ClusterRules::nodeNotReady).filter(Objects::nonNull)
                    .toList();
            if (cluster.deleting() || notReady.isEmpty() || selected(cluster, objects) || bound(cluster, objects)) {
                continue;
            }
            Instant since = notReady.stream().map(Condition::lastTransitionTime).filter(Objects::nonNull)
                    .min(Comparator.naturalOrder()).orElse(null);
            problems.add(Facts.problem(rule, Severity.WARNING, cluster, notReady.size() + " of " + machines.size()
                    + " Machines' Nodes are NotReady and no CNI add-on is set for the Cluster", since,
                    Facts.quote(notReady.get(0)) + "; checked: no ClusterResourceSet in " + cluster.namespace()
                            + " selects the Cluster's labels " + cluster.labels() + " and there is no "
                            + "ClusterResourceSetBinding " + cluster.name() + " (CNI pods inside the workload cluster "
                            + "were not checked)",
                    "Look for CNI pods: capi-console get pods --cluster " + cluster.name()
                            + Facts.namespaceFlag(cluster.namespace()) + " -A; if there are none, install a CNI, e.g. "
                            + "capi-console crs create cni --cluster-selector cni=calico --from FILE and label the Cluster"));
        }
        return problems;
    }

    /** NodeReady False, or NodeHealthy False with a message about readiness; null when the Node is fine. */
    private static Condition nodeNotReady(CapiObject machine) {
        Condition ready = Facts.condition(machine, "NodeReady");
        if (Facts.isFalse(ready)) {
            return ready;
        }
        Condition healthy = Facts.condition(machine, "NodeHealthy");
        return Facts.isFalse(healthy) && healthy.message().toLowerCase(Locale.ROOT).contains("ready") ? healthy : null;
    }

    private static boolean selected(CapiObject cluster, ManagementObjects objects) {
        return objects.of(ManagementObjects.ADDONS, "ClusterResourceSet").stream()
                .filter(set -> set.namespace().equals(cluster.namespace()))
                .map(set -> set.map("spec", "clusterSelector"))
                .anyMatch(selector -> !selector.isEmpty() && !emptySelector(selector)
                        && LabelSelector.matches(selector, cluster.labels()));
    }

    private static boolean emptySelector(Map<String, Object> selector) {
        return (!(selector.get("matchLabels") instanceof Map<?, ?> labels) || labels.isEmpty())
                && (!(selector.get("matchExpressions") instanceof List<?> expressions) || expressions.isEmpty());
    }

    private static boolean bound(CapiObject cluster, ManagementObjects objects) {
        return objects.of(ManagementObjects.ADDONS, "ClusterResourceSetBinding").stream()
                .anyMatch(b -> b.namespace().equals(cluster.namespace()) && b.name().equals(cluster.name())
                        && b.get("spec", "bindings") instanceof List<?> list && !list.isEmpty());
    }

    static List<Problem> remediationBlocked(Rule rule, ManagementObjects objects, ProblemOptions options) {
        List<Problem> problems = new ArrayList<>();
        for (CapiObject check : objects.core("MachineHealthCheck")) {
            Condition allowed = Facts.condition(check, "RemediationAllowed");
            if (check.deleting() || !Facts.isFalse(allowed)) {
                continue;
            }
            problems.add(Facts.problem(rule, Severity.WARNING, check, "MachineHealthCheck may not remediate: too many "
                    + "Machines are unhealthy", allowed.lastTransitionTime(), Facts.quote(allowed)
                    + "; status.expectedMachines=" + check.text("status", "expectedMachines")
                    + ", status.currentHealthy=" + check.text("status", "currentHealthy"),
                    "Find why the Machines are unhealthy (" + "capi-console describe cluster " + Facts.clusterOf(check)
                            + Facts.namespaceFlag(check.namespace()) + " --show-conditions Machine); raise "
                            + "spec.remediation.triggerIf.unhealthyLessThanOrEqualTo only if remediating them all is safe"));
        }
        return problems;
    }
}
