package dev.capiconsole.ui.clusterclasses;

import dev.capiconsole.clusterclass.ClassVariable;
import dev.capiconsole.clusterclass.ClusterClassModel;
import dev.capiconsole.clusterclass.ControlPlaneClass;
import dev.capiconsole.clusterclass.JsonValues;
import dev.capiconsole.clusterclass.VariableUse;
import dev.capiconsole.clusterclass.WorkerClass;
import dev.capiconsole.ui.common.Columns;
import dev.capiconsole.ui.common.Labels;
import dev.capiconsole.ui.common.Texts;
import dev.capiconsole.ui.common.WorkFooter;
import java.util.List;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The ClusterClass browser: the table of classes above, the selected class's details below. */
public final class ClusterClassesView {

    private final ClusterClassesViewModel model;
    private final VBox root = new VBox(12);
    private final TableView<ClassVariable> variables = new TableView<>();
    private final TableView<WorkerClass> workers = new TableView<>();
    private final Label heading = new Label();
    private final Label controlPlane = new Label();
    private final Label versions = new Label();
    private final Label clusters = new Label();

    public ClusterClassesView(ClusterClassesViewModel model) {
        this.model = model;
        root.getStyleClass().add("page");
        root.setId("cluster-classes-view");
        Label title = Labels.title(Texts.get("clusterclasses.page.title"));
        Label lead = Labels.muted(Texts.get("clusterclasses.page.lead"), true);
        lead.setMinHeight(Region.USE_PREF_SIZE);
        SplitPane split = new SplitPane(table(), details());
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.24);
        VBox.setVgrow(split, Priority.ALWAYS);
        root.getChildren().addAll(title, lead, split, WorkFooter.of("cluster-classes", model.busyProperty(),
                model.statusProperty(), model.errorProperty()));
        model.selectedProperty().addListener((obs, old, now) -> show(now));
        show(model.selectedProperty().get());
        root.parentProperty().addListener((obs, old, now) -> {
            if (now != null) {
                model.refresh();
            }
        });
    }

    public Node root() {
        return root;
    }

    private TableView<ClusterClassModel> table() {
        TableView<ClusterClassModel> table = new TableView<>(model.classes());
        table.setId("cluster-classes");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label(Texts.get("clusterclasses.table.empty")));
        List<TableColumn<ClusterClassModel, String>> columns = List.of(
                Columns.column(Texts.get("clusterclasses.column.namespace"), 100, ClusterClassModel::namespace),
                Columns.column(Texts.get("clusterclasses.column.name"), 150, ClusterClassModel::name),
                Columns.column(Texts.get("clusterclasses.column.variables"), 120, ClusterClassesView::variableCount),
                Columns.column(Texts.get("clusterclasses.column.controlPlane"), 220,
                        c -> controlPlaneText(c.controlPlane()).replace(" + ", "\n+ ")),
                Columns.column(Texts.get("clusterclasses.column.workers"), 150, c -> String.join("\n",
                        c.workerClasses().stream().map(ClusterClassesView::workerLabel).toList())),
                Columns.column(Texts.get("clusterclasses.column.versions"), 150, ClusterClassesView::versionsText),
                Columns.column(Texts.get("clusterclasses.column.clusters"), 160, c -> c.clusters().isEmpty()
                        ? Texts.get("clusterclasses.clusters.none") : String.join("\n", c.clusters())));
        columns.forEach(column -> column.setCellFactory(c -> linesCell()));
        table.getColumns().addAll(columns);
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null) {
                model.selectedProperty().set(now);
            }
        });
        model.selectedProperty().addListener((obs, old, now) -> {
            if (now != table.getSelectionModel().getSelectedItem()) {
                table.getSelectionModel().select(now);
            }
        });
        return table;
    }

    private Node details() {
        heading.setId("cluster-class-heading");
        heading.getStyleClass().add("title-4");
        controlPlane.setId("cluster-class-control-plane");
        versions.setId("cluster-class-versions");
        clusters.setId("cluster-class-clusters");
        clusters.setWrapText(true);
        GridPane summary = new GridPane();
        summary.setHgap(14);
        summary.setVgap(6);
        summary.addRow(0, new Label(Texts.get("clusterclasses.details.controlPlane")), controlPlane);
        summary.addRow(1, new Label(Texts.get("clusterclasses.details.versions")), versions);
        summary.addRow(2, new Label(Texts.get("clusterclasses.details.clusters")), clusters);

        Button create = new Button(Texts.get("clusterclasses.details.create"), new FontIcon(Feather.PLUS_SQUARE));
        create.setId("cluster-class-create");
        create.getStyleClass().add("accent");
        create.disableProperty().bind(model.selectedProperty().isNull());
        create.setOnAction(e -> model.createFromSelected());
        HBox top = new HBox(14, heading, create);
        top.setAlignment(Pos.CENTER_LEFT);

        variables.setId("cluster-class-variables");
        variables.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        variables.setPlaceholder(new Label(Texts.get("clusterclasses.variables.none")));
        TableColumn<ClassVariable, String> description = Columns.column(
                Texts.get("clusterclasses.variables.description"), 190, ClassVariable::description);
        TableColumn<ClassVariable, String> uses = Columns.column(Texts.get("clusterclasses.variables.uses"), 420,
                v -> v.uses().isEmpty() ? Texts.get("clusterclasses.variables.unused")
                        : String.join("\n", v.uses().stream().map(VariableUse::label).toList()));
        List<TableColumn<ClassVariable, String>> columns = List.of(
                Columns.column(Texts.get("clusterclasses.variables.name"), 120, ClassVariable::name),
                Columns.column(Texts.get("clusterclasses.variables.type"), 120, ClusterClassesView::typeText),
                Columns.column(Texts.get("clusterclasses.variables.required"), 70, v -> Texts.get(v.required()
                        ? "clusterclasses.variables.yes" : "clusterclasses.variables.no")),
                Columns.column(Texts.get("clusterclasses.variables.default"), 100,
                        v -> v.defaultValue().map(JsonValues::json).orElse("")),
                description, uses);
        columns.forEach(column -> column.setCellFactory(c -> linesCell()));
        variables.getColumns().addAll(columns);
        VBox.setVgrow(variables, Priority.ALWAYS);

        workers.setId("cluster-class-workers");
        workers.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        workers.setPlaceholder(new Label(Texts.get("clusterclasses.workers.none")));
        workers.setPrefHeight(100);
        workers.setMinHeight(80);
        workers.getColumns().addAll(List.of(
                Columns.column(Texts.get("clusterclasses.workers.kind"), 150, w -> Texts.get(
                        w.kind() == WorkerClass.Kind.MACHINE_POOL ? "clusterclasses.workers.machinePool"
                                : "clusterclasses.workers.machineDeployment")),
                Columns.column(Texts.get("clusterclasses.workers.class"), 160, WorkerClass::name),
                Columns.column(Texts.get("clusterclasses.workers.bootstrap"), 220, WorkerClass::bootstrapKind),
                Columns.column(Texts.get("clusterclasses.workers.infrastructure"), 220,
                        WorkerClass::infrastructureKind)));

        Label variablesHeading = new Label(Texts.get("clusterclasses.details.variables"));
        variablesHeading.getStyleClass().add("title-4");
        Label workersHeading = new Label(Texts.get("clusterclasses.details.workers"));
        workersHeading.getStyleClass().add("title-4");
        VBox workerClasses = new VBox(4, workersHeading, workers);
        HBox.setHgrow(workerClasses, Priority.ALWAYS);
        // The summary beside the worker classes: the variables get the height.
        HBox middle = new HBox(24, summary, workerClasses);
        VBox details = new VBox(8, top, middle, variablesHeading, variables);
        details.setId("cluster-class-details");
        return details;
    }

    private void show(ClusterClassModel chosen) {
        if (chosen == null) {
            heading.setText(Texts.get("clusterclasses.details.pick"));
            controlPlane.setText("");
            versions.setText("");
            clusters.setText("");
            variables.getItems().clear();
            workers.getItems().clear();
            return;
        }
        heading.setText(chosen.namespace() + "/" + chosen.name());
        controlPlane.setText(controlPlaneText(chosen.controlPlane()).replace(" + ", "\n+ "));
        versions.setText(versionsText(chosen));
        clusters.setText(clustersText(chosen));
        variables.getItems().setAll(chosen.variables());
        workers.getItems().setAll(chosen.workerClasses());
    }

    /** A cell of several lines, as tall as its text needs at the column's width. */
    private static <T> TableCell<T, String> linesCell() {
        return new TableCell<>() {
            {
                setWrapText(true);
            }

            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
            }

            @Override
            protected double computePrefHeight(double width) {
                return super.computePrefHeight(getTableColumn() == null ? width : getTableColumn().getWidth());
            }
        };
    }

        private static String variableCount(ClusterClassModel c) {
        long required = c.variables().stream().filter(ClassVariable::required).count();
        return required == 0 ? String.valueOf(c.variables().size())
                : Texts.get("clusterclasses.column.variablesRequired", c.variables().size(), required);
    }

    private static String controlPlaneText(ControlPlaneClass controlPlane) {
        return controlPlane.machineInfrastructureKind().isEmpty() ? controlPlane.templateKind()
                : controlPlane.templateKind() + " + " + controlPlane.machineInfrastructureKind();
    }

    private static String workerLabel(WorkerClass worker) {
        return worker.kind() == WorkerClass.Kind.MACHINE_POOL
                ? Texts.get("clusterclasses.workers.poolLabel", worker.name()) : worker.name();
    }

    private static String versionsText(ClusterClassModel c) {
        return c.kubernetesVersions().isEmpty() ? Texts.get("clusterclasses.versions.any")
                : String.join(", ", c.kubernetesVersions());
    }

    private static String clustersText(ClusterClassModel c) {
        return c.clusters().isEmpty() ? Texts.get("clusterclasses.clusters.none") : String.join(", ", c.clusters());
    }

    private static String typeText(ClassVariable variable) {
        List<Object> allowed = variable.enumValues();
        return allowed.isEmpty() ? variable.type()
                : variable.type() + " (" + String.join("|", allowed.stream().map(String::valueOf).toList()) + ")";
    }
}
