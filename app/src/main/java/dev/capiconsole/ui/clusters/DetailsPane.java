package dev.capiconsole.ui.clusters;

import dev.capiconsole.ui.common.Texts;
import static dev.capiconsole.ui.common.Columns.column;

import dev.capiconsole.controllerlogs.LogSubject;
import dev.capiconsole.events.EventRow;
import dev.capiconsole.topology.CapiObject;
import dev.capiconsole.topology.Condition;
import dev.capiconsole.topology.DescribeRow;
import dev.capiconsole.topology.HumanDuration;
import dev.capiconsole.topology.TreeNode;
import dev.capiconsole.ui.common.Columns;
import dev.capiconsole.ui.common.Labels;
import dev.capiconsole.ui.common.StatusCells;
import java.time.Instant;
import java.util.Locale;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The selected tree row: its conditions, its YAML (with Edit…), its events, and the row's actions menu. */
final class DetailsPane {

    private static final double CONDITIONS_WIDTH = 0.62;
    private static final double CONDITIONS_WIDTH_BESIDE_LOGS = 0.28;

    private final ClustersViewModel model;
    private final TableView<Condition> conditionTable = new TableView<>();
    private final TextArea yaml = new TextArea();
    private final Label detailsTitle = new Label(Texts.get("clusters.details.selectRow"));
    private final Button editButton = new Button(Texts.get("clusters.details.edit"), new FontIcon(Feather.EDIT_2));
    private final VBox root;
    private TreeNode selectedNode;

    DetailsPane(ClustersViewModel model, Node actions) {
        this.model = model;
        detailsTitle.getStyleClass().add("title-4");
        detailsTitle.setWrapText(true);
        editButton.setMinWidth(Region.USE_PREF_SIZE);
        editButton.setId("edit-object");
        editButton.setDisable(true);
        editButton.setOnAction(e -> {
            if (selectedNode != null && selectedNode.object() != null) {
                new ObjectEditDialog(editButton.getScene().getWindow(), model.operations(), selectedNode.object()).show();
            }
        });
        Tab yamlTab = new Tab("YAML", yamlBox());
        Tab eventsTab = new Tab(Texts.get("clusters.details.events"), events());
        eventsTab.setId("details-events-tab");
        Tab logsTab = new Tab(Texts.get("clusters.details.controllerLogs"), new ControllerLogsPane(model.logs()).root());
        logsTab.setId("details-logs-tab");
        model.logs().activeProperty().bind(logsTab.selectedProperty());
        TabPane inspector = new TabPane(yamlTab, eventsTab, logsTab);
        inspector.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        conditionTable.setContextMenu(new ContextMenu(logsAround(() -> inspector.getSelectionModel().select(logsTab))));
        SplitPane sideBySide = new SplitPane(conditions(), inspector);
        sideBySide.setDividerPositions(CONDITIONS_WIDTH);
        // Log lines need the width more than the conditions do.
        logsTab.selectedProperty().addListener((obs, old, selected) ->
                sideBySide.setDividerPositions(selected ? CONDITIONS_WIDTH_BESIDE_LOGS : CONDITIONS_WIDTH));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label operationMessage = Labels.muted("", true);
        operationMessage.setId("operation-message");
        operationMessage.setMaxWidth(560);
        operationMessage.textProperty().bind(model.operations().messageProperty());
        HBox header = new HBox(10, detailsTitle, spacer, operationMessage, actions);
        header.setAlignment(Pos.CENTER_LEFT);
        root = new VBox(6, header, sideBySide);
        VBox.setVgrow(sideBySide, Priority.ALWAYS);
    }

    Node root() {
        return root;
    }

    private Node conditions() {
        conditionTable.setId("details-conditions");
        conditionTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<Condition, String> status = column(Texts.get("clusters.column.status"), 70, Condition::status);
        status.setCellFactory(c -> StatusCells.statusCell(Condition::negativePolarity));
        TableColumn<Condition, String> message = column(Texts.get("common.events.message"), 200, Condition::message);
        message.setCellFactory(c -> StatusCells.wrappingCell());
        conditionTable.getColumns().add(column(Texts.get("clusters.column.condition"), 110, Condition::type));
        conditionTable.getColumns().add(status);
        conditionTable.getColumns().add(column(Texts.get("common.events.reason"), 110, Condition::reason));
        conditionTable.getColumns().add(column(Texts.get("clusters.column.since"), 55,
                c -> HumanDuration.since(c.lastTransitionTime(), Instant.now())));
        conditionTable.getColumns().add(message);
        conditionTable.setPlaceholder(new Label(Texts.get("clusters.details.noConditions")));
        VBox.setVgrow(conditionTable, Priority.ALWAYS);
        return conditionTable;
    }

    /** "Show logs around this": the controller logs within minutes of the selected condition's last transition. */
    private MenuItem logsAround(Runnable showLogs) {
        MenuItem around = new MenuItem(Texts.get("clusters.details.logsAround"), new FontIcon(Feather.FILE_TEXT));
        around.setId("logs-around-condition");
        around.disableProperty().bind(conditionTable.getSelectionModel().selectedItemProperty().isNull());
        around.setOnAction(e -> {
            Condition condition = conditionTable.getSelectionModel().getSelectedItem();
            if (condition != null && condition.lastTransitionTime() != null) {
                model.logs().showAround(condition.lastTransitionTime());
                showLogs.run();
            }
        });
        return around;
    }

    private Node yamlBox() {
        yaml.setId("details-yaml");
        yaml.setEditable(false);
        yaml.getStyleClass().add("yaml");
        Label yamlTitle = Labels.muted(Texts.get("clusters.details.yamlTitle"), false);
        Region yamlSpacer = new Region();
        HBox.setHgrow(yamlSpacer, Priority.ALWAYS);
        HBox yamlBar = new HBox(8, yamlTitle, yamlSpacer, editButton);
        yamlBar.setAlignment(Pos.CENTER_LEFT);
        VBox yamlBox = new VBox(4, yamlBar, yaml);
        VBox.setVgrow(yaml, Priority.ALWAYS);
        return yamlBox;
    }

    private Node events() {
        TableView<EventRow> events = new TableView<>(model.operations().events());
        events.setId("details-events");
        Columns.addEventColumns(events, 150, 300);
        Label eventsNote = new Label();
        eventsNote.setWrapText(true);
        eventsNote.textProperty().bind(model.operations().eventsNoteProperty());
        events.setPlaceholder(eventsNote);
        return events;
    }

    void show(DescribeRow row) {
        selectedNode = row == null ? null : row.node();
        editButton.setDisable(selectedNode == null || selectedNode.object() == null);
        model.operations().loadEvents(selectedNode);
        model.logs().show(selectedNode == null || selectedNode.object() == null ? null
                : new LogSubject(selectedNode.kind(), selectedNode.namespace(), selectedNode.name()));
        if (row == null || row.node() == null) {
            detailsTitle.setText(Texts.get("clusters.details.selectRow"));
            conditionTable.getItems().clear();
            yaml.clear();
            return;
        }
        TreeNode node = row.node();
        detailsTitle.setText(row.kind() == DescribeRow.Kind.CONDITION ? node.kind() + " " + node.name()
                : row.name());
        conditionTable.getItems().setAll(node.conditions());
        CapiObject object = node.object();
        yaml.setText(object == null ? Texts.get("clusters.details.noObject", node.shape().name().toLowerCase(Locale.ROOT))
                : object.toYaml());
    }
}
