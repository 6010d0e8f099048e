package dev.capiconsole.ui.resourcesets;

import dev.capiconsole.addons.ResourceSetRow;
import dev.capiconsole.addons.Strategy;
import dev.capiconsole.ui.common.Columns;
import dev.capiconsole.ui.common.FileField;
import dev.capiconsole.ui.common.Labels;
import dev.capiconsole.ui.common.StatusCells;
import dev.capiconsole.ui.common.Texts;
import dev.capiconsole.ui.common.WorkFooter;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.cell.CheckBoxListCell;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The Resource sets page: the table of sets, and the form for a new one. Read again each time it is shown. */
public final class ResourceSetsView {

    private final ResourceSetsViewModel model;
    private final VBox root = new VBox(12);

    public ResourceSetsView(ResourceSetsViewModel model) {
        this.model = model;
        root.getStyleClass().add("page");
        root.setId("resource-sets-view");
        Label title = Labels.title(Texts.get("resourcesets.page.title"));
        Label lead = Labels.muted(Texts.get("resourcesets.page.lead"),
                true);
        lead.setMinHeight(Region.USE_PREF_SIZE);
        TableView<ResourceSetRow> table = table();
        VBox.setVgrow(table, Priority.ALWAYS);
        root.getChildren().addAll(title, lead, toolbar(table), table, form(), footer());
        root.parentProperty().addListener((obs, old, now) -> {
            if (now != null) {
                model.refresh();
            }
        });
    }

    public Node root() {
        return root;
    }

