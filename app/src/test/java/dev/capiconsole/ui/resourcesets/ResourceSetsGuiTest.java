package dev.capiconsole.ui.resourcesets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capiconsole.addons.ResourceSetRow;
import dev.capiconsole.lab.LabFixture;
import dev.capiconsole.testing.Await;
import dev.capiconsole.ui.common.Screenshots;
import dev.capiconsole.ui.shell.ConsoleWindow;
import dev.capiconsole.ui.shell.TestWindow;
import dev.capiconsole.ui.shell.View;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
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
 * Add-ons in the window, on the lab with a ready in-memory cluster: the wizard's Add-ons step and its preview, then
 * the Resource sets page creating a set for the existing cluster (labelled after confirmation), seeing it applied,
 * and deleting it.
 */
@ExtendWith(ApplicationExtension.class)
class ResourceSetsGuiTest {

    private static final String CLUSTER = "rs-gui";

    @TempDir
    static Path folder;

    private static LabFixture lab;
    private static Path manifest;
    private Stage stage;
    private ConsoleWindow window;

    @BeforeAll
    static void lab() throws Exception {
        lab = LabFixture.withReadyCluster(folder, CLUSTER, 1, 0);
        manifest = Files.writeString(folder.resolve("greeting.yaml"), """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: greeting
                  namespace: default
                data:
                  hello: from the Resource sets page
                """);
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
    void theAddonsStepPreviewsTheSetAndThePageCreatesShowsAndDeletesOne(FxRobot robot) throws Exception {
        TestWindow.startLab(robot, window);

        robot.press(KeyCode.CONTROL, KeyCode.DIGIT3).release(KeyCode.DIGIT3, KeyCode.CONTROL);
        robot.clickOn("#wizard-next");
        Await.until(Duration.ofSeconds(20), "the cluster page", () -> robot.lookup("#wizard-cluster").tryQuery()
                .isPresent());
        replace(robot, "#cluster-name", "with-addons");
        robot.clickOn("#wizard-next");
        Await.until(Duration.ofSeconds(10), "the variables page", () -> robot.lookup("#wizard-variables").tryQuery()
                .isPresent());
        robot.clickOn("#wizard-next");
        Await.until(Duration.ofSeconds(10), "the add-ons page", () -> robot.lookup("#wizard-addons").tryQuery()
                .isPresent());
        assertThat(window.viewModel().generate().cniProperty().get()).as("no CNI for in-memory").isEqualTo("none");
        replace(robot, "#addon-other", manifest.toString());
        Screenshots.save(Screenshots.render(stage.getScene()), "addons-step");
        robot.clickOn("#wizard-next");
        Await.until(Duration.ofSeconds(20), "the preview", () -> robot.lookup("#preview-objects").tryQuery()
                .isPresent());
        ListView<?> objects = robot.lookup("#preview-objects").queryAs(ListView.class);
        assertThat(objects.getItems().stream().map(String::valueOf).toList())
                .anyMatch(o -> o.contains("kind=ConfigMap") && o.contains("with-addons-addons-greeting"))
                .anyMatch(o -> o.contains("kind=ClusterResourceSet"));
        assertThat(robot.lookup("#preview-addons").queryAs(Label.class).getText())
                .startsWith("Add-on greeting from " + manifest);

        robot.interact(() -> window.viewModel().show(View.RESOURCE_SETS));
        ResourceSetsViewModel model = window.viewModel().resourceSets();
        Await.until(Duration.ofSeconds(20), "the lab's cluster offered for labelling",
                () -> model.clusters().contains(CLUSTER));
        replace(robot, "#crs-name", "greeting");
        replace(robot, "#crs-selector", "addon=greeting");
        replace(robot, "#crs-location", manifest.toString());
        robot.clickOn(robot.lookup("#crs-clusters .check-box").<Node>query());
        assertThat(model.clustersToLabel()).containsExactly(CLUSTER);
        robot.clickOn("#crs-create");
        assertThat(model.confirmationProperty().get()).contains("Label " + CLUSTER + " with addon=greeting");
        assertThat(lab.client().genericKubernetesResources("addons.cluster.x-k8s.io/v1beta2", "ClusterResourceSet")
                .inNamespace("default").withName("greeting").get()).as("nothing before the answer").isNull();
        robot.clickOn("#crs-confirm");

        ResourceSetRow row = Await.value(Duration.ofMinutes(2), "set greeting applied on the page, live", () -> {
            WaitForAsyncUtils.waitForFxEvents();
            return applied(model.rows());
        });
        assertThat(row.clusters()).singleElement().satisfies(c -> {
            assertThat(c.cluster()).isEqualTo(CLUSTER);
            assertThat(c.state()).isEqualTo("applied (1/1)");
        });
        TableView<?> table = robot.lookup("#resource-sets").queryAs(TableView.class);
        robot.interact(() -> table.getSelectionModel().select(0));
        Screenshots.save(Screenshots.render(stage.getScene()), "resource-sets");

        robot.clickOn("#resource-sets-delete");
        Await.until(Duration.ofSeconds(30), "set greeting gone from the page, live (after the controller's finalizer)",
                () -> {
            WaitForAsyncUtils.waitForFxEvents();
            return model.rows().stream().noneMatch(r -> r.name().equals("greeting"));
        });
    }

    private static Optional<ResourceSetRow> applied(List<ResourceSetRow> rows) {
        return rows.stream().filter(r -> r.name().equals("greeting") && r.appliedStatus().equals("True")).findFirst();
    }

    private static void replace(FxRobot robot, String query, String text) {
        TextField field = robot.lookup(query).queryAs(TextField.class);
        robot.interact(() -> field.setText(text));
        WaitForAsyncUtils.waitForFxEvents();
    }
}
