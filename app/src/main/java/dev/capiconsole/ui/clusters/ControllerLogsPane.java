package dev.capiconsole.ui.clusters;

import static dev.capiconsole.ui.common.Columns.column;

import atlantafx.base.theme.Styles;
import dev.capiconsole.controllerlogs.LogLevel;
import dev.capiconsole.controllerlogs.LogLine;
import dev.capiconsole.controllerlogs.LogSubject;
import dev.capiconsole.ui.common.Choices;
import dev.capiconsole.ui.common.Labels;
import dev.capiconsole.ui.common.Texts;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The "Controller logs" tab of the details: the managers' lines about the selected object, live, filtered. */
final class ControllerLogsPane {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("MM-dd HH:mm:ss");
    private static final String MANAGER_SUFFIX = "-controller-manager";
    private static final String KUBEADM_PREFIX = "capi-kubeadm-";

    private final ControllerLogsViewModel model;
    private final VBox root;

    ControllerLogsPane(ControllerLogsViewModel model) {
        this.model = model;
        Label state = Labels.muted("", true);
        state.setId("logs-state");
        state.textProperty().bind(model.stateProperty());
        root = new VBox(6, toolbar(), aroundBar(), state, table());
        root.setId("controller-logs");
    }

    Node root() {
        return root;
    }

    private Node toolbar() {
        ChoiceBox<LogLevel> level = new ChoiceBox<>();
        level.setId("logs-level");
        level.getItems().setAll(LogLevel.values());
        level.setConverter(Choices.named(ControllerLogsPane::choiceName));
        level.valueProperty().bindBidirectional(model.levelProperty());
        ChoiceBox<ControllerLogsViewModel.Window> window = new ChoiceBox<>();
        window.setId("logs-window");
        window.getItems().setAll(ControllerLogsViewModel.Window.values());
        window.setConverter(Choices.named(ControllerLogsPane::windowName));
        window.valueProperty().bindBidirectional(model.windowProperty());
        TextField filter = new TextField();
        filter.setId("logs-filter");
        filter.setPromptText(Texts.get("clusters.logs.filter"));
        filter.textProperty().bindBidirectional(model.textProperty());
        HBox.setHgrow(filter, Priority.ALWAYS);
        HBox bar = new HBox(8, level, window, filter);
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    /** Shown while the window is "around" an instant, with the way back. */
    private Node aroundBar() {
        Label around = new Label();
        around.setId("logs-around");
        around.getStyleClass().add(Styles.ACCENT);
        Button clear = new Button(Texts.get("clusters.logs.clearAround"));
        clear.setId("logs-clear-around");
        clear.getStyleClass().add(Styles.SMALL);
        clear.setOnAction(e -> model.clearAround());
        HBox bar = new HBox(8, around, clear);
        bar.setId("logs-around-bar");
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.managedProperty().bind(model.aroundProperty().isNotNull());
        bar.visibleProperty().bind(model.aroundProperty().isNotNull());
        model.aroundProperty().addListener((obs, old, now) -> around.setText(now == null ? ""
                : Texts.get("clusters.logs.around", time(now), ControllerLogsViewModel.AROUND.toMinutes())));
        return bar;
    }

    private Node table() {
        TableView<LogLine> table = new TableView<>(model.lines());
        table.setId("logs-table");
        table.getStyleClass().addAll(Styles.DENSE, "log-lines");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<LogLine, String> level = column(Texts.get("clusters.logs.column.level"), 60,
                l -> levelName(l.level()));
        level.setCellFactory(c -> levelCell());
        table.getColumns().add(column(Texts.get("clusters.logs.column.time"), 70, l -> time(l.time())));
        table.getColumns().add(level);
        table.getColumns().add(column(Texts.get("clusters.logs.column.manager"), 95, l -> shortName(l.manager())));
        table.getColumns().add(column(Texts.get("common.events.message"), 280, LogLine::message));
        table.getColumns().add(column(Texts.get("clusters.logs.column.details"), 260, l -> l.details(subjectKind())));
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(LogLine line, boolean empty) {
                super.updateItem(line, empty);
                setTooltip(empty || line == null ? null : new Tooltip(line.printed()));
            }
        });
        Label placeholder = Labels.muted(Texts.get("clusters.logs.empty"), true);
        table.setPlaceholder(placeholder);
        VBox.setVgrow(table, Priority.ALWAYS);
        return table;
    }

    private String subjectKind() {
        LogSubject subject = model.subjectProperty().get();
        return subject == null ? "" : subject.kind();
    }

    private static TableCell<LogLine, String> levelCell() {
        return new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().removeAll("status-bad", "status-unknown");
                LogLine line = getTableRow() == null ? null : getTableRow().getItem();
                setText(empty ? null : item);
                if (!empty && line != null && line.level() != LogLevel.INFO) {
                    getStyleClass().add(line.level() == LogLevel.ERROR ? "status-bad" : "status-unknown");
                }
            }
        };
    }

    private static String choiceName(LogLevel level) {
        return switch (level) {
            case INFO -> Texts.get("clusters.logs.level.info");
            case WARNING -> Texts.get("clusters.logs.level.warning");
            case ERROR -> Texts.get("clusters.logs.level.error");
        };
    }

    private static String levelName(LogLevel level) {
        return switch (level) {
            case INFO -> Texts.get("clusters.logs.levelName.info");
            case WARNING -> Texts.get("clusters.logs.levelName.warning");
            case ERROR -> Texts.get("clusters.logs.levelName.error");
        };
    }

    private static String windowName(ControllerLogsViewModel.Window window) {
        return switch (window) {
            case FIVE_MINUTES -> Texts.get("clusters.logs.window.fiveMinutes");
            case FIFTEEN_MINUTES -> Texts.get("clusters.logs.window.fifteenMinutes");
            case HOUR -> Texts.get("clusters.logs.window.hour");
            case ALL -> Texts.get("clusters.logs.window.all");
        };
    }

    /** {@code capi-kubeadm-bootstrap-controller-manager} reads as {@code bootstrap}; the tooltip has it whole. */
    private static String shortName(String manager) {
        String name = manager.endsWith(MANAGER_SUFFIX)
                ? manager.substring(0, manager.length() - MANAGER_SUFFIX.length()) : manager;
        return name.startsWith(KUBEADM_PREFIX) ? name.substring(KUBEADM_PREFIX.length()) : name;
    }

    /** This machine's time of day; with the date when it is not today. */
    private static String time(Instant instant) {
        if (instant == null) {
            return "";
        }
        ZonedDateTime local = instant.atZone(ZoneId.systemDefault());
        return local.toLocalDate().equals(LocalDate.now()) ? TIME.format(local) : DATE_TIME.format(local);
    }
}
