package dev.capiconsole.problems;

import dev.capiconsole.topology.CapiObject;
import dev.capiconsole.topology.Condition;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** What rules read from an object: its cluster, its conditions of either API version, its times. */
final class Facts {

    static final String CLUSTER_NAME_LABEL = CapiObject.CLUSTER_NAME_LABEL;

    private Facts() {
    }

    /** The Cluster an object belongs to: its own name for a Cluster, else its cluster-name label or spec.clusterName. */
    static String clusterOf(CapiObject object) {
        if (object.kind().equals("Cluster") && ManagementObjects.group(object.apiVersion()).equals(ManagementObjects.CORE)) {
            return object.name();
        }
        Object label = object.labels().get(CLUSTER_NAME_LABEL);
        return label != null ? label.toString() : object.text("spec", "clusterName");
    }

    /** The v1beta2 condition of that type, else the deprecated v1beta1 one (older management clusters). */
    static Condition condition(CapiObject object, String type) {
        Condition current = object.condition(type);
        if (current != null) {
            return current;
        }
        return object.v1beta1Conditions().stream().filter(c -> c.type().equals(type)).findFirst().orElse(null);
    }

    static boolean isFalse(Condition condition) {
        return condition != null && "False".equals(condition.status());
    }

    /** {@code Type=Status Reason: message}, the way a condition is quoted as evidence. */
    static String quote(Condition condition) {
        String message = condition.message() == null ? "" : condition.message().strip().replace('\n', ' ');
        return condition.type() + "=" + condition.status() + (condition.reason().isEmpty() ? "" : " " + condition.reason())
                + (message.isEmpty() ? "" : ": " + message);
    }

    static Instant created(CapiObject object) {
        return time(object.text("metadata", "creationTimestamp"));
    }

    static Instant deleted(CapiObject object) {
        return time(object.text("metadata", "deletionTimestamp"));
    }

    static Instant time(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    static Problem problem(Rule rule, Severity severity, CapiObject object, String what, Instant since, String evidence,
                           String nextStep) {
        return new Problem(rule.id(), severity, what, since, object.kind(), object.namespace(), object.name(),
                clusterOf(object), evidence, nextStep);
    }

    /** {@code -n NS} for a command line about an object of that namespace. */
    static String namespaceFlag(String namespace) {
        return namespace == null || namespace.isEmpty() ? "" : " -n " + namespace;
    }

    /** The describe command that shows an object's conditions in its cluster's tree. */
    static String describe(CapiObject object) {
        return "capi-console describe cluster " + clusterOf(object) + namespaceFlag(object.namespace())
                + " --show-conditions " + object.kind() + "/" + object.name();
    }
}
