package dev.capiconsole.ui.common;

import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableStringValue;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * A page's footer for its background work (see {@link BusyWork}): the error, shown only when there is one, then a
 * spinner while busy and the status line, and the page's own controls on the right.
 */
public final class WorkFooter {

    private WorkFooter() {
    }

    /** The footer; its error and status labels get the ids {@code <idPrefix>-error} and {@code <idPrefix>-status}. */
    public static VBox of(String idPrefix, ObservableValue<Boolean> busy, ObservableStringValue status,
            ObservableStringValue error, Node... controls) {
        Label errorLine = new Label();
        errorLine.setId(idPrefix + "-error");
        errorLine.getStyleClass().add("wizard-error");
        errorLine.setWrapText(true);
        errorLine.setGraphic(new FontIcon(Feather.ALERT_TRIANGLE));
        errorLine.textProperty().bind(error);
        errorLine.managedProperty().bind(Bindings.isNotEmpty(error));
        errorLine.visibleProperty().bind(Bindings.isNotEmpty(error));

        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(18, 18);
        spinner.visibleProperty().bind(busy);
        Label statusLine = Labels.muted("", false);
        statusLine.setId(idPrefix + "-status");
        statusLine.textProperty().bind(status);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(10, spinner, statusLine, spacer);
        bar.getChildren().addAll(controls);
        bar.setAlignment(Pos.CENTER_LEFT);
        return new VBox(8, errorLine, bar);
    }
}
