package dev.capiconsole.ui.clusterclasses;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capiconsole.clusterclass.ClassVariable;
import dev.capiconsole.clusterclass.ClusterClassModel;
import dev.capiconsole.lab.LabClusters;
import dev.capiconsole.lab.LabFixture;
import dev.capiconsole.templates.ClusterApplier;
import dev.capiconsole.templates.TemplateObjects;
import dev.capiconsole.testing.Await;
import dev.capiconsole.ui.common.Screenshots;
import dev.capiconsole.ui.generate.ClassFormViewModel;
import dev.capiconsole.ui.generate.GenerateViewModel;
import dev.capiconsole.ui.generate.GenerateViewModel.Step;
import dev.capiconsole.ui.shell.ConsoleWindow;
import dev.capiconsole.ui.shell.TestWindow;
import dev.capiconsole.ui.shell.View;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * ClusterClasses in the window, on the lab with the test class and the upstream in-memory class installed: the
 * browser lists the test class with its 10 variables and where its patches use them; its "create" button opens the
 * wizard's form on it, which shows a bad value's problem at its field, then the server's dry-run problem at the same
 * field; a good form applies a Cluster that becomes Available with the patched values in its objects. The in-memory
 * class (no variables) goes through the same form.
 */
@ExtendWith(ApplicationExtension.class)
class ClusterClassesGuiTest {

    private static final String NS = "classes";
    private static final String TEST_CLASS = "capi-console-test";

    @TempDir
    static Path folder;

    private static LabFixture lab;
    private static KubernetesClient client;
    private Stage stage;
    private ConsoleWindow window;

