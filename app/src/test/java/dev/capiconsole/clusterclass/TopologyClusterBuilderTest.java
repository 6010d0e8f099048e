package dev.capiconsole.clusterclass;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.capiconsole.templates.TemplateObjects;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TopologyClusterBuilderTest {

    private final ClusterClassModel model = TestClass.model("team");
    private final TopologyClusterBuilder builder = new TopologyClusterBuilder(model);

    private static TopologyRequest request(String version, Map<String, Object> variables, List<WorkerTopology> workers) {
        return new TopologyRequest("demo", "team", TestClass.NAME, "", version, 3, workers, variables);
    }

    @Test
    void buildsAV1beta2ClusterWithOnlyWhatIsSet() {
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("environment", "prod");
        variables.put("audit", Map.of("enabled", true));
        Map<String, Object> cluster = builder.build(request("v1.35.0", variables, List.of(
                new WorkerTopology("default-worker", "md-0", 2, "zone-a", Map.of("nodePool", "gpu")),
                new WorkerTopology("large-worker", "md-1", null, null, null))));

        assertThat(TemplateObjects.toYaml(List.of(cluster))).isEqualTo("""
                apiVersion: cluster.x-k8s.io/v1beta2
                kind: Cluster
                metadata:
                  name: demo
                  namespace: team
                spec:
                  topology:
                    classRef:
                      name: capi-console-test
                    controlPlane:
                      replicas: 3
                    variables:
                    - name: environment
                      value: prod
                    - name: audit
                      value:
                        enabled: true
                    version: v1.35.0
                    workers:
                      machineDeployments:
                      - class: default-worker
                        failureDomain: zone-a
                        name: md-0
                        replicas: 2
                        variables:
                          overrides:
                          - name: nodePool
                            value: gpu
                      - class: large-worker
                        name: md-1
                """);
    }

    @Test
    void refusesAVersionOutsideTheClassListAndNamesEveryProblem() {
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("maxPods", 5L);
        variables.put("audit", Map.of("enabled", "yes", "mode", "syslog"));
        variables.put("nosuch", 1L);
        TopologyRequest request = request("v1.33.0", variables, List.of(
                new WorkerTopology("tiny-worker", "md-0", 1, null, Map.of("nodePool", "Bad Pool")),
                new WorkerTopology("default-worker", "md-0", 1, null, null)));

        assertThat(builder.check(request)).extracting(SchemaError::toString).containsExactly(
                "spec.topology.version: version must be one of the versions of the class capi-console-test: "
                        + "v1.34.0, v1.35.0, v1.36.0",
                "spec.topology.variables: required variable \"environment\" must be set",
                "spec.topology.variables[maxPods].value: should be greater than or equal to 10",
                "spec.topology.variables[audit].value.enabled: must be of type boolean, not string",
                "spec.topology.variables[audit].value.mode: unsupported value \"syslog\": supported values: \"log\", "
                        + "\"webhook\"",
                "spec.topology.variables[nosuch]: variable is not defined in the class capi-console-test",
                "spec.topology.workers.machineDeployments[md-0].class: the class capi-console-test has no worker "
                        + "class tiny-worker; it has: default-worker, large-worker",
                "spec.topology.workers.machineDeployments[md-0].variables.overrides[nodePool].value: should match "
                        + "'^[a-z][a-z0-9-]{0,30}$'",
                "spec.topology.workers.machineDeployments[md-0].name: another worker group is named md-0");
        assertThatThrownBy(() -> builder.build(request)).isInstanceOf(InvalidTopologyException.class)
                .hasMessageStartingWith("9 problems:");
    }

    @Test
    void validatesDefaultedValuesAsTheServerDoes() {
        Map<String, Object> files = Map.of("path", "/etc/x", "content", "y");
        assertThat(builder.check(request("v1.36.0", Map.of("environment", "dev", "extraFiles", List.of(files)),
                List.of()))).isEmpty();
        assertThat(builder.check(request("v1.36.0", Map.of("environment", "dev", "extraFiles",
                List.of(Map.of("path", "etc/x", "content", ""))), List.of()))).extracting(SchemaError::path)
                .containsExactly("spec.topology.variables[extraFiles].value[0].path",
                        "spec.topology.variables[extraFiles].value[0].content");
    }

    @Test
    void aClassWithoutVersionsTakesAnyVersionAndAV1beta1ClassGetsAV1beta1Cluster() {
        Map<String, Object> v1beta1Class = Map.of("apiVersion", "cluster.x-k8s.io/v1beta1", "kind", "ClusterClass",
                "metadata", Map.of("name", "old", "namespace", "default"));
        TopologyClusterBuilder old = new TopologyClusterBuilder(ClassReader.read(v1beta1Class, List.of()));

        Map<String, Object> cluster = old.build(new TopologyRequest("c", "default", "old", "shared", "v1.31.2", null,
                List.of(), Map.of()));

        assertThat(cluster.get("apiVersion")).isEqualTo("cluster.x-k8s.io/v1beta1");
        assertThat(cluster.get("spec")).isEqualTo(Map.of("topology", Map.of("class", "old", "classNamespace", "shared",
                "version", "v1.31.2")));
    }
}
