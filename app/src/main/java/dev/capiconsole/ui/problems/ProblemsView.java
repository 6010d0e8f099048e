package dev.capiconsole.ui.problems;

import dev.capiconsole.problems.Problem;
import dev.capiconsole.problems.Severity;
import dev.capiconsole.topology.HumanDuration;
import dev.capiconsole.ui.common.Columns;
import dev.capiconsole.ui.common.Labels;
import dev.capiconsole.ui.common.StatusCells;
import dev.capiconsole.ui.common.Texts;
import dev.capiconsole.ui.common.WorkFooter;
import java.time.Instant;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The Problems page: filters, the table of problems, and the selected problem's evidence and next step. */
public final class ProblemsView {

    private final ProblemsViewModel model;
    private final VBox root = new VBox(12);

    public ProblemsView(ProblemsViewModel model) {
        this.model = model;
        root.getStyleClass().add("page");
        root.setId("problems-view");
        Label lead = Labels.muted(Texts.get("problems.page.lead"), true);
        lead.setMinHeight(Region.USE_PREF_SIZE);
        TableView<Problem> table = table();
        SplitPane split = new SplitPane(table, details());
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.55);
        VBox.setVgrow(split, Priority.ALWAYS);
        root.getChildren().addAll(Labels.title(Texts.get("problems.page.title")), lead, toolbar(), split, footer());
    }

    public Node root() {
        return root;
    }

    private Node toolbar() {
        ComboBox<String> namespace = filter("problems-namespace", model.namespaces(),
                Texts.get("problems.filter.allNamespaces"));
        namespace.valueProperty().bindBidirectional(model.namespaceProperty());
        ComboBox<String> cluster = filter("problems-cluster", model.clusters(), Texts.get("problems.filter.allClusters"));
        cluster.valueProperty().bindBidirectional(model.clusterProperty());
        TextField text = new TextField();
        text.setId("problems-text");
        text.setPromptText(Texts.get("problems.filter.text"));
        text.textProperty().bindBidirectional(model.textProperty());
        HBox.setHgrow(text, Priority.ALWAYS);
        Button refresh = new Button(Texts.get("problems.page.refresh"), new FontIcon(Feather.REFRESH_CW));
        refresh.setId("problems-refresh");
        refresh.setOnAction(e -> model.refresh());
        CheckBox notify = new CheckBox(Texts.get("problems.page.notify"));
        notify.setId("problems-notify");
        notify.selectedProperty().bindBidirectional(model.notifyProperty());
        for (Region control : List.of(namespace, cluster, refresh, notify)) {
            control.setMinWidth(Region.USE_PREF_SIZE);
        }
        HBox bar = new HBox(10, namespace, cluster, text, refresh, notify);
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    /** A filter choice: "" (shown as {@code all}) and the values the problems have. */
    private static ComboBox<String> filter(String id, ObservableList<String> values, String all) {
        ComboBox<String> box = new ComboBox<>();
        box.setId(id);
        Runnable fill = () -> {
            String chosen = box.getValue();
            box.getItems().setAll(values);
            box.getItems().add(0, "");
            box.setValue(chosen != null && box.getItems().contains(chosen) ? chosen : "");
        };
        values.addListener((ListChangeListener<String>) change -> fill.run());
        fill.run();
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(String value) {
                return value == null || value.isEmpty() ? all : value;
            }

            @Override
            public String fromString(String text) {
                return text;
            }
        });
        return box;
    }

    private TableView<Problem> table() {
        TableView<Problem> table = new TableView<>(model.shown());
        table.setId("problems-table");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label(Texts.get("problems.table.empty")));
        TableColumn<Problem, String> severity = Columns.column(Texts.get("problems.column.severity"), 110,
                p -> p.severity().name());
        severity.setCellFactory(column -> new SeverityCell());
        TableColumn<Problem, String> what = Columns.column(Texts.get("problems.column.what"), 380, Problem::what);
        what.setCellFactory(column -> StatusCells.wrappingCell());
        table.getColumns().addAll(List.of(severity,
                Columns.column(Texts.get("problems.column.cluster"), 110,
                        p -> p.cluster().isEmpty() ? "-" : p.cluster()),
                Columns.column(Texts.get("problems.column.object"), 280, Problem::object),
                Columns.column(Texts.get("problems.column.since"), 80,
                        p -> p.since() == null ? "-" : HumanDuration.since(p.since(), Instant.now())),
                what));
        table.getColumns().forEach(column -> column.setMinWidth(column == what ? 200 : column.getPrefWidth()));
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> model.selectedProperty()
                .set(now));
        model.selectedProperty().addListener((obs, old, now) -> {
            if (now != table.getSelectionModel().getSelectedItem()) {
                table.getSelectionModel().select(now);
            }
        });
        return table;
    }

    /** The severity as an icon in the status colours, and its name. */
    private static final class SeverityCell extends TableCell<Problem, String> {
        private final Label label = new Label();

        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setGraphic(null);
                return;
            }
            Severity severity = Severity.valueOf(item);
            String style = switch (severity) {
                case ERROR -> "status-bad";
                case WARNING -> "status-unknown";
                case NOTE -> "status-good";
            };
            FontIcon icon = new FontIcon(switch (severity) {
                case ERROR -> Feather.X_OCTAGON;
                case WARNING -> Feather.ALERT_TRIANGLE;
                case NOTE -> Feather.INFO;
            });
            label.getStyleClass().removeAll("status-bad", "status-unknown", "status-good");
            label.getStyleClass().add(style);
            icon.getStyleClass().add(style);
            label.setGraphic(icon);
            label.setText(Texts.get(switch (severity) {
                case ERROR -> "problems.severity.error";
                case WARNING -> "problems.severity.warning";
                case NOTE -> "problems.severity.note";
            }));
            setGraphic(label);
            setText(null);
        }
    }

    private Node details() {
        Label object = new Label();
        object.setId("problems-object");
        object.getStyleClass().add("title-4");
        Label rule = Labels.muted("", false);
        TextArea evidence = area("problems-evidence");
        TextArea next = area("problems-next");
        Button show = new Button(Texts.get("problems.details.showInClusters"), new FontIcon(Feather.LAYERS));
        show.setId("problems-show-cluster");
        show.disableProperty().bind(Bindings.createBooleanBinding(() -> model.selectedProperty().get() == null
                || model.selectedProperty().get().cluster().isEmpty(), model.selectedProperty()));
        show.setOnAction(e -> model.showInClusters());
        model.selectedProperty().addListener((obs, old, now) -> {
            object.setText(now == null ? Texts.get("problems.details.none") : now.object() + ": " + now.what());
            rule.setText(now == null ? "" : Texts.get("problems.details.rule", now.ruleId(),
                    now.cluster().isEmpty() ? "-" : now.cluster(),
                    now.since() == null ? "-" : now.since().toString()));
            evidence.setText(now == null ? "" : now.evidence());
            next.setText(now == null ? "" : now.nextStep());
        });
        object.setText(Texts.get("problems.details.none"));
        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(8);
        grid.addRow(0, new Label(Texts.get("problems.details.evidence")), evidence);
        grid.addRow(1, new Label(Texts.get("problems.details.next")), next);
        GridPane.setHgrow(evidence, Priority.ALWAYS);
        GridPane.setHgrow(next, Priority.ALWAYS);
        show.setMinWidth(Region.USE_PREF_SIZE);
        object.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(object, Priority.ALWAYS);
        object.setTooltip(new Tooltip());
        object.getTooltip().textProperty().bind(object.textProperty());
        HBox heading = new HBox(12, object, show);
        heading.setAlignment(Pos.CENTER_LEFT);
        VBox details = new VBox(8, heading, rule, grid);
        details.setId("problems-details");
        details.getStyleClass().add("problem-details");
        return details;
    }

    private static TextArea area(String id) {
        TextArea area = new TextArea();
        area.setId(id);
        area.setEditable(false);
        area.setWrapText(true);
        area.setPrefRowCount(3);
        return area;
    }

    private Node footer() {
        return WorkFooter.of("problems", model.busyProperty(), model.statusProperty(), model.errorProperty());
    }
}
