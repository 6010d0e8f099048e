package dev.capiconsole.problems;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.Yaml;

/** Objects for the rule tests, written as the YAML the API server would return. */
final class Fixtures {

    static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    static final String HOUR_AGO = "2026-12-01T11:00:00Z";
    static final String MINUTE_AGO = "2026-12-01T11:59:00Z";

    private Fixtures() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> yaml(String text) {
        return (Map<String, Object>) new Yaml().load(text);
    }

    /** Objects read at {@link #NOW}, with every kind they use marked as read (as the reader does). */
    static ManagementObjects objects(String... yaml) {
        ManagementObjects objects = new ManagementObjects(NOW);
        for (String text : yaml) {
            objects.add(yaml(text));
        }
        objects.kindRead("", "Secret").kindRead("addons.cluster.x-k8s.io", "ClusterResourceSet")
                .kindRead("addons.cluster.x-k8s.io", "ClusterResourceSetBinding").kindRead("apps", "Deployment");
        return objects;
    }

    /** The problems one rule finds, with default options. */
    static List<Problem> find(String ruleId, ManagementObjects objects) {
        return Rules.ALL.stream().filter(r -> r.id().equals(ruleId)).findFirst().orElseThrow()
                .find(objects, ProblemOptions.defaults());
    }

    /** A v1beta2 Cluster {@code c1} in {@code ns} with the given extra YAML under it (indented two spaces). */
    static String cluster(String extra) {
        return """
                apiVersion: cluster.x-k8s.io/v1beta2
                kind: Cluster
                metadata:
                  name: c1
                  namespace: ns
                  creationTimestamp: "2026-12-01T10:00:00Z"
                """ + extra;
    }

    /** A Machine {@code name} of cluster c1, with the given extra YAML. */
    static String machine(String name, String extra) {
        return """
                apiVersion: cluster.x-k8s.io/v1beta2
                kind: Machine
                metadata:
                  name: %s
                  namespace: ns
                  creationTimestamp: "2026-12-01T11:00:00Z"
                  labels:
                    cluster.x-k8s.io/cluster-name: c1
                """.formatted(name) + extra;
    }
}