    private TableView<ResourceSetRow> table() {
        TableView<ResourceSetRow> table = new TableView<>(model.rows());
        table.setId("resource-sets");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label(Texts.get("resourcesets.table.empty")));
        TableColumn<ResourceSetRow, String> applied = Columns.column(Texts.get("resourcesets.column.applied"), 90, ResourceSetRow::appliedStatus);
        applied.setCellFactory(column -> StatusCells.statusCell(row -> false));
        TableColumn<ResourceSetRow, String> message = Columns.column(Texts.get("resourcesets.column.message"), 320, ResourceSetRow::appliedMessage);
        message.setCellFactory(column -> StatusCells.wrappingCell());
        TableColumn<ResourceSetRow, String> resources = Columns.column(Texts.get("resourcesets.column.resources"), 240,
                r -> String.join("\n", r.resources()));
        TableColumn<ResourceSetRow, String> clusters = Columns.column(Texts.get("resourcesets.column.clusters"), 170,
                r -> r.clusters().isEmpty() ? Texts.get("resourcesets.clusters.none")
                        : String.join("\n", r.clusters().stream().map(c -> c.cluster() + ": " + c.state()).toList()));
        resources.setCellFactory(column -> StatusCells.wrappingCell());
        clusters.setCellFactory(column -> StatusCells.wrappingCell());
        table.getColumns().addAll(List.of(
                Columns.column(Texts.get("resourcesets.column.namespace"), 118, ResourceSetRow::namespace),
                Columns.column(Texts.get("resourcesets.column.name"), 120, ResourceSetRow::name),
                Columns.column(Texts.get("resourcesets.column.selector"), 150, ResourceSetRow::selector),
                Columns.column(Texts.get("resourcesets.column.strategy"), 100, ResourceSetRow::strategy),
                resources, clusters, applied, message));
        // Every column keeps its width (headers whole); the message takes what is left.
        table.getColumns().forEach(column -> column.setMinWidth(column == message ? 160 : column.getPrefWidth()));
        return table;
    }

    private Node toolbar(TableView<ResourceSetRow> table) {
        Button refresh = new Button(Texts.get("resourcesets.page.refresh"), new FontIcon(Feather.REFRESH_CW));
        refresh.setId("resource-sets-refresh");
        refresh.setOnAction(e -> model.refresh());
        Button delete = new Button(Texts.get("resourcesets.page.delete"), new FontIcon(Feather.TRASH_2));
        delete.setId("resource-sets-delete");
        delete.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull()
                .or(model.busyProperty()));
        delete.setOnAction(e -> model.delete(table.getSelectionModel().getSelectedItem()));
        Label note = Labels.muted(Texts.get("resourcesets.page.deleteNote"), false);
        HBox bar = new HBox(10, refresh, delete, note);
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    private Node form() {
        TextField namespace = field("crs-namespace", Texts.get("resourcesets.prompt.namespace"), model.namespaceProperty());
        TextField name = field("crs-name", Texts.get("resourcesets.prompt.name"), model.nameProperty());
        TextField selector = field("crs-selector", Texts.get("resourcesets.prompt.selector"), model.selectorProperty());
        TextField location = field("crs-location", Texts.get("resourcesets.prompt.location"), model.locationProperty());
        HBox locationRow = FileField.row(location, Texts.get("resourcesets.page.browse"),
                Texts.get("resourcesets.page.chooserTitle"), model.locationProperty());
        ComboBox<Strategy> strategy = new ComboBox<>(FXCollections.observableArrayList(Strategy.values()));
        strategy.setId("crs-strategy");
        strategy.valueProperty().bindBidirectional(model.strategyProperty());
        CheckBox secrets = new CheckBox(Texts.get("resourcesets.page.secrets"));
        secrets.setId("crs-secrets");
        secrets.selectedProperty().bindBidirectional(model.secretsProperty());
        HBox options = new HBox(16, strategy, secrets);
        options.setAlignment(Pos.CENTER_LEFT);

        ListView<String> clusters = new ListView<>(model.clusters());
        clusters.setId("crs-clusters");
        clusters.setPrefHeight(90);
        clusters.setCellFactory(CheckBoxListCell.forListView(this::ticked));

        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(8);
        grid.addRow(0, new Label(Texts.get("resourcesets.form.namespace")), namespace,
                new Label(Texts.get("resourcesets.form.name")), name);
        grid.addRow(1, new Label(Texts.get("resourcesets.form.selector")), selector,
                new Label(Texts.get("resourcesets.form.manifest")), locationRow);
        grid.addRow(2, new Label(Texts.get("resourcesets.form.strategy")), options,
                new Label(Texts.get("resourcesets.form.labelClusters")), clusters);
        GridPane.setHgrow(locationRow, Priority.ALWAYS);

        Button create = new Button(Texts.get("resourcesets.page.create"), new FontIcon(Feather.PLUS));
        create.setId("crs-create");
        create.getStyleClass().add("accent");
        create.disableProperty().bind(model.busyProperty());
        create.setOnAction(e -> model.create());
        Label question = new Label();
        question.textProperty().bind(model.confirmationProperty());
        Button confirm = new Button(Texts.get("resourcesets.page.labelAndCreate"));
        confirm.setId("crs-confirm");
        confirm.setOnAction(e -> model.create());
        Button cancel = new Button(Texts.get("resourcesets.page.cancel"));
        cancel.setOnAction(e -> model.cancelConfirmation());
        HBox confirmation = new HBox(10, question, confirm, cancel);
        confirmation.setAlignment(Pos.CENTER_LEFT);
        confirmation.visibleProperty().bind(model.confirmationProperty().isNotEmpty());
        confirmation.managedProperty().bind(confirmation.visibleProperty());
        HBox actions = new HBox(10, create, confirmation);
        actions.setAlignment(Pos.CENTER_LEFT);
        Label heading = new Label(Texts.get("resourcesets.form.heading"));
        heading.getStyleClass().add("section-title");
        return new VBox(8, heading, grid, actions);
    }

    private BooleanProperty ticked(String cluster) {
        BooleanProperty ticked = new SimpleBooleanProperty(model.clustersToLabel().contains(cluster));
        ticked.addListener((obs, old, now) -> {
            if (now) {
                model.clustersToLabel().add(cluster);
            } else {
                model.clustersToLabel().remove(cluster);
            }
        });
        return ticked;
    }

    private Node footer() {
        return WorkFooter.of("resource-sets", model.busyProperty(), model.statusProperty(), model.errorProperty());
    }

    private static TextField field(String id, String prompt, StringProperty property) {
        TextField field = new TextField();
        field.setId(id);
        field.setPromptText(prompt);
        field.textProperty().bindBidirectional(property);
        return field;
    }
}
