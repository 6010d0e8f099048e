package dev.capiconsole.ui.generate;

import dev.capiconsole.clusterclass.WorkerClass;
import dev.capiconsole.ui.common.Texts;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The wizard's cluster page for a ClusterClass: the Cluster's basics and topology on the left, a control per class
 * variable on the right, each problem under its field.
 */
final class ClassFormView {

    private final ClassFormViewModel form;
    private final ObservableList<String> namespaces;
    private final Runnable checkWithServer;

    ClassFormView(ClassFormViewModel form, ObservableList<String> namespaces, Runnable checkWithServer) {
        this.form = form;
        this.namespaces = namespaces;
        this.checkWithServer = checkWithServer;
    }

    Node root() {
        VBox left = new VBox(12, basics(), otherErrors(), workers());
        left.setMinWidth(420);
        left.setPrefWidth(470);
        VBox right = new VBox(12, variablesHeading());
        form.variables().values().forEach(field -> right.getChildren().add(SchemaControls.row(field)));
        if (form.variables().isEmpty()) {
            Label none = new Label(Texts.get("generate.class.noVariables"));
            none.getStyleClass().add("field-hint");
            right.getChildren().add(none);
        }
        HBox.setHgrow(right, Priority.ALWAYS);
        HBox page = new HBox(28, left, right);
        page.setId("wizard-class-form");
        return page;
    }

    private Node basics() {
        TextField name = new TextField();
        name.setId("class-cluster-name");
        name.textProperty().bindBidirectional(form.nameProperty());
        ComboBox<String> namespace = new ComboBox<>(namespaces);
        namespace.setId("class-cluster-namespace");
        namespace.setEditable(true);
        namespace.setMaxWidth(Double.MAX_VALUE);
        namespace.getEditor().textProperty().bindBidirectional(form.namespaceProperty());
        Node version;
        if (form.versions().isEmpty()) {
            TextField typed = new TextField();
            typed.textProperty().bindBidirectional(form.versionProperty());
            version = typed;
        } else {
            ComboBox<String> choice = new ComboBox<>(FXCollections.observableArrayList(form.versions()));
            choice.valueProperty().bindBidirectional(form.versionProperty());
            choice.setMaxWidth(Double.MAX_VALUE);
            version = choice;
        }
        version.setId("class-version");
        Spinner<Integer> replicas = new Spinner<>(0, 99, form.controlPlaneReplicasProperty().get());
        replicas.setId("class-control-plane");
        replicas.setEditable(true);
        replicas.valueProperty().addListener((obs, old, now) -> form.controlPlaneReplicasProperty().set(now));

        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(4);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().addAll(labels, fields);
        int row = 0;
        row = addRow(grid, row, Texts.get("generate.cluster.name"), name, form.nameErrorProperty());
        row = addRow(grid, row, Texts.get("common.column.namespace"), namespace, form.namespaceErrorProperty());
        row = addRow(grid, row, Texts.get("kind.form.version"), version, form.versionErrorProperty());
        addRow(grid, row, Texts.get("generate.cluster.controlPlane"), replicas, form.replicasErrorProperty());

        Label versions = new Label(form.versions().isEmpty() ? Texts.get("generate.class.anyVersion")
                : Texts.get("generate.class.versions", String.join(", ", form.versions())));
        versions.getStyleClass().add("field-hint");
        versions.setWrapText(true);
        Button check = new Button(Texts.get("generate.class.checkServer"), new FontIcon(Feather.SHIELD));
        check.setId("class-check-server");
        check.setOnAction(e -> checkWithServer.run());
        Label checkHint = new Label(Texts.get("generate.class.checkServerHint"));
        checkHint.getStyleClass().add("field-hint");
        checkHint.setWrapText(true);
        return new VBox(8, heading(Texts.get("generate.class.cluster", form.model().name())), grid, versions, check,
                checkHint);
    }

    private Node otherErrors() {
        Label errors = new Label();
        errors.setId("class-form-errors");
        errors.getStyleClass().add("field-problem");
        errors.setWrapText(true);
        errors.textProperty().bind(Bindings.createStringBinding(() -> String.join("\n", form.otherErrors()),
                form.otherErrors()));
        errors.managedProperty().bind(Bindings.isNotEmpty(form.otherErrors()));
        errors.visibleProperty().bind(Bindings.isNotEmpty(form.otherErrors()));
        return errors;
    }

