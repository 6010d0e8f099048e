package dev.capiconsole.ui.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.capiconsole.clusterclass.ClassReader;
import dev.capiconsole.clusterclass.ClusterClassModel;
import dev.capiconsole.clusterclass.InvalidTopologyException;
import dev.capiconsole.clusterclass.JsonValues;
import dev.capiconsole.clusterclass.SchemaError;
import dev.capiconsole.templates.TemplateObjects;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The class form on the test ClusterClass, without a window: what it refuses, where it says so, what it builds. */
class ClassFormViewModelTest {

    private ClassFormViewModel form;

    @BeforeEach
    void form() throws IOException {
        form = new ClassFormViewModel(testClass(), "demo", "classes", "v1.33.0");
    }

    /** The test class of {@code clusterclass/capi-console-test.yaml}, in namespace {@code classes}. */
    static ClusterClassModel testClass() throws IOException {
        String resource = "/clusterclass/capi-console-test.yaml";
        try (InputStream in = ClassFormViewModelTest.class.getResourceAsStream(resource)) {
            List<Map<String, Object>> objects = TemplateObjects.parse(new String(in.readAllBytes(),
                    StandardCharsets.UTF_8), "capi-console-test.yaml");
            Map<String, Object> clusterClass = objects.stream().filter(o -> "ClusterClass".equals(o.get("kind")))
                    .findFirst().orElseThrow();
            @SuppressWarnings("unchecked")
            Map<String, Object> metadata = (Map<String, Object>) clusterClass.get("metadata");
            metadata.put("namespace", "classes");
            return ClassReader.read(clusterClass, List.of());
        }
    }

    @Test
    void aFieldPerVariableShapedByItsSchemaWithDefaultsLeftToTheServer() {
        Map<String, SchemaField> fields = form.variables();

        assertThat(fields).hasSize(10);
        assertThat(fields.keySet()).startsWith("environment", "imageRepository", "maxPods");
        assertThat(fields.get("environment")).isInstanceOf(SchemaField.Choice.class);
        assertThat(((SchemaField.Choice) fields.get("environment")).options())
                .containsExactly("dev", "staging", "prod");
        assertThat(fields.get("maxPods")).isInstanceOfSatisfying(SchemaField.Text.class, t -> assertThat(t.numeric())
                .isTrue());
        assertThat(fields.get("maxPods").schema().defaultValue().map(JsonValues::json)).contains("110");
        assertThat(SchemaControls.typeText(fields.get("maxPods").schema())).isEqualTo("integer 10..250");
        assertThat(SchemaControls.typeText(fields.get("cpuRatio").schema())).isEqualTo("number >0..4");
        assertThat(fields.get("audit")).isInstanceOfSatisfying(SchemaField.Group.class, g -> {
            assertThat(g.fields().get("enabled")).isInstanceOf(SchemaField.YesNo.class);
            assertThat(g.fields().get("enabled").required()).isTrue();
            assertThat(g.fields().get("mode")).isInstanceOf(SchemaField.Choice.class);
        });
        assertThat(fields.get("extraLabels")).isInstanceOf(SchemaField.Entries.class);
        assertThat(fields.get("extraFiles")).isInstanceOf(SchemaField.Items.class);
        assertThat(fields.get("ntpServers")).isInstanceOf(SchemaField.Items.class);
        assertThat(form.versionProperty().get()).as("the class's newest version").isEqualTo("v1.36.0");
        assertThat(form.workers()).singleElement().satisfies(w -> {
            assertThat(w.workerClassProperty().get()).isEqualTo("default-worker");
            assertThat(w.nameProperty().get()).isEqualTo("md-0");
        });

        choose("environment", "dev");
        assertThat(form.check()).isZero();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> variables = (List<Map<String, Object>>) topology(form.cluster()).get("variables");
        assertThat(variables).as("untouched fields are not set: the server defaults them")
                .containsExactly(Map.of("name", "environment", "value", "dev"));
    }

