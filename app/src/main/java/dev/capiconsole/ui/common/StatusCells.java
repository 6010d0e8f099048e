package dev.capiconsole.ui.common;

import java.util.function.Predicate;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** Condition statuses drawn as an icon and a colour an operator reads at a glance, and cells that show them. */
public final class StatusCells {

    private StatusCells() {
    }

    /** Marks a label as good, bad or unknown; a negative-polarity condition is good when False. */
    public static void decorate(Label label, String status, boolean negativePolarity) {
        label.getStyleClass().removeAll("status-good", "status-bad", "status-unknown");
        if (status == null || status.isEmpty()) {
            label.setGraphic(null);
            return;
        }
        boolean good = negativePolarity ? "False".equals(status) : "True".equals(status);
        boolean unknown = "Unknown".equals(status);
        String style = unknown ? "status-unknown" : good ? "status-good" : "status-bad";
        label.getStyleClass().add(style);
        FontIcon icon = new FontIcon(unknown ? Feather.HELP_CIRCLE : good ? Feather.CHECK_CIRCLE : Feather.X_CIRCLE);
        icon.getStyleClass().add(style);
        label.setGraphic(icon);
    }

    /** Shows a status in a cell as an icon and a colour; empty statuses leave the cell empty. */
    public static void show(IndexedCell<?> cell, Label label, String item, boolean negativePolarity) {
        if (item == null || item.isEmpty()) {
            cell.setGraphic(null);
            return;
        }
        label.setText(item);
        decorate(label, item, negativePolarity);
        cell.setGraphic(label);
        cell.setText(null);
    }

    /** A table cell showing a status; the predicate says whether the row's condition has negative polarity. */
    public static <T> TableCell<T, String> statusCell(Predicate<T> negativePolarity) {
        return new TableCell<>() {
            private final Label label = new Label();

            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                T row = getTableRow() == null ? null : getTableRow().getItem();
                show(this, label, empty ? null : item, row != null && negativePolarity.test(row));
            }
        };
    }

    /** A table cell whose text wraps within the column's width. */
    public static <T> TableCell<T, String> wrappingCell() {
        return new TableCell<>() {
            private final Label label = new Label();

            {
                label.setWrapText(true);
                label.setMinHeight(Region.USE_PREF_SIZE);
                setPrefHeight(Region.USE_COMPUTED_SIZE);
            }

            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                if (empty || item == null || item.isEmpty()) {
                    setGraphic(null);
                    return;
                }
                label.setText(item);
                label.maxWidthProperty().bind(getTableColumn().widthProperty().subtract(12));
                label.prefWidthProperty().bind(getTableColumn().widthProperty().subtract(12));
                setGraphic(label);
                setText(null);
            }
        };
    }
}
