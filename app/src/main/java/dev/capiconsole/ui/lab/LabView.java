package dev.capiconsole.ui.lab;

import dev.capiconsole.ui.common.Fxml;
import dev.capiconsole.ui.common.Texts;
import dev.capiconsole.ui.lab.LabViewModel.State;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;

/** The embedded lab page: start or stop it, and follow what it does. Controller of {@code LabView.fxml}. */
public final class LabView {

    private final LabViewModel lab;
    private final Node root;

    @FXML
    private Button start;
    @FXML
    private Button stop;
    @FXML
    private Button sample;
    @FXML
    private ProgressIndicator spinner;
    @FXML
    private Label state;
    @FXML
    private ListView<String> log;

    public LabView(LabViewModel lab) {
        this.lab = lab;
        this.root = Fxml.load(this);
    }

    public Node root() {
        return root;
    }

    @FXML
    private void initialize() {
        start.disableProperty().bind(lab.stateProperty().isEqualTo(State.STARTING)
                .or(lab.stateProperty().isEqualTo(State.RUNNING))
                .or(lab.stateProperty().isEqualTo(State.STOPPING)));
        stop.disableProperty().bind(lab.stateProperty().isNotEqualTo(State.RUNNING));
        sample.disableProperty().bind(lab.stateProperty().isNotEqualTo(State.RUNNING));
        spinner.visibleProperty().bind(lab.stateProperty().isEqualTo(State.STARTING)
                .or(lab.stateProperty().isEqualTo(State.STOPPING)));
        state.textProperty().bind(Bindings.createStringBinding(this::describeState, lab.stateProperty(),
                lab.failureProperty()));
        log.setItems(lab.progress());
        lab.progress().addListener((ListChangeListener<String>) change -> log.scrollTo(lab.progress().size() - 1));
    }

    @FXML
    private void startLab() {
        lab.start();
    }

    @FXML
    private void stopLab() {
        lab.stop();
    }

    @FXML
    private void createSampleCluster() {
        lab.createSampleCluster();
    }

    private String describeState() {
        return switch (lab.stateProperty().get()) {
            case IDLE -> Texts.get("lab.state.idle");
            case STARTING -> Texts.get("lab.state.starting");
            case RUNNING -> Texts.get(lab.owned() ? "lab.state.runningOwned" : "lab.state.runningElsewhere",
                    lab.kubeconfig());
            case STOPPING -> Texts.get("lab.state.stopping");
            case FAILED -> Texts.get("lab.state.failed", lab.failureProperty().get());
        };
    }
}