    @Test
    void theFormRefusesWhatTheSchemaRefusesAndSaysSoAtTheField() {
        assertThat(form.variables().get("environment").errorProperty().get()).contains("required variable");
        choose("environment", "dev");
        assertThat(form.variables().get("environment").errorProperty().get()).isEmpty();

        text("maxPods", "5");
        assertThat(form.variables().get("maxPods").errorProperty().get())
                .isEqualTo("should be greater than or equal to 10");
        text("maxPods", "120");
        assertThat(form.variables().get("maxPods").errorProperty().get()).isEmpty();

        text("imageRepository", "Registry");
        assertThat(form.variables().get("imageRepository").errorProperty().get()).startsWith("should match");
        text("cpuRatio", "0");
        assertThat(form.variables().get("cpuRatio").errorProperty().get()).isEqualTo("should be greater than 0");
        text("proxyUrl", "a proxy");
        assertThat(form.variables().get("proxyUrl").errorProperty().get()).isEqualTo("must be of format uri");

        SchemaField.Group audit = (SchemaField.Group) form.variables().get("audit");
        ((SchemaField.Choice) audit.fields().get("mode")).choiceProperty().set("webhook");
        assertThat(audit.fields().get("enabled").errorProperty().get()).as("the missing boolean, at its own field")
                .isEqualTo("required field is missing");
        ((SchemaField.YesNo) audit.fields().get("enabled")).choiceProperty().set(false);
        assertThat(audit.fields().get("enabled").errorProperty().get()).isEmpty();

        SchemaField.Items files = (SchemaField.Items) form.variables().get("extraFiles");
        SchemaField.Group file = (SchemaField.Group) files.add();
        assertThat(file.fields().get("path").errorProperty().get()).as("an empty item is an object without fields")
                .isEqualTo("required field is missing");
        ((SchemaField.Text) file.fields().get("path")).textProperty().set("etc/motd");
        ((SchemaField.Text) file.fields().get("content")).textProperty().set("hello");
        assertThat(file.fields().get("path").errorProperty().get()).isEqualTo("should match '^/'");

        SchemaField.Items servers = (SchemaField.Items) form.variables().get("ntpServers");
        ((SchemaField.Text) servers.add()).textProperty().set("time.example.org");
        ((SchemaField.Text) servers.add()).textProperty().set("time.example.org");
        assertThat(servers.errorProperty().get()).contains("duplicate");

        SchemaField.Entries labels = (SchemaField.Entries) form.variables().get("extraLabels");
        SchemaField.Entries.Entry label = labels.add();
        label.key().set("team");
        ((SchemaField.Text) label.value()).textProperty().set("Blue Team");
        assertThat(label.value().errorProperty().get()).startsWith("should match");

        form.versionProperty().set("v1.30.0");
        assertThat(form.versionErrorProperty().get()).contains("v1.34.0, v1.35.0, v1.36.0");
        form.addWorker().nameProperty().set("md-0");
        assertThat(form.workers().get(1).nameErrorProperty().get()).contains("another worker group is named md-0");

        assertThat(form.check()).as("repository, ratio, proxy, file path, servers, label, version, worker name")
                .isEqualTo(8);
        assertThatThrownBy(form::cluster).isInstanceOf(InvalidTopologyException.class);
    }

    @Test
    @SuppressWarnings("unchecked")
    void perWorkerOverridesEndInTheBuiltCluster() {
        choose("environment", "staging");
        WorkerForm first = form.workers().get(0);
        ((SchemaField.Text) first.overrides().get("nodePool")).textProperty().set("gpu");
        first.replicasProperty().set(2);
        WorkerForm second = form.addWorker();
        second.workerClassProperty().set("large-worker");
        second.failureDomainProperty().set("fd-2");
        ((SchemaField.Text) second.overrides().get("nodePool")).textProperty().set("Bad Pool");
        assertThat(second.overrides().get("nodePool").errorProperty().get()).startsWith("should match");
        ((SchemaField.Text) second.overrides().get("nodePool")).textProperty().set("big");

        assertThat(form.check()).isZero();
        Map<String, Object> workers = (Map<String, Object>) topology(form.cluster()).get("workers");
        assertThat((List<Map<String, Object>>) workers.get("machineDeployments")).containsExactly(
                Map.of("class", "default-worker", "name", "md-0", "replicas", 2,
                        "variables", Map.of("overrides", List.of(Map.of("name", "nodePool", "value", "gpu")))),
                Map.of("class", "large-worker", "name", "md-1", "replicas", 1, "failureDomain", "fd-2",
                        "variables", Map.of("overrides", List.of(Map.of("name", "nodePool", "value", "big")))));
    }

    @Test
    void theServersProblemsLandAtTheirFields() {
        choose("environment", "dev");
        form.showServerErrors(List.of(
                new SchemaError("spec.topology.variables[maxPods].value", "server",
                        "should be greater than or equal to 10"),
                new SchemaError("spec.topology.variables[audit].value.maxAge", "server", "should be at most 365"),
                new SchemaError("spec.topology.workers.machineDeployments[0].variables.overrides[nodePool].value",
                        "server", "should match"),
                new SchemaError("spec.topology", "server", "required variable \"environment\" must be set"),
                new SchemaError("spec.topology.workers", "server", "something else")));

        assertThat(form.variables().get("maxPods").errorProperty().get())
                .isEqualTo("Server: should be greater than or equal to 10");
        assertThat(((SchemaField.Group) form.variables().get("audit")).fields().get("maxAge").errorProperty().get())
                .isEqualTo("Server: should be at most 365");
        assertThat(form.workers().get(0).overrides().get("nodePool").errorProperty().get())
                .isEqualTo("Server: should match");
        assertThat(form.variables().get("environment").errorProperty().get()).startsWith("Server: required variable");
        assertThat(form.otherErrors()).containsExactly("spec.topology.workers: Server: something else");
    }

    private void choose(String variable, String value) {
        ((SchemaField.Choice) form.variables().get(variable)).choiceProperty().set(value);
    }

    private void text(String variable, String value) {
        ((SchemaField.Text) form.variables().get(variable)).textProperty().set(value);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> topology(Map<String, Object> cluster) {
        return (Map<String, Object>) ((Map<String, Object>) cluster.get("spec")).get("topology");
    }
}
