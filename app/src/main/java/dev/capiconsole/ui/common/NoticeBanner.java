package dev.capiconsole.ui.common;

import javafx.beans.property.ObjectProperty;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The banner over the content that shows the current notice until dismissed. */
public final class NoticeBanner {

    private final HBox root = new HBox(12);

    public NoticeBanner(ObjectProperty<Notice> notices) {
        root.setId("notice");
        root.getStyleClass().add("notice");
        root.setAlignment(Pos.CENTER_LEFT);
        Label title = new Label();
        title.setId("notice-title");
        title.getStyleClass().add("notice-title");
        Label detail = new Label();
        detail.setId("notice-detail");
        detail.setWrapText(true);
        VBox text = new VBox(2, title, detail);
        HBox.setHgrow(text, Priority.ALWAYS);
        FontIcon icon = new FontIcon(Feather.INFO);
        Button close = new Button(null, new FontIcon(Feather.X));
        close.getStyleClass().addAll("flat", "button-icon");
        close.setOnAction(e -> notices.set(null));
        root.getChildren().addAll(icon, text, close);

        notices.addListener((obs, old, notice) -> {
            root.setVisible(notice != null);
            root.setManaged(notice != null);
            if (notice != null) {
                root.getStyleClass().removeAll("info", "warning", "error");
                root.getStyleClass().add(notice.kind().name().toLowerCase());
                icon.setIconCode(notice.kind() == Notice.Kind.INFO ? Feather.INFO : Feather.ALERT_TRIANGLE);
                title.setText(notice.title());
                detail.setText(notice.detail());
            }
        });
        root.setVisible(false);
        root.setManaged(false);
    }

    public Node root() {
        return root;
    }
}
