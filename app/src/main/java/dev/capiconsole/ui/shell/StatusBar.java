package dev.capiconsole.ui.shell;

import dev.capiconsole.BuildInfo;
import dev.capiconsole.ui.common.Texts;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.shape.Circle;

/**
 * The bottom line: connection state on the left, what this build is on the right. Built in code rather than FXML: it is
 * in the first frame, and all but its spacer are bound or filled in from the view-model.
 */
final class StatusBar {

    private final HBox root = new HBox(8);

    StatusBar(ShellViewModel viewModel) {
        root.getStyleClass().add("status-bar");
        root.setAlignment(Pos.CENTER_LEFT);
        Circle dot = new Circle(4);
        dot.getStyleClass().add("connection-dot");
        Label connection = new Label();
        connection.setId("connection-state");
        connection.textProperty().bind(viewModel.connectionStateProperty());
        viewModel.connectedProperty().addListener((obs, old, now) -> {
            dot.getStyleClass().remove("connected");
            if (now != null) {
                dot.getStyleClass().add("connected");
            }
        });
        viewModel.clusters().healthProperty().addListener((obs, old, now) -> {
            dot.getStyleClass().remove("watch-lost");
            if (!now.watching()) {
                dot.getStyleClass().add("watch-lost");
            }
        });
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        BuildInfo info = viewModel.buildInfo();
        Label build = new Label(Texts.get("shell.status.build", info.version(), info.capiReference()));
        build.getStyleClass().add("muted");
        root.getChildren().addAll(dot, connection, spacer, build);
    }

    Node root() {
        return root;
    }
}
