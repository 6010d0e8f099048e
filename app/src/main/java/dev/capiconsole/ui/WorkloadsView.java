package dev.capiconsole.ui;

import atlantafx.base.theme.Styles;
import dev.capiconsole.workload.NodeRow;
import dev.capiconsole.workload.PodRow;
import java.util.Map;
import javafx.collections.ListChangeListener;
import javafx.collections.transformation.FilteredList;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** Workload clusters, one tab each: live pods (filter by text and namespace) and nodes. */
final class WorkloadsView {

    private static final String ALL = "All namespaces";

    private final WorkloadsViewModel model;
    private final VBox root = new VBox(12);
    private final TabPane tabs = new TabPane();
    private final Map<WorkloadTab, Tab> shown = new java.util.IdentityHashMap<>();

    WorkloadsView(WorkloadsViewModel model) {
        this.model = model;
        root.getStyleClass().add("page");
        root.setId("workloads-view");
        Label title = new Label("Workload clusters");
        title.getStyleClass().add("title-2");
        Label lead = new Label("Pods and nodes of workload clusters, live, through each cluster's kubeconfig Secret. "
                + "Open one from the Clusters view (Open pods and nodes).");
        lead.getStyleClass().add("muted");
        lead.setWrapText(true);
        Label empty = new Label("No workload cluster open. Select a cluster in the Clusters view and choose "
                + "Open pods and nodes.");
        empty.getStyleClass().add("muted");
        StackPane content = new StackPane(empty, tabs);
        tabs.setId("workload-tabs");
        tabs.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(tabs.getTabs()));
        empty.visibleProperty().bind(javafx.beans.binding.Bindings.isEmpty(tabs.getTabs()));
        VBox.setVgrow(content, Priority.ALWAYS);
        root.getChildren().addAll(title, lead, content);
        model.tabs().addListener((ListChangeListener<WorkloadTab>) change -> sync());
        model.selectedProperty().addListener((obs, old, now) -> select(now));
        sync();
        select(model.selectedProperty().get());
    }

    Node root() {
        return root;
    }

    private void sync() {
        for (WorkloadTab tab : model.tabs()) {
            shown.computeIfAbsent(tab, t -> {
                Tab view = new Tab(t.title(), content(t));
                view.setGraphic(new FontIcon(Feather.MONITOR));
                view.setOnClosed(e -> {
                    shown.remove(t);
                    model.close(t);
                });
                tabs.getTabs().add(view);
                return view;
            });
        }
        shown.keySet().removeIf(t -> {
            if (!model.tabs().contains(t)) {
                tabs.getTabs().remove(shown.get(t));
                return true;
            }
            return false;
        });
    }

    private void select(WorkloadTab tab) {
        if (tab != null && shown.containsKey(tab)) {
            tabs.getSelectionModel().select(shown.get(tab));
        }
    }

    private Node content(WorkloadTab tab) {
        Label state = new Label();
        state.getStyleClass().add("muted");
        state.setWrapText(true);
        state.textProperty().bind(tab.stateProperty());

        TextField filter = new TextField();
        filter.setPromptText("Filter pods by name, status or node");
        HBox.setHgrow(filter, Priority.ALWAYS);
        ComboBox<String> namespace = new ComboBox<>();
        namespace.getItems().add(ALL);
        namespace.setValue(ALL);
        // Later, not inside the change: re-filtering while the filtered list handles the same change breaks it.
        tab.pods().addListener((ListChangeListener<PodRow>) c -> javafx.application.Platform.runLater(() -> {
            java.util.List<String> names = tab.pods().stream().map(PodRow::namespace).distinct().sorted().toList();
            if (!namespace.getItems().subList(1, namespace.getItems().size()).equals(names)) {
                String keep = namespace.getValue();
                namespace.getItems().setAll(ALL);
                namespace.getItems().addAll(names);
                namespace.setValue(namespace.getItems().contains(keep) ? keep : ALL);
            }
        }));
        FilteredList<PodRow> visible = new FilteredList<>(tab.pods());
        Runnable refilter = () -> {
            String text = filter.getText() == null ? "" : filter.getText().toLowerCase();
            String ns = namespace.getValue();
            visible.setPredicate(p -> (ns == null || ALL.equals(ns) || p.namespace().equals(ns))
                    && (text.isEmpty() || (p.name() + " " + p.status() + " " + p.node()).toLowerCase().contains(text)));
        };
        filter.textProperty().addListener((obs, old, now) -> refilter.run());
        namespace.valueProperty().addListener((obs, old, now) -> refilter.run());

        TableView<PodRow> pods = new TableView<>(visible);
        pods.setId("pods-" + tab.cluster());
        pods.getStyleClass().add(Styles.DENSE);
        pods.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        pods.getColumns().add(ClustersView.column("Namespace", 140, PodRow::namespace));
        pods.getColumns().add(ClustersView.column("Name", 360, PodRow::name));
        pods.getColumns().add(ClustersView.column("Ready", 70, PodRow::ready));
        TableColumn<PodRow, String> status = ClustersView.column("Status", 150, PodRow::status);
        status.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().removeAll("status-good", "status-bad", "status-unknown");
                PodRow row = getTableRow() == null ? null : getTableRow().getItem();
                if (empty || item == null || row == null) {
                    setText(null);
                    setGraphic(null);
                    return;
                }
                setText(item);
                String style = switch (row.health()) {
                    case GOOD -> "status-good";
                    case PROGRESSING -> "status-unknown";
                    case BAD -> "status-bad";
                };
                getStyleClass().add(style);
                FontIcon icon = new FontIcon(switch (row.health()) {
                    case GOOD -> Feather.CHECK_CIRCLE;
                    case PROGRESSING -> Feather.CLOCK;
                    case BAD -> Feather.X_CIRCLE;
                });
                icon.getStyleClass().add(style);
                setGraphic(icon);
            }
        });
        pods.getColumns().add(status);
        pods.getColumns().add(ClustersView.column("Restarts", 80, p -> String.valueOf(p.restarts())));
        pods.getColumns().add(ClustersView.column("Node", 240, PodRow::node));
        pods.getColumns().add(ClustersView.column("IP", 120, PodRow::ip));
        pods.getColumns().add(ClustersView.column("Age", 70, PodRow::age));
        pods.setPlaceholder(new Label("No pods (yet)."));

        TableView<NodeRow> nodes = new TableView<>(tab.nodes());
        nodes.setId("nodes-" + tab.cluster());
        nodes.getStyleClass().add(Styles.DENSE);
        nodes.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        nodes.getColumns().add(ClustersView.column("Node", 320, NodeRow::name));
        nodes.getColumns().add(ClustersView.column("Status", 120, NodeRow::status));
        nodes.getColumns().add(ClustersView.column("Roles", 130, NodeRow::roles));
        nodes.getColumns().add(ClustersView.column("Version", 90, NodeRow::version));
        nodes.getColumns().add(ClustersView.column("Age", 70, NodeRow::age));
        nodes.getColumns().add(ClustersView.column("Addresses", 200, NodeRow::addresses));
        nodes.setPlaceholder(new Label("No nodes (yet)."));

        SplitPane split = new SplitPane(new VBox(6, new Label("Pods"), pods), new VBox(6, new Label("Nodes"), nodes));
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.62);
        VBox.setVgrow(pods, Priority.ALWAYS);
        VBox.setVgrow(nodes, Priority.ALWAYS);
        VBox.setVgrow(split, Priority.ALWAYS);
        HBox filters = new HBox(8, filter, namespace);
        VBox box = new VBox(10, state, filters, split);
        box.setPadding(new javafx.geometry.Insets(10, 0, 0, 0));
        return box;
    }
}
