package dev.capiconsole.ui.kind;

import dev.capiconsole.ui.common.Fxml;
import dev.capiconsole.ui.common.StepCell;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory.IntegerSpinnerValueFactory;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;

/**
 * Create a local kind cluster: the form and its kind config, then kind's steps and output, live. Controller of
 * {@code KindView.fxml}.
 */
public final class KindView {

    private static final int MAX_WORKERS = 10;

    private final KindViewModel model;
    private final Node root;

    @FXML
    private Label tools;
    @FXML
    private TextField name;
    @FXML
    private TextField version;
    @FXML
    private Spinner<Integer> workers;
    @FXML
    private CheckBox docker;
    @FXML
    private CheckBox installAfter;
    @FXML
    private TextArea config;
    @FXML
    private Button create;
    @FXML
    private Button cancel;
    @FXML
    private Button delete;
    @FXML
    private Label result;
    @FXML
    private ListView<KindViewModel.Step> steps;
    @FXML
    private ListView<String> output;

    public KindView(KindViewModel model) {
        this.model = model;
        this.root = Fxml.load(this);
        root.sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null && !model.toolsReadyProperty().get()) {
                model.probe();
            }
        });
    }

    public Node root() {
        return root;
    }

    @FXML
    private void initialize() {
        tools.textProperty().bind(model.toolsProperty());
        name.textProperty().bindBidirectional(model.nameProperty());
        version.textProperty().bindBidirectional(model.kubernetesVersionProperty());
        workers.setValueFactory(new IntegerSpinnerValueFactory(0, MAX_WORKERS, model.workersProperty().get()));
        workers.valueProperty().addListener((obs, old, now) -> model.workersProperty().set(now));
        docker.selectedProperty().bindBidirectional(model.dockerProviderProperty());
        installAfter.selectedProperty().bindBidirectional(model.installAfterProperty());
        config.textProperty().bind(model.configText());

        create.disableProperty().bind(model.runningProperty().or(model.toolsReadyProperty().not()));
        cancel.disableProperty().bind(model.runningProperty().not());
        delete.visibleProperty().bind(model.leftoverProperty());
        result.textProperty().bind(model.resultProperty());

        steps.setItems(model.steps());
        steps.setCellFactory(list -> new StepCell<KindViewModel.Step>(KindViewModel.Step::text,
                step -> switch (step.state()) {
                    case RUNNING -> StepCell.Mark.RUNNING;
                    case DONE -> StepCell.Mark.DONE;
                    case FAILED -> StepCell.Mark.FAILED;
                }, false));
        output.setItems(model.output());
        output.getItems().addListener((ListChangeListener<String>) c -> output.scrollTo(output.getItems().size() - 1));
    }

    @FXML
    private void probeTools() {
        model.probe();
    }

    @FXML
    private void createCluster() {
        model.create();
    }

    @FXML
    private void cancelCreation() {
        model.cancel();
    }

    @FXML
    private void deleteCluster() {
        model.deleteCluster();
    }
}