    @BeforeAll
    static void labWithTheClasses() throws IOException {
        lab = LabFixture.full(folder);
        client = lab.client();
        client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(NS).endMetadata().build())
                .create();
        List<Map<String, Object>> objects = new ArrayList<>(objects("/clusterclass/capi-console-test.yaml"));
        objects.addAll(objects("/templates/docker/clusterclass-in-memory.yaml"));
        List<ClusterApplier.ObjectResult> results = new ClusterApplier(client).apply(objects, false, r -> { });
        assertThat(results).allSatisfy(r -> assertThat(r.outcome().ok()).as(r.label() + " " + r.message()).isTrue());
        for (String name : List.of(TEST_CLASS, "in-memory")) {
            Await.until(Duration.ofMinutes(1), "ClusterClass " + name + " VariablesReady", () ->
                    LabClusters.conditionTrue(client.genericKubernetesResources("cluster.x-k8s.io/v1beta2",
                            "ClusterClass").inNamespace(NS).withName(name).get(), "VariablesReady"));
        }
    }

    @AfterAll
    static void stopLab() {
        if (lab != null) {
            lab.close();
        }
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
        window = TestWindow.open(stage, folder);
    }

    @AfterEach
    void closeWindow() {
        window.close();
    }

    @Test
    void theBrowserListsTheClassesAndTheFormMakesClustersFromThem(FxRobot robot) {
        TestWindow.startLab(robot, window);
        robot.interact(() -> window.viewModel().show(View.CLUSTER_CLASSES));
        ClusterClassesViewModel browser = window.viewModel().clusterClasses();
        ClusterClassModel testClass = Await.value(Duration.ofSeconds(30), "the test class on the page", () -> {
            WaitForAsyncUtils.waitForFxEvents();
            return browser.classes().stream().filter(c -> c.name().equals(TEST_CLASS)).findFirst();
        });
        assertThat(browser.classes()).extracting(ClusterClassModel::name).contains("in-memory");
        robot.interact(() -> browser.selectedProperty().set(testClass));
        TableView<?> variables = robot.lookup("#cluster-class-variables").queryAs(TableView.class);
        assertThat(variables.getItems()).hasSize(10);
        assertThat(testClass.variable("nodePool").orElseThrow().uses()).extracting(u -> u.patch())
                .contains("worker-node-pool");
        assertThat(testClass.variables()).filteredOn(ClassVariable::required).extracting(ClassVariable::name)
                .containsExactly("environment");
        assertThat(robot.lookup("#cluster-class-versions").queryAs(Label.class).getText())
                .isEqualTo("v1.34.0, v1.35.0, v1.36.0");
        Screenshots.save(Screenshots.render(stage.getScene()), "clusterclass-browser");

        robot.clickOn("#cluster-class-create");
        GenerateViewModel wizard = window.viewModel().generate();
        Await.until(Duration.ofSeconds(20), "the wizard's form on the class", () -> {
            WaitForAsyncUtils.waitForFxEvents();
            return wizard.stepProperty().get() == Step.CLUSTER && wizard.fromClass()
                    && robot.lookup("#wizard-class-form").tryQuery().isPresent();
        });
        assertThat(window.viewModel().currentViewProperty().get()).isEqualTo(View.GENERATE);
        ClassFormViewModel form = wizard.classFormProperty().get();
        assertThat(form.model().name()).isEqualTo(TEST_CLASS);
        assertThat(robot.lookup("#class-var-maxPods").queryAs(TextField.class).getPromptText())
                .isEqualTo("default: 110");

        type(robot, "#class-cluster-name", "gui-demo");
        type(robot, "#class-cluster-namespace .text-field", NS);
        choose(robot, "#class-version", "v1.35.0");
        type(robot, "#class-var-maxPods", "5");
        Label maxPodsError = robot.lookup("#class-var-maxPods-error").queryAs(Label.class);
        assertThat(maxPodsError.getText()).isEqualTo("should be greater than or equal to 10");
        assertThat(maxPodsError.isVisible()).isTrue();
        assertThat(robot.lookup("#class-var-environment-error").queryAs(Label.class).getText())
                .contains("required variable \"environment\"");
        Screenshots.save(Screenshots.render(stage.getScene()), "clusterclass-form-error");

        robot.clickOn("#wizard-next");
        assertThat(wizard.stepProperty().get()).as("a form with problems goes nowhere").isEqualTo(Step.CLUSTER);
        robot.clickOn("#class-check-server");
        Await.until(Duration.ofSeconds(30), "the server's dry-run problem at the maxPods field", () -> {
            WaitForAsyncUtils.waitForFxEvents();
            return maxPodsError.getText().contains("Server: ") && maxPodsError.getText().contains("10");
        });
        assertThat(client.genericKubernetesResources("cluster.x-k8s.io/v1beta2", "Cluster").inNamespace(NS)
                .withName("gui-demo").get()).as("a dry run creates nothing").isNull();

        choose(robot, "#class-var-environment", "staging");
        type(robot, "#class-var-maxPods", "120");
        CheckBox auditEnabled = robot.lookup("#class-var-audit-enabled").queryAs(CheckBox.class);
        robot.interact(auditEnabled::fire);
        assertThat(auditEnabled.getText()).isEqualTo("yes");
        robot.interact(() -> robot.lookup("#class-var-extraLabels-add").queryButton().fire());
        type(robot, "#class-var-extraLabels-0-key", "team");
        type(robot, "#class-var-extraLabels-0", "blue");
        robot.interact(() -> robot.lookup("#class-var-ntpServers-add").queryButton().fire());
        type(robot, "#class-var-ntpServers-0", "time.example.org");
        robot.interact(() -> robot.lookup("#class-worker-0-overrides").queryAs(TitledPane.class).setExpanded(true));
        type(robot, "#class-worker-0-var-nodePool", "gpu");
        assertThat(form.check()).isZero();
        assertThat(maxPodsError.isVisible()).isFalse();

        robot.clickOn("#wizard-next");
        Await.until(Duration.ofSeconds(10), "the preview", () -> wizard.stepProperty().get() == Step.PREVIEW);
        assertThat(wizard.yamlProperty().get()).contains("kind: Cluster", "classRef:", "name: " + TEST_CLASS,
                "version: v1.35.0", "value: gpu");
        robot.clickOn("#preview-check-server");
        Await.until(Duration.ofSeconds(30), "the server accepting the Cluster", () -> {
            WaitForAsyncUtils.waitForFxEvents();
            return wizard.statusProperty().get().startsWith("The server accepts Cluster classes/gui-demo");
        });
        robot.clickOn("#wizard-next");
        robot.clickOn("#apply");
        Await.until(Duration.ofSeconds(30), "the Cluster applied", () -> {
            WaitForAsyncUtils.waitForFxEvents();
            return wizard.appliedProperty().get();
        });
        assertThat(window.viewModel().currentViewProperty().get()).as("the applied cluster shown")
                .isEqualTo(View.CLUSTERS);

        Await.until(Duration.ofMinutes(5), "Cluster gui-demo Available", () ->
                LabClusters.conditionTrue(lab.clusters().cluster("gui-demo", NS), "Available"));
        assertThat(nodeLabels()).isEqualTo("capi-console.dev/environment=staging,capi-console.dev/cluster=gui-demo,"
                + "team=blue");
        assertThat(workerCommands()).containsExactly("echo node-pool=gpu");

        robot.interact(() -> window.viewModel().show(View.CLUSTER_CLASSES));
        ClusterClassModel inMemory = Await.value(Duration.ofSeconds(30), "the in-memory class, used by gui-demo's "
                + "neighbour list refreshed", () -> {
                    WaitForAsyncUtils.waitForFxEvents();
                    return browser.classes().stream().filter(c -> c.name().equals("in-memory")).findFirst();
                });
        Await.until(Duration.ofSeconds(30), "gui-demo listed as using the test class, live", () -> {
            WaitForAsyncUtils.waitForFxEvents();
            return browser.classes().stream().anyMatch(c -> c.name().equals(TEST_CLASS)
                    && c.clusters().contains(NS + "/gui-demo"));
        });
        robot.interact(() -> browser.selectedProperty().set(inMemory));
        robot.clickOn("#cluster-class-create");
        Await.until(Duration.ofSeconds(20), "the form on the in-memory class", () -> {
            WaitForAsyncUtils.waitForFxEvents();
            return wizard.stepProperty().get() == Step.CLUSTER && wizard.classFormProperty().get() != null
                    && wizard.classFormProperty().get().model().name().equals("in-memory")
                    && robot.lookup("#wizard-class-form").tryQuery().isPresent();
        });
        assertThat(wizard.classFormProperty().get().variables()).isEmpty();
        type(robot, "#class-cluster-name", "plain-gui");
        type(robot, "#class-version", "v1.36.0");
        robot.clickOn("#wizard-next");
        Await.until(Duration.ofSeconds(10), "the in-memory preview", () -> wizard.stepProperty().get() == Step.PREVIEW);
        robot.clickOn("#wizard-next");
        robot.clickOn("#apply");
        Await.until(Duration.ofSeconds(30), "the in-memory Cluster applied", () -> {
            WaitForAsyncUtils.waitForFxEvents();
            return wizard.appliedProperty().get();
        });
        assertThat(lab.clusters().cluster("plain-gui", NS)).isNotNull();
    }

    @SuppressWarnings("unchecked")
    private static String nodeLabels() {
        GenericKubernetesResource controlPlane = client.genericKubernetesResources(
                "controlplane.cluster.x-k8s.io/v1beta2", "KubeadmControlPlane").inNamespace(NS)
                .withLabel("cluster.x-k8s.io/cluster-name", "gui-demo").list().getItems().get(0);
        Map<String, Object> spec = (Map<String, Object>) controlPlane.getAdditionalProperties().get("spec");
        Map<String, Object> init = (Map<String, Object>) ((Map<String, Object>) spec.get("kubeadmConfigSpec"))
                .get("initConfiguration");
        List<Map<String, Object>> args = (List<Map<String, Object>>) ((Map<String, Object>) init
                .get("nodeRegistration")).get("kubeletExtraArgs");
        return String.valueOf(args.get(0).get("value"));
    }

    @SuppressWarnings("unchecked")
    private static List<Object> workerCommands() {
        GenericKubernetesResource template = client.genericKubernetesResources("bootstrap.cluster.x-k8s.io/v1beta2",
                "KubeadmConfigTemplate").inNamespace(NS).withLabel("cluster.x-k8s.io/cluster-name", "gui-demo")
                .withLabel("topology.cluster.x-k8s.io/deployment-name", "md-0").list().getItems().get(0);
        Map<String, Object> spec = (Map<String, Object>) template.getAdditionalProperties().get("spec");
        return (List<Object>) ((Map<String, Object>) ((Map<String, Object>) spec.get("template")).get("spec"))
                .get("preKubeadmCommands");
    }

    private static void type(FxRobot robot, String query, String text) {
        TextField field = robot.lookup(query).queryAs(TextField.class);
        robot.interact(() -> field.setText(text));
        WaitForAsyncUtils.waitForFxEvents();
    }

    @SuppressWarnings("unchecked")
    private static void choose(FxRobot robot, String query, Object value) {
        ComboBox<Object> box = robot.lookup(query).queryAs(ComboBox.class);
        robot.interact(() -> box.setValue(value));
        WaitForAsyncUtils.waitForFxEvents();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> objects(String resource) throws IOException {
        try (InputStream in = ClusterClassesGuiTest.class.getResourceAsStream(resource)) {
            List<Map<String, Object>> objects = TemplateObjects.parse(new String(in.readAllBytes(),
                    StandardCharsets.UTF_8), resource);
            objects.forEach(o -> ((Map<String, Object>) o.get("metadata")).put("namespace", NS));
            return objects;
        }
    }
}
