package dev.capiconsole.problems;

import static dev.capiconsole.problems.Fixtures.cluster;
import static dev.capiconsole.problems.Fixtures.find;
import static dev.capiconsole.problems.Fixtures.machine;
import static dev.capiconsole.problems.Fixtures.objects;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class LifecycleRulesTest {

    @Test
    void aPausedClusterIsReportedSinceItsPausedCondition() {
        List<Problem> problems = find("cluster-paused", objects(cluster("""
                spec: {paused: true}
                status:
                  conditions:
                  - {type: Paused, status: "True", reason: Paused, lastTransitionTime: "2026-12-01T11:30:00Z"}
                """)));

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.object()).isEqualTo("Cluster ns/c1");
            assertThat(p.since()).isEqualTo(Instant.parse("2026-12-01T11:30:00Z"));
            assertThat(p.evidence()).isEqualTo("spec.paused=true; Paused=True Paused");
            assertThat(p.nextStep()).endsWith("capi-console resume c1 -n ns");
        });
        assertThat(find("cluster-paused", objects(cluster("spec: {paused: false}\n")))).isEmpty();
    }

    @Test
    void anObjectPausedByTheAnnotationIsReportedAndOthersAreNot() {
        String paused = """
                apiVersion: infrastructure.cluster.x-k8s.io/v1beta2
                kind: DockerCluster
                metadata:
                  name: c1
                  namespace: ns
                  labels: {cluster.x-k8s.io/cluster-name: c1}
                  annotations: {cluster.x-k8s.io/paused: ""}
                """;
        List<Problem> problems = find("object-paused", objects(paused, machine("m1", "")));

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.object()).isEqualTo("DockerCluster ns/c1");
            assertThat(p.cluster()).isEqualTo("c1");
            assertThat(p.nextStep()).endsWith("kubectl annotate dockercluster.infrastructure.cluster.x-k8s.io c1 -n ns "
                    + "cluster.x-k8s.io/paused-");
        });
    }

    @Test
    void aDeletionHeldByAFinalizerForLongerThanTheTimeoutNamesTheFinalizer() {
        String stuck = machine("m1", "").replace("  labels:", "  deletionTimestamp: \"2026-12-01T11:30:00Z\"\n"
                + "  finalizers: [machine.cluster.x-k8s.io, example.com/hold]\n  labels:");
        List<Problem> problems = find("deletion-stuck", objects(stuck));

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.what()).isEqualTo("Deletion stuck for 30m on finalizers machine.cluster.x-k8s.io, example.com/hold");
            assertThat(p.evidence()).isEqualTo("metadata.deletionTimestamp=2026-12-01T11:30:00Z, "
                    + "metadata.finalizers=[machine.cluster.x-k8s.io, example.com/hold]");
            assertThat(p.since()).isEqualTo(Instant.parse("2026-12-01T11:30:00Z"));
        });
    }

    @Test
    void aRecentDeletionOrOneWithoutFinalizersIsNotStuckAndAPausedClusterIsNamedAsTheCause() {
        String recent = machine("m1", "").replace("  labels:",
                "  deletionTimestamp: \"2026-12-01T11:58:00Z\"\n  finalizers: [machine.cluster.x-k8s.io]\n  labels:");
        assertThat(find("deletion-stuck", objects(recent))).isEmpty();
        String noFinalizer = machine("m1", "").replace("  labels:",
                "  deletionTimestamp: \"2026-12-01T11:00:00Z\"\n  labels:");
        assertThat(find("deletion-stuck", objects(noFinalizer))).isEmpty();

        assertThat(find("deletion-stuck", objects(cluster("spec: {paused: true}\n"), recent.replace("11:58", "11:00"))))
                .singleElement().extracting(Problem::nextStep).asString()
                .startsWith("Its Cluster is paused, so no controller removes the finalizer: resume it");
    }
}
