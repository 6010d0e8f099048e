package dev.capiconsole.ui.generate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capiconsole.lab.LabFixture;
import dev.capiconsole.templates.ClusterApplier.ObjectResult;
import dev.capiconsole.templates.ClusterApplier.Outcome;
import dev.capiconsole.testing.Await;
import dev.capiconsole.topology.DescribeRow;
import dev.capiconsole.ui.common.Screenshots;
import dev.capiconsole.ui.shell.ConsoleWindow;
import dev.capiconsole.ui.shell.TestWindow;
import dev.capiconsole.ui.shell.View;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableView;
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
 * The generate wizard against the real lab: the built-in in-memory template, a name and counts, a wrong CIDR
 * caught inline, the preview, a namespace that does not exist yet (created on request), per-object results, and
 * the new cluster's live tree opened once it is applied.
 */
@ExtendWith(ApplicationExtension.class)
class GenerateGuiTest {

    private static final String CLUSTER = "wizard-gui";
    private static final String NS = "wizard-ns";

    @TempDir
    static Path folder;

    private static LabFixture lab;
    private static KubernetesClient client;
    private Stage stage;
    private ConsoleWindow window;

    @BeforeAll
    static void lab() {
        lab = LabFixture.full(folder);
        client = lab.client();
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
    void theWizardGeneratesAppliesAndOpensTheLiveTree(FxRobot robot) throws Exception {
        TestWindow.startLab(robot, window);

        robot.press(KeyCode.CONTROL, KeyCode.DIGIT3).release(KeyCode.DIGIT3, KeyCode.CONTROL);
        ListView<?> templates = robot.lookup("#built-in-templates").queryAs(ListView.class);
        assertThat(templates.getItems()).hasSizeGreaterThanOrEqualTo(3);
        assertThat(templates.getSelectionModel().getSelectedItem().toString()).contains("in-memory");
        Screenshots.save(Screenshots.render(stage.getScene()), "generate-template");

        robot.clickOn("#wizard-next");
        Await.until(Duration.ofSeconds(20), "the cluster page of the wizard",
                () -> robot.lookup("#wizard-cluster").tryQuery().isPresent());
        replace(robot, "#cluster-name", "Bad_Name");
        assertThat(texts(robot)).anyMatch(t -> t.contains("is not a valid cluster name"));
        robot.clickOn("#wizard-next");
        assertThat(robot.lookup("#wizard-error").queryAs(Label.class).getText()).contains("not a valid cluster name");
        replace(robot, "#cluster-name", CLUSTER);
        robot.interact(() -> {
            window.viewModel().generate().namespaceProperty().set(NS);
            window.viewModel().generate().workerCountProperty().set(2);
        });
        assertThat(texts(robot)).anyMatch(t -> t.contains("Does not exist yet"));
        robot.clickOn("#wizard-next");

        Await.until(Duration.ofSeconds(10), "the variables page",
                () -> robot.lookup("#wizard-variables").tryQuery().isPresent());
        assertThat(robot.lookup("#variable-POD_CIDR").tryQuery()).isPresent();
        assertThat(robot.lookup("#variable-SERVICE_DOMAIN").queryAs(TextField.class).getPromptText())
                .isEqualTo("default: \"cluster.local\"");
        replace(robot, "#variable-POD_CIDR", "[\"10.0.0.0/99\"]");
        assertThat(texts(robot)).anyMatch(t -> t.contains("is not a CIDR"));
        Screenshots.save(Screenshots.render(stage.getScene()), "generate-variables");
        robot.clickOn("#wizard-next");
        assertThat(robot.lookup("#wizard-error").queryAs(Label.class).getText()).startsWith("POD_CIDR:");
        replace(robot, "#variable-POD_CIDR", "[\"10.244.0.0/16\"]");
        robot.clickOn("#wizard-next");
        Await.until(Duration.ofSeconds(10), "the add-ons page",
                () -> robot.lookup("#wizard-addons").tryQuery().isPresent());
        assertThat(window.viewModel().generate().cniProperty().get()).isEqualTo("none");
        robot.clickOn("#wizard-next");

        Await.until(Duration.ofSeconds(20), "the preview",
                () -> robot.lookup("#preview-objects").tryQuery().isPresent());
        ListView<?> objects = robot.lookup("#preview-objects").queryAs(ListView.class);
        assertThat(objects.getItems()).hasSize(1 + 7);
        String yaml = window.viewModel().generate().yamlProperty().get();
        assertThat(yaml).contains("kind: ClusterClass").contains("name: " + CLUSTER).contains("namespace: " + NS)
                .contains("- 10.244.0.0/16").contains("replicas: 2");
        robot.interact(() -> objects.getSelectionModel().select(objects.getItems().size() - 1));
        Screenshots.save(Screenshots.render(stage.getScene()), "generate-preview");
        robot.clickOn("#wizard-next");

        Await.until(Duration.ofSeconds(10), "the apply page",
                () -> robot.lookup("#wizard-apply").tryQuery().isPresent());
        robot.clickOn("#apply");
        Await.until(Duration.ofSeconds(20), "the offer to create the namespace",
                () -> robot.lookup("#apply-create-namespace").tryQuery()
                        .map(n -> n.isVisible()).orElse(false));
        assertThat(client.namespaces().withName(NS).get()).as("nothing is created before the answer").isNull();
        robot.clickOn("#apply-create-namespace");

        Await.until(Duration.ofSeconds(30), "the objects applied",
                () -> window.viewModel().generate().appliedProperty().get());
        List<ObjectResult> results = new ArrayList<>(window.viewModel().generate().results());
        assertThat(results).hasSize(1 + 7).allSatisfy(r -> assertThat(r.outcome()).isEqualTo(Outcome.CREATED));
        robot.interact(() -> window.viewModel().show(View.GENERATE));
        Screenshots.save(Screenshots.render(stage.getScene()), "generate-applied");
        TableView<?> table = robot.lookup("#apply-results").queryAs(TableView.class);
        assertThat(table.getItems()).hasSize(8);

        robot.clickOn("#apply-open-tree");
        assertThat(window.viewModel().currentViewProperty().get()).isEqualTo(View.CLUSTERS);
        Await.until(Duration.ofSeconds(30), "cluster wizard-gui selected",
                () -> window.viewModel().clusters().selectedProperty().get() != null
                        && window.viewModel().clusters().selectedProperty().get().name().equals(CLUSTER));
        TreeTableView<DescribeRow> tree = robot.lookup("#describe-tree").queryAs(TreeTableView.class);
        Await.until(Duration.ofMinutes(3), "2 Machines in the tree", () -> names(tree).contains("2 Machines..."));
        assertThat(names(tree)).anyMatch(n -> n.startsWith("Cluster " + NS + "/" + CLUSTER))
                .anyMatch(n -> n.startsWith("MachineDeployment"));
    }

    private static void replace(FxRobot robot, String query, String text) {
        TextField field = robot.lookup(query).queryAs(TextField.class);
        robot.interact(() -> field.setText(text));
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Every inline problem and hint currently shown. */
    private static List<String> texts(FxRobot robot) {
        List<String> all = new ArrayList<>();
        robot.lookup(".field-problem").queryAllAs(Label.class).forEach(l -> all.add(l.getText()));
        robot.lookup(".field-hint").queryAllAs(Label.class).forEach(l -> all.add(l.getText()));
        return all;
    }

    private static List<String> names(TreeTableView<DescribeRow> tree) {
        List<String> names = new ArrayList<>();
        collect(tree.getRoot(), names);
        return names;
    }

    private static void collect(TreeItem<DescribeRow> item, List<String> names) {
        if (item == null) {
            return;
        }
        if (item.getValue() != null) {
            names.add(item.getValue().name());
        }
        item.getChildren().forEach(child -> collect(child, names));
    }
}
