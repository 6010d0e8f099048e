package dev.capiconsole.ui.install;

import dev.capiconsole.ui.common.Texts;
import static dev.capiconsole.ui.common.Columns.column;

import dev.capiconsole.install.InitProgress;
import dev.capiconsole.ui.common.Fxml;
import dev.capiconsole.ui.common.StepCell;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;

/**
 * Install providers: the form, clusterctl init's steps as they run, and what the cluster has installed. Controller of
 * {@code InstallView.fxml}.
 */
public final class InstallView {

    private final InstallViewModel model;
    private final Node root;

    @FXML
    private Label target;
    @FXML
    private ComboBox<String> infrastructure;
    @FXML
    private TextField version;
    @FXML
    private TextField namespace;
    @FXML
    private TextArea variables;
    @FXML
    private CheckBox offline;
    @FXML
    private CheckBox waitProviders;
    @FXML
    private CheckBox metallb;
    @FXML
    private Button install;
    @FXML
    private Label result;
    @FXML
    private ListView<InstallViewModel.StepRow> steps;
    @FXML
    private ListView<String> output;
    @FXML
    private TableView<InstallViewModel.InstalledRow> installed;

    public InstallView(InstallViewModel model) {
        this.model = model;
        this.root = InstallTabs.of(Fxml.load(this), model);
        root.sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null) {
                model.refreshInstalled();
            }
        });
    }

    public Node root() {
        return root;
    }

    @FXML
    private void initialize() {
        target.textProperty().bind(Bindings.createStringBinding(() -> model.connectedProperty().get() == null
                ? Texts.get("install.target.none")
                : Texts.get("install.target.connected", model.connectedProperty().get().name()),
                model.connectedProperty()));
        model.loadInfrastructureProviders(names -> infrastructure.getItems().setAll(names));
        infrastructure.valueProperty().bindBidirectional(model.infrastructureProperty());
        version.textProperty().bindBidirectional(model.versionProperty());
        namespace.textProperty().bindBidirectional(model.targetNamespaceProperty());
        variables.textProperty().bindBidirectional(model.variablesProperty());
        offline.selectedProperty().bindBidirectional(model.offlineProperty());
        waitProviders.selectedProperty().bindBidirectional(model.waitProvidersProperty());
        metallb.selectedProperty().bindBidirectional(model.metallbProperty());
        install.disableProperty().bind(model.runningProperty().or(model.connectedProperty().isNull()));
        result.textProperty().bind(model.resultProperty());

        steps.setItems(model.steps());
        steps.setCellFactory(list -> new StepCell<InstallViewModel.StepRow>(
                row -> stepTitle(row.step()) + (row.detail().isEmpty() ? "" : ": " + row.detail()),
                row -> mark(row.state()), true));
        output.setItems(model.output());
        output.getItems().addListener((ListChangeListener<String>) c -> output.scrollTo(output.getItems().size() - 1));

        installed.setItems(model.installed());
        installed.getColumns().add(column(Texts.get("common.column.namespace"), 200, InstallViewModel.InstalledRow::namespace));
        installed.getColumns().add(column(Texts.get("common.column.name"), 200, InstallViewModel.InstalledRow::name));
        installed.getColumns().add(column(Texts.get("common.column.type"), 180, InstallViewModel.InstalledRow::type));
        installed.getColumns().add(column(Texts.get("install.column.installed"), 100, InstallViewModel.InstalledRow::version));
        installed.getColumns().add(column(Texts.get("install.column.newest"), 260, InstallViewModel.InstalledRow::available));
    }

    @FXML
    private void runInstall() {
        model.install();
    }

    @FXML
    private void refreshInstalled() {
        model.refreshInstalled();
    }

    private static String stepTitle(InitProgress.Step step) {
        return switch (step) {
            case INVENTORY -> Texts.get("install.step.inventory");
            case FETCH -> Texts.get("install.step.fetch");
            case VALIDATE -> Texts.get("install.step.validate");
            case CERT_MANAGER -> Texts.get("install.step.certManager");
            case INSTALL -> Texts.get("install.step.apply");
            case WAIT -> Texts.get("install.step.wait");
            case METALLB -> Texts.get("install.step.metallb");
        };
    }

    private static StepCell.Mark mark(InitProgress.State state) {
        return state == null ? StepCell.Mark.PENDING : switch (state) {
            case RUNNING -> StepCell.Mark.RUNNING;
            case DONE -> StepCell.Mark.DONE;
            case SKIPPED -> StepCell.Mark.SKIPPED;
            case FAILED -> StepCell.Mark.FAILED;
        };
    }
}
