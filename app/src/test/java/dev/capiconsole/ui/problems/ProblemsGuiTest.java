package dev.capiconsole.ui.problems;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capiconsole.lab.LabFixture;
import dev.capiconsole.problems.Problem;
import dev.capiconsole.testing.Await;
import dev.capiconsole.ui.common.Screenshots;
import dev.capiconsole.ui.shell.ConsoleWindow;
import dev.capiconsole.ui.shell.TestWindow;
import dev.capiconsole.ui.shell.View;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.nio.file.Path;
import java.time.Duration;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
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

/**
 * The Problems page on the lab with a cluster broken on purpose (paused, a MachineDeployment whose template does not
 * exist, its kubeconfig Secret deleted): the problems appear live with their count in the navigation, the selected
 * one shows its evidence and next step, and "Show in Clusters" opens its cluster.
 */
@ExtendWith(ApplicationExtension.class)
class ProblemsGuiTest {

    private static final String CLUSTER = "broken";

    @TempDir
    static Path folder;

    private static LabFixture lab;
    private Stage stage;
    private ConsoleWindow window;

    @BeforeAll
    static void labWithABrokenCluster() throws Exception {
        lab = LabFixture.withReadyCluster(folder, CLUSTER, 1, 1);
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
    void theBrokenClustersProblemsAppearLiveAndLeadToTheCluster(FxRobot robot) {
        TestWindow.startLab(robot, window);
        robot.interact(() -> window.viewModel().show(View.PROBLEMS));
        ProblemsViewModel model = window.viewModel().problems();
        Await.until(Duration.ofSeconds(30), "a first reading of the healthy lab", () -> model.statusProperty().get()
                .startsWith("No problems"));

        lab.client().genericKubernetesResources("cluster.x-k8s.io/v1beta2", "Cluster").inNamespace("default")
                .withName(CLUSTER).patch(PatchContext.of(PatchType.JSON_MERGE), "{\"spec\":{\"paused\":true}}");
        lab.clusters().apply("""
                apiVersion: cluster.x-k8s.io/v1beta2
                kind: MachineDeployment
                metadata:
                  name: broken-md
                spec:
                  clusterName: broken
                  replicas: 0
                  selector: {matchLabels: {broken: md}}
                  template:
                    metadata: {labels: {broken: md}}
                    spec:
                      clusterName: broken
                      version: v1.36.0
                      bootstrap: {dataSecretName: none}
                      infrastructureRef: {apiGroup: infrastructure.cluster.x-k8s.io, kind: DevMachineTemplate, name: missing-template}
                """, "default");
        lab.client().secrets().inNamespace("default").withName(CLUSTER + "-kubeconfig").delete();

        Await.until(Duration.ofSeconds(30), "three problems shown live", () -> robot.lookup("#problems-table")
                .queryAs(TableView.class).getItems().size() == 3);
        assertThat(robot.lookup("#nav-problems-count").queryAs(Label.class).getText()).isEqualTo("3");
        Problem missing = model.shown().stream().filter(p -> p.ruleId().equals("missing-reference")).findFirst()
                .orElseThrow();
        robot.interact(() -> model.selectedProperty().set(missing));
        assertThat(robot.lookup("#problems-evidence").queryAs(TextArea.class).getText())
                .isEqualTo("spec.template.spec.infrastructureRef = DevMachineTemplate/missing-template "
                        + "(infrastructure.cluster.x-k8s.io): no such object in namespace default");
        assertThat(robot.lookup("#problems-next").queryAs(TextArea.class).getText())
                .startsWith("Create it, or point spec.template.spec.infrastructureRef at an existing one");
        Screenshots.save(Screenshots.render(stage.getScene()), "problems");

        robot.clickOn("#problems-show-cluster");
        Await.until(Duration.ofSeconds(20), "the Clusters page with the broken cluster selected", () ->
                window.viewModel().currentViewProperty().get() == View.CLUSTERS
                        && window.viewModel().clusters().selectedProperty().get() != null
                        && window.viewModel().clusters().selectedProperty().get().name().equals(CLUSTER));
    }
}
