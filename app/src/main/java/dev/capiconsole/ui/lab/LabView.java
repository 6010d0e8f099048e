package dev.capiconsole.ui.lab;

import atlantafx.base.theme.Styles;
import dev.capiconsole.ui.lab.LabViewModel.State;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The embedded lab page: start or stop it, and follow what it does. */
public final class LabView {

    private final VBox root = new VBox(14);

    public LabView(LabViewModel lab) {
        root.getStyleClass().add("page");
        Label title = new Label("Embedded lab");
        title.getStyleClass().add("title-2");
        Label lead = new Label("A real Cluster API management plane on this machine: etcd, kube-apiserver and the "
                + "Cluster API controllers (core, kubeadm bootstrap and control plane, docker provider with "
                + "in-memory machines) as local processes on 127.0.0.1. Its clusters are kept between starts. "
                + "The first start builds the upstream programs from the Go module proxy, which takes minutes.");
        lead.setWrapText(true);
        lead.getStyleClass().add("muted");

        Button start = new Button("Start the lab", new FontIcon(Feather.PLAY));
        start.setId("lab-start");
        start.getStyleClass().add("accent");
        start.setOnAction(e -> lab.start());
        start.disableProperty().bind(lab.stateProperty().isEqualTo(State.STARTING)
                .or(lab.stateProperty().isEqualTo(State.RUNNING))
                .or(lab.stateProperty().isEqualTo(State.STOPPING)));
        Button stop = new Button("Stop the lab", new FontIcon(Feather.SQUARE));
        stop.setId("lab-stop");
        stop.setOnAction(e -> lab.stop());
        stop.disableProperty().bind(lab.stateProperty().isNotEqualTo(State.RUNNING));

        Button sample = new Button("Create a sample cluster", new FontIcon(Feather.PLUS_CIRCLE));
        sample.setId("lab-sample");
        sample.setOnAction(e -> lab.createSampleCluster());
        sample.disableProperty().bind(lab.stateProperty().isNotEqualTo(State.RUNNING));
        sample.setMinWidth(Region.USE_PREF_SIZE);

        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(22, 22);
        spinner.visibleProperty().bind(lab.stateProperty().isEqualTo(State.STARTING)
                .or(lab.stateProperty().isEqualTo(State.STOPPING)));
        Label state = new Label();
        state.setId("lab-state");
        state.textProperty().bind(Bindings.createStringBinding(() -> describe(lab), lab.stateProperty(),
                lab.failureProperty()));
        state.setWrapText(true);
        HBox.setHgrow(state, Priority.ALWAYS);
        start.setMinWidth(Region.USE_PREF_SIZE);
        stop.setMinWidth(Region.USE_PREF_SIZE);
        HBox actions = new HBox(10, start, stop, sample, spinner, state);
        actions.setAlignment(Pos.CENTER_LEFT);

        ListView<String> log = new ListView<>(lab.progress());
        log.setId("lab-progress");
        log.getStyleClass().addAll("lab-log", Styles.DENSE);
        log.setPlaceholder(new Label("Nothing started yet."));
        lab.progress().addListener((ListChangeListener<String>) change -> log.scrollTo(lab.progress().size() - 1));
        VBox.setVgrow(log, Priority.ALWAYS);

        root.getChildren().addAll(title, lead, actions, log);
    }

    public Node root() {
        return root;
    }

    private static String describe(LabViewModel lab) {
        return switch (lab.stateProperty().get()) {
            case IDLE -> "Not running.";
            case STARTING -> "Starting…";
            case RUNNING -> "Running" + (lab.owned() ? " (stops when this window closes)" : " (started elsewhere)")
                    + ". kubeconfig: " + lab.kubeconfig();
            case STOPPING -> "Stopping…";
            case FAILED -> "Could not start: " + lab.failureProperty().get();
        };
    }
}
