package dev.capiconsole.ui.kind;

import atlantafx.base.theme.Styles;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** Create a local kind cluster: the form and its kind config, then kind's steps and output, live. */
public final class KindView {

    private final VBox root = new VBox(12);

    public KindView(KindViewModel model) {
        root.getStyleClass().add("page");
        root.setId("kind-view");
        Label title = new Label("Local kind cluster");
        title.getStyleClass().add("title-2");
        Label lead = new Label("A kind cluster on this machine, to become a management cluster. kind runs its nodes "
                + "as Docker containers; for Cluster API's docker provider the Docker socket is mounted into the node.");
        lead.getStyleClass().add("muted");
        lead.setWrapText(true);
        lead.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        Label tools = new Label();
        tools.setId("kind-tools");
        tools.setWrapText(true);
        tools.textProperty().bind(model.toolsProperty());
        Button recheck = new Button("Check again", new FontIcon(Feather.REFRESH_CW));
        recheck.setOnAction(e -> model.probe());
        HBox toolsBar = new HBox(10, tools, recheck);
        toolsBar.setAlignment(Pos.CENTER_LEFT);

        TextField name = new TextField();
        name.setId("kind-name");
        name.textProperty().bindBidirectional(model.nameProperty());
        TextField version = new TextField();
        version.setId("kind-version");
        version.setPromptText("kind's default");
        version.textProperty().bindBidirectional(model.kubernetesVersionProperty());
        Spinner<Integer> workers = new Spinner<>(0, 10, model.workersProperty().get());
        workers.valueProperty().addListener((obs, old, now) -> model.workersProperty().set(now));
        CheckBox docker = new CheckBox("Cluster API docker provider (mount the Docker socket)");
        docker.selectedProperty().bindBidirectional(model.dockerProviderProperty());
        CheckBox installAfter = new CheckBox("Then install Cluster API into it (core, kubeadm, docker)");
        installAfter.setId("kind-install-after");
        installAfter.selectedProperty().bindBidirectional(model.installAfterProperty());
        GridPane form = new GridPane();
        form.setHgap(10);
        form.setVgap(8);
        form.addRow(0, new Label("Name"), name);
        form.addRow(1, new Label("Kubernetes version"), version);
        form.addRow(2, new Label("Worker nodes"), workers);
        form.add(docker, 1, 3);
        form.add(installAfter, 1, 4);
        TextArea config = new TextArea();
        config.setId("kind-config");
        config.setEditable(false);
        config.getStyleClass().add("yaml");
        config.textProperty().bind(model.configText());
        config.setPrefRowCount(12);

        Button create = new Button("Create cluster", new FontIcon(Feather.PLAY));
        create.setId("kind-create");
        create.getStyleClass().add(Styles.ACCENT);
        create.disableProperty().bind(model.runningProperty().or(model.toolsReadyProperty().not()));
        create.setOnAction(e -> model.create());
        Button cancel = new Button("Cancel", new FontIcon(Feather.X));
        cancel.setId("kind-cancel");
        cancel.disableProperty().bind(model.runningProperty().not());
        cancel.setOnAction(e -> model.cancel());
        Button delete = new Button("Delete the kind cluster", new FontIcon(Feather.TRASH_2));
        delete.setId("kind-delete");
        delete.visibleProperty().bind(model.leftoverProperty());
        delete.setOnAction(e -> model.deleteCluster());
        Label result = new Label();
        result.setId("kind-result");
        result.setWrapText(true);
        result.setMaxWidth(560);
        result.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        result.textProperty().bind(model.resultProperty());
        HBox actions = new HBox(10, create, cancel, delete);
        actions.setAlignment(Pos.CENTER_LEFT);

        ListView<KindViewModel.Step> steps = new ListView<>(model.steps());
        steps.setId("kind-steps");
        steps.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(KindViewModel.Step step, boolean empty) {
                super.updateItem(step, empty);
                getStyleClass().removeAll("status-good", "status-bad", "status-unknown");
                if (empty || step == null) {
                    setText(null);
                    setGraphic(null);
                    return;
                }
                setText(step.text());
                String style = switch (step.state()) {
                    case DONE -> "status-good";
                    case FAILED -> "status-bad";
                    case RUNNING -> "status-unknown";
                };
                FontIcon icon = new FontIcon(switch (step.state()) {
                    case DONE -> Feather.CHECK_CIRCLE;
                    case FAILED -> Feather.X_CIRCLE;
                    case RUNNING -> Feather.CLOCK;
                });
                icon.getStyleClass().add(style);
                setGraphic(icon);
            }
        });
        steps.setPlaceholder(new Label("kind's steps appear here."));
        ListView<String> output = new ListView<>(model.output());
        output.setId("kind-output");
        output.getStyleClass().add("lab-log");
        output.getItems().addListener((javafx.collections.ListChangeListener<String>) c ->
                output.scrollTo(output.getItems().size() - 1));
        SplitPane progress = new SplitPane(steps, output);
        progress.setDividerPositions(0.4);
        VBox.setVgrow(progress, Priority.ALWAYS);

        VBox left = new VBox(10, form, actions, result);
        left.setMinWidth(560);
        left.setMaxWidth(560);
        VBox configBox = new VBox(4, new Label("kind config"), config);
        VBox.setVgrow(config, Priority.ALWAYS);
        HBox top = new HBox(20, left, configBox);
        HBox.setHgrow(configBox, Priority.ALWAYS);
        root.getChildren().addAll(title, lead, toolsBar, top, progress);
        root.setPadding(new Insets(0));
        root.sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null && !model.toolsReadyProperty().get()) {
                model.probe();
            }
        });
    }

    public Node root() {
        return root;
    }
}
