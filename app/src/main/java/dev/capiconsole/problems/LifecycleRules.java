package dev.capiconsole.problems;

import dev.capiconsole.topology.CapiObject;
import dev.capiconsole.topology.Condition;
import dev.capiconsole.topology.HumanDuration;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Paused Clusters and objects, and deletions held up by a finalizer. */
final class LifecycleRules {

    static final String PAUSED_ANNOTATION = "cluster.x-k8s.io/paused";

    private LifecycleRules() {
    }

    static List<Problem> pausedCluster(Rule rule, ManagementObjects objects, ProblemOptions options) {
        List<Problem> problems = new ArrayList<>();
        for (CapiObject cluster : objects.core("Cluster")) {
            if (!Boolean.TRUE.equals(cluster.get("spec", "paused"))) {
                continue;
            }
            Condition paused = Facts.condition(cluster, "Paused");
            problems.add(Facts.problem(rule, Severity.WARNING, cluster, "Cluster is paused: its controllers change "
                    + "nothing", paused != null && paused.isTrue() ? paused.lastTransitionTime() : null,
                    "spec.paused=true" + (paused == null ? "" : "; " + Facts.quote(paused)),
                    "Resume it when the maintenance is over: capi-console resume " + cluster.name()
                            + Facts.namespaceFlag(cluster.namespace())));
        }
        return problems;
    }

    static List<Problem> pausedObjects(Rule rule, ManagementObjects objects, ProblemOptions options) {
        List<Problem> problems = new ArrayList<>();
        for (CapiObject object : objects.all()) {
            if (!object.annotations().containsKey(PAUSED_ANNOTATION)) {
                continue;
            }
            Condition paused = Facts.condition(object, "Paused");
            problems.add(Facts.problem(rule, Severity.WARNING, object, object.kind() + " is paused by annotation",
                    paused != null && paused.isTrue() ? paused.lastTransitionTime() : null,
                    "metadata.annotations[" + PAUSED_ANNOTATION + "]=\"" + object.annotations().get(PAUSED_ANNOTATION)
                            + "\"", "Remove the annotation when the move or maintenance is over: kubectl annotate "
                            + resource(object) + " " + PAUSED_ANNOTATION + "-"));
        }
        return problems;
    }

    static List<Problem> deletionStuck(Rule rule, ManagementObjects objects, ProblemOptions options) {
        List<Problem> problems = new ArrayList<>();
        for (CapiObject object : objects.all()) {
            Instant deleted = Facts.deleted(object);
            List<?> finalizers = object.get("metadata", "finalizers") instanceof List<?> list ? list : List.of();
            if (deleted == null || finalizers.isEmpty()
                    || Duration.between(deleted, objects.now()).compareTo(options.deletionTimeout()) < 0) {
                continue;
            }
            List<String> names = finalizers.stream().map(String::valueOf).toList();
            CapiObject cluster = objects.core("Cluster").stream()
                    .filter(c -> c.namespace().equals(object.namespace()) && c.name().equals(Facts.clusterOf(object)))
                    .findFirst().orElse(null);
            boolean paused = cluster != null && Boolean.TRUE.equals(cluster.get("spec", "paused"));
            problems.add(Facts.problem(rule, Severity.ERROR, object, "Deletion stuck for "
                    + HumanDuration.since(deleted, objects.now()) + " on finalizer" + (names.size() == 1 ? " " : "s ")
                    + String.join(", ", names), deleted, "metadata.deletionTimestamp=" + deleted
                    + ", metadata.finalizers=" + names, (paused ? "Its Cluster is paused, so no controller "
                    + "removes the finalizer: resume it (capi-console resume " + cluster.name()
                    + Facts.namespaceFlag(cluster.namespace()) + "). " : "")
                    + "The controller that owns " + names.get(0) + " removes it when its clean-up succeeds: check that "
                    + "controller's logs. Only if that controller is gone for good: kubectl patch " + resource(object)
                    + " --type merge -p '{\"metadata\":{\"finalizers\":null}}'"));
        }
        return problems;
    }

    /** {@code kind.group name -n namespace} for kubectl. */
    static String resource(CapiObject object) {
        String group = ManagementObjects.group(object.apiVersion());
        return object.kind().toLowerCase(Locale.ROOT) + (group.isEmpty() ? "" : "." + group) + " " + object.name()
                + Facts.namespaceFlag(object.namespace());
    }
}
