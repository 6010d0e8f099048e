package dev.capiconsole.ui;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/** A view that exists in the navigation but is not built yet, and says so. */
final class PlaceholderView {

    private PlaceholderView() {
    }

    static Node create(View view, String explanation) {
        FontIcon icon = new FontIcon(view.icon());
        icon.getStyleClass().add("placeholder-icon");
        Label title = new Label(view.title() + " is not yet available in this build.");
        title.getStyleClass().add("title-3");
        Label text = new Label(explanation);
        text.setWrapText(true);
        text.getStyleClass().add("muted");
        text.setMaxWidth(560);
        VBox box = new VBox(12, icon, title, text);
        box.setAlignment(Pos.CENTER);
        box.setId("placeholder-" + view.name().toLowerCase());
        box.getStyleClass().add("placeholder");
        return box;
    }
}
