package dev.capiconsole.ui;

import dev.capiconsole.connection.ManagementCluster;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The left side: management clusters (contexts) and the main views. */
final class NavigationView {

    private final VBox root = new VBox();

    NavigationView(ShellViewModel viewModel) {
        root.getStyleClass().add("navigation");
        root.setId("navigation");

        Label clustersHeading = sectionHeading("MANAGEMENT CLUSTERS");
        Label none = new Label("None connected yet");
        none.getStyleClass().add("muted");
        Hyperlink open = new Hyperlink("Open a kubeconfig…");
        open.setOnAction(e -> WelcomeView.openKubeconfig(viewModel));
        VBox clusters = new VBox(2);
        clusters.setId("management-clusters");
        clusters.getStyleClass().add("nav-empty");
        Runnable showClusters = () -> {
            ManagementCluster cluster = viewModel.connectedProperty().get();
            if (cluster == null) {
                clusters.getChildren().setAll(none, open);
            } else {
                Label name = new Label(cluster.name(), new FontIcon(Feather.SERVER));
                name.setId("management-cluster-name");
                Label server = new Label(cluster.server());
                server.getStyleClass().add("muted");
                clusters.getChildren().setAll(name, server);
            }
        };
        viewModel.connectedProperty().addListener((obs, old, now) -> showClusters.run());
        showClusters.run();

        Label viewsHeading = sectionHeading("VIEWS");
        VBox views = new VBox(2);
        ToggleGroup group = new ToggleGroup();
        for (View view : View.values()) {
            ToggleButton button = navButton(view);
            button.setToggleGroup(group);
            button.setSelected(viewModel.currentViewProperty().get() == view);
            button.setOnAction(e -> {
                viewModel.show(view);
                button.setSelected(true);
            });
            viewModel.currentViewProperty().addListener((obs, old, now) -> button.setSelected(now == view));
            views.getChildren().add(button);
        }
        root.getChildren().addAll(clustersHeading, clusters, viewsHeading, views);
    }

    Node root() {
        return root;
    }

    private static Label sectionHeading(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("nav-heading");
        return label;
    }

    private static ToggleButton navButton(View view) {
        Label name = new Label(view.title());
        Label key = new Label(view.shortcut().getDisplayText());
        key.getStyleClass().add("shortcut-hint");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox graphic = new HBox(10, new FontIcon(view.icon()), name, spacer, key);
        graphic.setAlignment(Pos.CENTER_LEFT);
        ToggleButton button = new ToggleButton(null, graphic);
        button.setId("nav-" + view.name().toLowerCase());
        button.getStyleClass().add("nav-button");
        button.setMaxWidth(Double.MAX_VALUE);
        graphic.prefWidthProperty().bind(button.widthProperty().subtract(24));
        return button;
    }
}
