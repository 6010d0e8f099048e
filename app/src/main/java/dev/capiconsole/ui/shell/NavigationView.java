package dev.capiconsole.ui.shell;

import atlantafx.base.theme.Styles;
import dev.capiconsole.connection.KubeContext;
import dev.capiconsole.connection.ManagementCluster;
import dev.capiconsole.ui.common.Texts;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
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

        Label clustersHeading = sectionHeading(Texts.get("shell.nav.managementClusters"));
        Label none = new Label(Texts.get("shell.nav.none"));
        none.getStyleClass().add("muted");
        Hyperlink open = new Hyperlink(Texts.get("shell.nav.open"));
        open.setOnAction(e -> WelcomeView.openKubeconfig(viewModel, root.getScene().getWindow()));
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

        ListView<KubeContext> contextList = new ListView<>(viewModel.contexts());
        contextList.setId("contexts");
        contextList.getStyleClass().addAll("context-list", Styles.DENSE);
        contextList.setPrefHeight(150);
        contextList.setCellFactory(list -> new ContextCell(viewModel));
        contextList.setOnMouseClicked(e -> {
            KubeContext chosen = contextList.getSelectionModel().getSelectedItem();
            if (chosen != null && e.getClickCount() >= 1) {
                viewModel.connect(chosen.name());
            }
        });
        Label contextsHeading = sectionHeading(Texts.get("shell.nav.contexts"));
        contextsHeading.visibleProperty().bind(Bindings.isNotEmpty(viewModel.contexts()));
        contextsHeading.managedProperty().bind(contextsHeading.visibleProperty());
        contextList.visibleProperty().bind(contextsHeading.visibleProperty());
        contextList.managedProperty().bind(contextsHeading.visibleProperty());

        Label viewsHeading = sectionHeading(Texts.get("shell.nav.views"));
        VBox views = new VBox(2);
        ToggleGroup group = new ToggleGroup();
        for (View view : View.values()) {
            ToggleButton button = navButton(view, view == View.PROBLEMS ? problemCount(viewModel) : null);
            button.setToggleGroup(group);
            button.setSelected(viewModel.currentViewProperty().get() == view);
            button.setOnAction(e -> {
                viewModel.show(view);
                button.setSelected(true);
            });
            viewModel.currentViewProperty().addListener((obs, old, now) -> button.setSelected(now == view));
            views.getChildren().add(button);
        }
        root.getChildren().addAll(clustersHeading, clusters, contextsHeading, contextList, viewsHeading, views);
    }

    Node root() {
        return root;
    }

    /** A context: its name, its server, and whether it is the connected or connecting one. */
    private static final class ContextCell extends ListCell<KubeContext> {
        private final ShellViewModel viewModel;

        ContextCell(ShellViewModel viewModel) {
            this.viewModel = viewModel;
            viewModel.connectedProperty().addListener((obs, old, now) -> refresh());
            viewModel.connectingProperty().addListener((obs, old, now) -> refresh());
        }

        private void refresh() {
            updateItem(getItem(), isEmpty());
        }

        @Override
        protected void updateItem(KubeContext item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setText(null);
                setGraphic(null);
                setTooltip(null);
                return;
            }
            setText(item.name());
            ManagementCluster connected = viewModel.connectedProperty().get();
            boolean isConnected = connected != null && connected.name().equals(item.name())
                    && connected.source().equals(item.file());
            boolean isConnecting = item.name().equals(viewModel.connectingProperty().get());
            setGraphic(new FontIcon(isConnected ? Feather.CHECK_CIRCLE : isConnecting ? Feather.LOADER
                    : Feather.CIRCLE));
            setTooltip(new Tooltip(item.server() + "\n" + item.file()));
        }
    }

    private static Label sectionHeading(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("nav-heading");
        return label;
    }

    /** The number of problems, shown beside the Problems entry while there are any. */
    private static Label problemCount(ShellViewModel viewModel) {
        Label count = new Label();
        count.setId("nav-problems-count");
        count.getStyleClass().add("nav-count");
        count.textProperty().bind(viewModel.problems().countProperty().asString());
        count.visibleProperty().bind(viewModel.problems().countProperty().greaterThan(0));
        count.managedProperty().bind(count.visibleProperty());
        return count;
    }

    private static ToggleButton navButton(View view, Label count) {
        Label name = new Label(view.title());
        Label key = new Label(view.shortcutText());
        key.getStyleClass().add("shortcut-hint");
        key.setVisible(!view.shortcutText().isEmpty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox graphic = new HBox(10, new FontIcon(view.icon()), name, spacer, key);
        if (count != null) {
            graphic.getChildren().add(3, count);
        }
        graphic.setAlignment(Pos.CENTER_LEFT);
        ToggleButton button = new ToggleButton(null, graphic);
        button.setId("nav-" + view.name().toLowerCase());
        button.getStyleClass().add("nav-button");
        button.setMaxWidth(Double.MAX_VALUE);
        graphic.prefWidthProperty().bind(button.widthProperty().subtract(24));
        return button;
    }
}