    private Node workers() {
        VBox list = new VBox(10);
        Runnable show = () -> list.getChildren().setAll(form.workers().stream().map(this::worker).toList());
        form.workers().addListener((ListChangeListener<WorkerForm>) c -> show.run());
        show.run();
        Button add = new Button(Texts.get("generate.class.addWorker"), new FontIcon(Feather.PLUS));
        add.setId("class-add-worker");
        add.setOnAction(e -> form.addWorker());
        add.setDisable(form.model().workerClasses().isEmpty());
        Label none = new Label(Texts.get(form.model().workerClasses().isEmpty() ? "generate.class.noWorkerClasses"
                : "generate.class.workersHint"));
        none.getStyleClass().add("field-hint");
        none.setWrapText(true);
        return new VBox(8, heading(Texts.get("generate.class.workers")), none, list, add);
    }

    private Node worker(WorkerForm worker) {
        int index = form.workers().indexOf(worker);
        ComboBox<String> workerClass = new ComboBox<>(FXCollections.observableArrayList(form.model().workerClasses()
                .stream().map(WorkerClass::name).toList()));
        workerClass.setId("class-worker-" + index + "-class");
        workerClass.valueProperty().bindBidirectional(worker.workerClassProperty());
        workerClass.setMaxWidth(Double.MAX_VALUE);
        TextField name = new TextField();
        name.setId("class-worker-" + index + "-name");
        name.textProperty().bindBidirectional(worker.nameProperty());
        Spinner<Integer> replicas = new Spinner<>(0, 999, worker.replicasProperty().get());
        replicas.setId("class-worker-" + index + "-replicas");
        replicas.setEditable(true);
        replicas.valueProperty().addListener((obs, old, now) -> worker.replicasProperty().set(now));
        TextField failureDomain = new TextField();
        failureDomain.setId("class-worker-" + index + "-failure-domain");
        failureDomain.setPromptText(Texts.get("generate.class.failureDomainPrompt"));
        failureDomain.textProperty().bindBidirectional(worker.failureDomainProperty());

        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(4);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().addAll(labels, fields);
        int row = 0;
        row = addRow(grid, row, Texts.get("generate.class.workerClass"), workerClass, worker.classErrorProperty());
        row = addRow(grid, row, Texts.get("generate.class.workerName"), name, worker.nameErrorProperty());
        row = addRow(grid, row, Texts.get("generate.class.replicas"), replicas, worker.replicasErrorProperty());
        addRow(grid, row, Texts.get("generate.class.failureDomain"), failureDomain, null);

        VBox overrides = new VBox(10);
        worker.overrides().values().forEach(field -> overrides.getChildren().add(SchemaControls.row(field)));
        TitledPane overridesPane = new TitledPane(Texts.get("generate.class.overrides"), overrides);
        overridesPane.setId("class-worker-" + index + "-overrides");
        overridesPane.setExpanded(worker.overrides().values().stream().anyMatch(f -> f.value().isPresent()));
        overridesPane.setVisible(!worker.overrides().isEmpty());
        overridesPane.setManaged(!worker.overrides().isEmpty());

        Button remove = new Button(Texts.get("generate.class.removeWorker"), new FontIcon(Feather.TRASH_2));
        remove.setId("class-worker-" + index + "-remove");
        remove.setOnAction(e -> form.removeWorker(worker));
        HBox top = new HBox(10, new Label(Texts.get("generate.class.workerGroup", index + 1)), spacer(), remove);
        top.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(8, top, grid, overridesPane);
        box.getStyleClass().add("class-form-group");
        return box;
    }

    private Node variablesHeading() {
        Label hint = new Label(Texts.get("generate.class.variablesHint"));
        hint.getStyleClass().add("field-hint");
        hint.setWrapText(true);
        return new VBox(4, heading(Texts.get("generate.class.variables", form.variables().size())), hint);
    }

    private static int addRow(GridPane grid, int row, String label, Node field, StringProperty error) {
        Label name = new Label(label);
        name.setLabelFor(field);
        grid.add(name, 0, row);
        grid.add(field, 1, row);
        if (error == null) {
            return row + 1;
        }
        Label problem = new Label();
        problem.getStyleClass().add("field-problem");
        problem.setWrapText(true);
        problem.textProperty().bind(error);
        problem.managedProperty().bind(error.isNotEmpty());
        problem.visibleProperty().bind(error.isNotEmpty());
        if (field.getId() != null) {
            problem.setId(field.getId() + "-error");
        }
        grid.add(problem, 1, row + 1);
        return row + 2;
    }

    private static Label heading(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("title-4");
        return label;
    }

    private static Region spacer() {
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        return spacer;
    }
}
