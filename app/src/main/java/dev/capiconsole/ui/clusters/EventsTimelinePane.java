package dev.capiconsole.ui.clusters;

import static dev.capiconsole.ui.common.Columns.column;

import atlantafx.base.theme.Styles;
import dev.capiconsole.events.TimelineEvent;
import dev.capiconsole.ui.common.Choices;
import dev.capiconsole.ui.common.Labels;
import dev.capiconsole.ui.common.Texts;
import javafx.geometry.Pos;
import javafx.scene.Node;
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

/** The "Events" tab beside the tree: the selected Cluster's events timeline, newest first, live, filtered. */
final class EventsTimelinePane {

    /** The type choice; {@code ALL} stands for no choice. */
    private enum Type {
        ALL(null, "clusters.timeline.type.all"), NORMAL("Normal", "clusters.timeline.type.normal"),
        WARNING("Warning", "clusters.timeline.type.warning");

        private final String value;
        private final String textKey;

        Type(String value, String textKey) {
            this.value = value;
            this.textKey = textKey;
        }
    }

    private final VBox root;

    EventsTimelinePane(EventsTimelineViewModel model) {
        ChoiceBox<Type> type = new ChoiceBox<>();
        type.setId("timeline-type");
        type.getItems().setAll(Type.values());
        type.setConverter(Choices.named(t -> Texts.get(t.textKey)));
        type.setValue(Type.ALL);
        type.valueProperty().addListener((obs, old, now) -> model.typeProperty().set(now == null ? null : now.value));
        TextField filter = new TextField();
        filter.setId("timeline-filter");
        filter.setPromptText(Texts.get("clusters.timeline.filter"));
        filter.textProperty().bindBidirectional(model.textProperty());
        HBox.setHgrow(filter, Priority.ALWAYS);
        Label state = Labels.muted("", true);
        state.setId("timeline-state");
        state.textProperty().bind(model.stateProperty());
        HBox bar = new HBox(8, type, filter);
        bar.setAlignment(Pos.CENTER_LEFT);
        root = new VBox(6, bar, state, table(model));
        root.setId("events-timeline");
    }

    Node root() {
        return root;
    }

    private static Node table(EventsTimelineViewModel model) {
        TableView<TimelineEvent> table = new TableView<>(model.events());
        table.setId("timeline-table");
        table.getStyleClass().add(Styles.DENSE);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<TimelineEvent, String> type = column(Texts.get("common.column.type"), 75, e -> e.event().type());
        type.setCellFactory(c -> typeCell());
        table.getColumns().add(column(Texts.get("common.events.age"), 55, e -> e.event().age()));
        table.getColumns().add(type);
        table.getColumns().add(column(Texts.get("clusters.timeline.column.object"), 270, TimelineEvent::object));
        table.getColumns().add(column(Texts.get("common.events.reason"), 170, e -> e.event().reason()));
        table.getColumns().add(column(Texts.get("common.events.from"), 130, e -> e.event().from()));
        table.getColumns().add(column(Texts.get("common.events.count"), 55, e -> String.valueOf(e.event().count())));
        table.getColumns().add(column(Texts.get("common.events.message"), 300, e -> e.event().message()));
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(TimelineEvent event, boolean empty) {
                super.updateItem(event, empty);
                setTooltip(empty || event == null ? null
                        : new Tooltip(event.object() + "\n" + event.event().reason() + ": " + event.event().message()));
            }
        });
        table.setPlaceholder(Labels.muted(Texts.get("clusters.timeline.empty"), true));
        VBox.setVgrow(table, Priority.ALWAYS);
        return table;
    }

    private static TableCell<TimelineEvent, String> typeCell() {
        return new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().remove("status-unknown");
                setText(empty ? null : item);
                if (!empty && "Warning".equals(item)) {
                    getStyleClass().add("status-unknown");
                }
            }
        };
    }
}
