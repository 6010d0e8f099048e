package dev.capiconsole.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.capiconsole.topology.CapiObject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** The remediation changes: annotations on a Machine or a MachineHealthCheck, with their refusals and warnings. */
class RemediationPlannerTest {

    private static final CapiObject CHECK = object("""
            apiVersion: cluster.x-k8s.io/v1beta2
            kind: MachineHealthCheck
            metadata: {name: workers, namespace: ns, resourceVersion: "3"}
            spec:
              clusterName: c1
              selector: {matchLabels: {cluster.x-k8s.io/deployment-name: md-0}}
            """);

    private static final CapiObject PAUSED_CHECK = object("""
            apiVersion: cluster.x-k8s.io/v1beta2
            kind: MachineHealthCheck
            metadata: {name: workers-paused, namespace: ns, resourceVersion: "4", annotations: {cluster.x-k8s.io/paused: ""}}
            spec:
              clusterName: c1
              selector: {}
            """);

    private static CapiObject object(String yaml) {
        return CapiObject.unstructured(new Yaml().load(yaml));
    }

    private static CapiObject machine(String annotations, String deployment) {
        return object("""
                apiVersion: cluster.x-k8s.io/v1beta2
                kind: Machine
                metadata:
                  name: md-0-x
                  namespace: ns
                  resourceVersion: "11"
                  labels: {cluster.x-k8s.io/cluster-name: c1, cluster.x-k8s.io/deployment-name: %s}
                  annotations: %s
                """.formatted(deployment, annotations));
    }

    @Test
    void markingSetsTheRemediateAnnotationGuardedByTheResourceVersionAndNamesTheChecks() {
        Change change = RemediationPlanner.markForRemediation(machine("{}", "md-0"), List.of(CHECK, PAUSED_CHECK));
        Map<?, ?> patch = new Yaml().load(change.patch());
        assertThat(patch).isEqualTo(Map.of("metadata", Map.of("resourceVersion", "11",
                "annotations", Map.of("cluster.x-k8s.io/remediate-machine", ""))));
        assertThat(change.kind()).isEqualTo(Change.Kind.MERGE_PATCH);
        assertThat(change.summary()).isEqualTo("Mark Machine ns/md-0-x for remediation");
        assertThat(change.fields()).containsExactly(new Change.FieldChange(
                "metadata.annotations[cluster.x-k8s.io/remediate-machine]", "<unset>", "\"\""));
        assertThat(change.warnings()).anyMatch(w -> w.startsWith("checked by workers, workers-paused:"))
                .contains("MachineHealthCheck workers-paused is paused: it acts once resumed");
    }

    @Test
    void markingIsRefusedWhereNothingWouldActOnIt() {
        assertThatThrownBy(() -> RemediationPlanner.markForRemediation(machine("{}", "md-1"), List.of(CHECK)))
                .isInstanceOf(OperationRefused.class).hasMessageContaining("no MachineHealthCheck selects");
        assertThatThrownBy(() -> RemediationPlanner.markForRemediation(
                machine("{cluster.x-k8s.io/skip-remediation: ''}", "md-0"), List.of(CHECK)))
                .hasMessageContaining("allow remediation first");
        assertThatThrownBy(() -> RemediationPlanner.markForRemediation(
                machine("{cluster.x-k8s.io/remediate-machine: ''}", "md-0"), List.of(CHECK)))
                .hasMessageContaining("already marked");
    }

    @Test
    @SuppressWarnings("unchecked")
    void skipAndAllowSetAndRemoveTheSkipAnnotation() {
        Change skip = RemediationPlanner.skipRemediation(machine("{}", "md-0"), true);
        assertThat((Map<?, ?>) new Yaml().load(skip.patch())).isEqualTo(Map.of("metadata", Map.of(
                "resourceVersion", "11", "annotations", Map.of("cluster.x-k8s.io/skip-remediation", ""))));
        Change allow = RemediationPlanner.skipRemediation(machine("{cluster.x-k8s.io/skip-remediation: ''}", "md-0"),
                false);
        Map<String, Object> metadata = (Map<String, Object>) ((Map<String, Object>) new Yaml().load(allow.patch()))
                .get("metadata");
        Map<String, Object> annotations = (Map<String, Object>) metadata.get("annotations");
        assertThat(annotations).containsEntry("cluster.x-k8s.io/skip-remediation", null);
        assertThat(allow.summary()).isEqualTo("Allow remediation of Machine ns/md-0-x");
        assertThatThrownBy(() -> RemediationPlanner.skipRemediation(machine("{}", "md-0"), false))
                .hasMessageContaining("does not skip remediation");
    }

    @Test
    void pauseAndResumeUseThePausedAnnotationOfTheCheck() {
        Change pause = RemediationPlanner.pauseRemediation(CHECK, true);
        assertThat((Map<?, ?>) new Yaml().load(pause.patch())).isEqualTo(Map.of("metadata", Map.of(
                "resourceVersion", "3", "annotations", Map.of("cluster.x-k8s.io/paused", ""))));
        assertThat(pause.target().kind()).isEqualTo("MachineHealthCheck");
        assertThat(pause.warnings()).anyMatch(w -> w.contains("still replaced by their owner"));
        Change resume = RemediationPlanner.pauseRemediation(PAUSED_CHECK, false);
        assertThat(resume.describe()).contains("Resume remediation of MachineHealthCheck ns/workers-paused")
                .contains("metadata.annotations[cluster.x-k8s.io/paused]: \"\" -> <unset>");
        assertThatThrownBy(() -> RemediationPlanner.pauseRemediation(PAUSED_CHECK, true))
                .hasMessageContaining("already paused");
    }
}
