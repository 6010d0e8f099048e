package dev.capiconsole.clusterclass;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClassReaderTest {

    @Test
    void readsVariablesWithTheirSchemasAndWhereThePatchesUseThem() {
        ClusterClassModel model = TestClass.model("team");

        assertThat(model.namespace()).isEqualTo("team");
        assertThat(model.name()).isEqualTo(TestClass.NAME);
        assertThat(model.variables()).extracting(ClassVariable::name).containsExactly("environment",
                "imageRepository", "maxPods", "cpuRatio", "ntpServers", "proxyUrl", "audit", "extraLabels",
                "extraFiles", "nodePool");
        ClassVariable environment = model.variable("environment").orElseThrow();
        assertThat(environment.required()).isTrue();
        assertThat(environment.type()).isEqualTo("string");
        assertThat(environment.enumValues()).containsExactly("dev", "staging", "prod");
        assertThat(environment.uses()).extracting(VariableUse::label).containsExactly(
                "control-plane-node-labels: KubeadmControlPlaneTemplate "
                        + "/spec/template/spec/kubeadmConfigSpec/initConfiguration/nodeRegistration/kubeletExtraArgs "
                        + "(template)",
                "control-plane-files: KubeadmControlPlaneTemplate /spec/template/spec/kubeadmConfigSpec/files "
                        + "(template)");
        assertThat(model.variable("imageRepository").orElseThrow().uses()).extracting(VariableUse::reference)
                .containsExactly("imageRepository");
        assertThat(model.variable("maxPods").orElseThrow().defaultValue()).contains(110);
        assertThat(model.variable("audit").orElseThrow().uses()).extracting(VariableUse::target)
                .containsExactly("enabledIf",
                        "KubeadmControlPlaneTemplate /spec/template/spec/kubeadmConfigSpec/clusterConfiguration/apiServer/extraArgs",
                        "KubeadmControlPlaneTemplate /spec/template/spec/kubeadmConfigSpec/files/-");
        assertThat(model.variable("audit").orElseThrow().schema().properties().get("enabled").type())
                .isEqualTo("boolean");
        assertThat(model.variable("nodePool").orElseThrow().uses()).extracting(VariableUse::patch)
                .containsExactly("worker-node-pool");
        assertThat(model.variable("builtin")).isEmpty();
    }

    @Test
    void readsControlPlaneWorkerClassesAndVersions() {
        ClusterClassModel model = TestClass.model("team");

        assertThat(model.controlPlane().label()).isEqualTo("KubeadmControlPlaneTemplate + DevMachineTemplate");
        assertThat(model.machineDeploymentClasses()).extracting(WorkerClass::name)
                .containsExactly("default-worker", "large-worker");
        assertThat(model.workerClass("default-worker").orElseThrow().bootstrapKind()).isEqualTo("KubeadmConfigTemplate");
        assertThat(model.machinePoolClasses()).isEmpty();
        assertThat(model.kubernetesVersions()).containsExactly("v1.34.0", "v1.35.0", "v1.36.0");
        assertThat(model.v1beta1()).isFalse();
    }

    @Test
    void findsTheClustersUsingTheClassByClassRefOrV1beta1ClassAndTheirNamespace() {
        List<Map<String, Object>> clusters = List.of(
                cluster("team", "a", Map.of("classRef", Map.of("name", TestClass.NAME))),
                cluster("other", "b", Map.of("classRef", Map.of("name", TestClass.NAME, "namespace", "team"))),
                cluster("other", "c", Map.of("classRef", Map.of("name", TestClass.NAME))),
                cluster("team", "d", Map.of("class", TestClass.NAME)),
                cluster("team", "e", Map.of("classRef", Map.of("name", "in-memory"))));

        assertThat(ClassReader.read(TestClass.clusterClass("team"), clusters).clusters())
                .containsExactly("team/a", "other/b", "team/d");
    }

    @Test
    @SuppressWarnings("unchecked")
    void prefersTheReconciledVariablesOfTheStatusWhichIncludeExternalOnes() {
        Map<String, Object> clusterClass = new LinkedHashMap<>(TestClass.clusterClass("team"));
        clusterClass.put("status", Map.of("variables", List.of(
                statusVariable("environment", "inline", "string"),
                statusVariable("fromExtension", "my-extension", "integer"),
                statusVariable("audit", "inline", "object"))));

        ClusterClassModel model = ClassReader.read(clusterClass, List.of());

        assertThat(model.variables()).as("inline ones in the class's order, then external ones")
                .extracting(ClassVariable::name).containsExactly("environment", "audit", "fromExtension");
        assertThat(model.variables().get(2)).satisfies(v -> {
            assertThat(v.name()).isEqualTo("fromExtension");
            assertThat(v.from()).isEqualTo("my-extension");
            assertThat(v.required()).isTrue();
            assertThat(v.type()).isEqualTo("integer");
        });
    }

    @Test
    void readsAV1beta1Class() {
        Map<String, Object> v1beta1 = Map.of("apiVersion", "cluster.x-k8s.io/v1beta1", "kind", "ClusterClass",
                "metadata", Map.of("name", "old", "namespace", "default"),
                "spec", Map.of("controlPlane", Map.of("ref", Map.of("kind", "KubeadmControlPlaneTemplate"),
                                "machineInfrastructure", Map.of("ref", Map.of("kind", "DockerMachineTemplate"))),
                        "workers", Map.of("machineDeployments", List.of(Map.of("class", "md",
                                "template", Map.of("bootstrap", Map.of("ref", Map.of("kind", "KubeadmConfigTemplate")),
                                        "infrastructure", Map.of("ref", Map.of("kind", "DockerMachineTemplate"))))))));

        ClusterClassModel model = ClassReader.read(v1beta1, List.of());

        assertThat(model.v1beta1()).isTrue();
        assertThat(model.controlPlane().label()).isEqualTo("KubeadmControlPlaneTemplate + DockerMachineTemplate");
        assertThat(model.workerClasses()).containsExactly(new WorkerClass(WorkerClass.Kind.MACHINE_DEPLOYMENT, "md",
                "KubeadmConfigTemplate", "DockerMachineTemplate"));
    }

    @Test
    void templateNamesAreTopLevelReferencesWithoutBuiltin() {
        assertThat(ClassReader.templateNames("{{ .a.b }}-{{ range $k, $v := .c }}{{ $v.d }}{{ end }}"
                + "{{ .builtin.cluster.name }}{{ index .e 0 }}")).containsExactly("a", "c", "e");
        assertThat(ClassReader.topLevelName("images[0].name")).isEqualTo("images");
    }

    private static Map<String, Object> statusVariable(String name, String from, String type) {
        return Map.of("name", name, "definitions", List.of(Map.of("from", from, "required", true,
                "schema", Map.of("openAPIV3Schema", Map.of("type", type)))));
    }

    private static Map<String, Object> cluster(String namespace, String name, Map<String, Object> topology) {
        return Map.of("metadata", Map.of("namespace", namespace, "name", name), "spec", Map.of("topology", topology));
    }
}
