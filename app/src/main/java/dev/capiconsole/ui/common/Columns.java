package dev.capiconsole.ui.common;

import dev.capiconsole.events.EventRow;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/** Table columns that show one text value per row. */
public final class Columns {

    private Columns() {
    }

    public static <T> TableColumn<T, String> column(String title, double width, Function<T, String> value) {
        TableColumn<T, String> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        return column;
    }

    /** The columns of a Kubernetes events table, as kubectl describe lists them. */
    public static void addEventColumns(TableView<EventRow> events, double fromWidth, double messageWidth) {
        events.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        events.getColumns().add(column(Texts.get("common.column.type"), 70, EventRow::type));
        events.getColumns().add(column(Texts.get("common.events.reason"), 120, EventRow::reason));
        events.getColumns().add(column(Texts.get("common.events.age"), 50, EventRow::age));
        events.getColumns().add(column(Texts.get("common.events.from"), fromWidth, EventRow::from));
        events.getColumns().add(column(Texts.get("common.events.count"), 50, e -> String.valueOf(e.count())));
        events.getColumns().add(column(Texts.get("common.events.message"), messageWidth, EventRow::message));
    }
}
