package dev.capiconsole.ui.common;

import dev.capiconsole.events.EventRow;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableColumnBase;
import javafx.scene.control.TableView;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;

/** Table columns that show one text value per row. */
public final class Columns {

    /** The Primer themes' font size, and a header's padding and sort arrow. */
    private static final double HEADER_FONT_SIZE = 14;
    private static final double HEADER_PADDING = 22;
    private static final int WIDE_CHARACTERS = 0x2E80;

    private Columns() {
    }

    public static <T> TableColumn<T, String> column(String title, double width, Function<T, String> value) {
        TableColumn<T, String> column = new TableColumn<>(title);
        fit(column, width);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        return column;
    }

    /**
     * Gives a column {@code width}, and never less than its whole header needs: a translated header may be longer
     * than the English one the width was chosen for, and a constrained table must not squeeze it below that.
     */
    public static void fit(TableColumnBase<?, ?> column, double width) {
        String title = column.getText();
        // Wide (CJK) characters take a full em each: a detached Text may measure them in a font that has no glyphs.
        long wide = title.codePoints().filter(c -> c >= WIDE_CHARACTERS).count();
        Text header = new Text(title.codePoints().filter(c -> c < WIDE_CHARACTERS)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString());
        header.setFont(Font.font(Font.getDefault().getFamily(), FontWeight.BOLD, HEADER_FONT_SIZE));
        double needed = Math.ceil(header.getLayoutBounds().getWidth()) + wide * HEADER_FONT_SIZE + HEADER_PADDING;
        column.setMinWidth(needed);
        column.setPrefWidth(Math.max(width, needed));
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
