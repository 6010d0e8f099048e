package dev.capiconsole.ui;

import dev.capiconsole.events.EventRow;
import dev.capiconsole.operations.Change;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceDialog;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextInputDialog;
import javafx.scene.layout.Region;
import atlantafx.base.theme.Styles;
import dev.capiconsole.topology.CapiObject;
import dev.capiconsole.topology.ClusterSummary;
import dev.capiconsole.topology.Condition;
import dev.capiconsole.topology.DescribeOptions;
import dev.capiconsole.topology.DescribeRow;
import dev.capiconsole.topology.HumanDuration;
import dev.capiconsole.topology.TreeNode;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.transformation.FilteredList;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeTableCell;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/** Every Cluster of the management cluster, live; the describe tree of the selected one; the selected node. */
final class ClustersView {

    private static final String ALL_NAMESPACES = "All namespaces";

    private final VBox root = new VBox(10);
    private final ClustersViewModel model;
    private final DescribeTreeModel treeModel = new DescribeTreeModel();
    private final TableView<Condition> conditionTable = new TableView<>();
    private final TextArea yaml = new TextArea();
    private final Label detailsTitle = new Label("Select a row of the tree.");
    private final MenuButton actions = new MenuButton("Actions");
    private final javafx.scene.control.Button editButton = new javafx.scene.control.Button("Edit…",
            new org.kordamp.ikonli.javafx.FontIcon(org.kordamp.ikonli.feather.Feather.EDIT_2));
    private TreeNode selectedNode;

    ClustersView(ClustersViewModel model) {
        this.model = model;
        actions.setId("actions");
        actions.setMinWidth(Region.USE_PREF_SIZE);
        editButton.setMinWidth(Region.USE_PREF_SIZE);
        actions.setGraphic(new org.kordamp.ikonli.javafx.FontIcon(org.kordamp.ikonli.feather.Feather.SLIDERS));
        actions.setDisable(true);
        root.getStyleClass().add("page");
        root.setId("clusters-view");
        Label title = new Label("Clusters");
        title.getStyleClass().add("title-2");
        Label state = new Label();
        state.setId("clusters-state");
        state.getStyleClass().add("muted");
        state.textProperty().bind(model.stateProperty());
        HBox heading = new HBox(16, title, state);
        heading.setAlignment(Pos.BASELINE_LEFT);

        SplitPane split = new SplitPane(overview(), describe(), details());
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.24, 0.7);
        VBox.setVgrow(split, Priority.ALWAYS);
        root.getChildren().addAll(heading, split);
    }

    Node root() {
        return root;
    }

    private Node overview() {
        TextField filter = new TextField();
        filter.setId("cluster-filter");
        filter.setPromptText("Filter clusters by name, phase, version or class");
        HBox.setHgrow(filter, Priority.ALWAYS);
        ComboBox<String> namespace = new ComboBox<>();
        namespace.setId("cluster-namespace");
        namespace.getItems().add(ALL_NAMESPACES);
        namespace.setValue(ALL_NAMESPACES);
        model.clusters().addListener((javafx.collections.ListChangeListener<ClusterSummary>) change -> {
            model.clusters().stream().map(ClusterSummary::namespace).distinct().sorted()
                    .filter(ns -> !namespace.getItems().contains(ns)).forEach(namespace.getItems()::add);
        });

        FilteredList<ClusterSummary> visible = new FilteredList<>(model.clusters());
        Runnable refilter = () -> {
            String text = filter.getText().toLowerCase(Locale.ROOT).strip();
            String ns = namespace.getValue();
            visible.setPredicate(c -> (ALL_NAMESPACES.equals(ns) || c.namespace().equals(ns))
                    && (text.isEmpty() || (c.name() + " " + c.phase() + " " + c.version() + " " + c.clusterClass())
                    .toLowerCase(Locale.ROOT).contains(text)));
        };
        filter.textProperty().addListener((obs, old, now) -> refilter.run());
        namespace.valueProperty().addListener((obs, old, now) -> refilter.run());

        TableView<ClusterSummary> table = new TableView<>(visible);
        table.setId("cluster-table");
        table.getStyleClass().addAll(Styles.DENSE, Styles.STRIPED);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(column("Name", 140, ClusterSummary::name));
        table.getColumns().add(column("Namespace", 110, ClusterSummary::namespace));
        table.getColumns().add(column("Phase", 105, ClusterSummary::phase));
        TableColumn<ClusterSummary, String> available = column("Available", 95, ClusterSummary::available);
        available.setCellFactory(c -> new StatusTableCell());
        table.getColumns().add(available);
        table.getColumns().add(column("Control plane", 125, ClusterSummary::controlPlane));
        table.getColumns().add(column("Workers", 95, ClusterSummary::workers));
        table.getColumns().add(column("Version", 80, ClusterSummary::version));
        table.getColumns().add(column("Infrastructure", 125, ClusterSummary::infrastructure));
        table.getColumns().add(column("ClusterClass", 115, ClusterSummary::clusterClass));
        table.getColumns().add(column("Age", 55, ClusterSummary::age));
        table.getColumns().forEach(c -> c.setMinWidth(c.getPrefWidth()));
        table.setTooltip(new Tooltip("Control plane and Workers: desired / ready / available / up to date"));
        table.setPlaceholder(new Label("No Cluster to show. Connect to a management cluster, or create one."));
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null) {
                model.selectedProperty().set(now);
            }
        });
        model.selectedProperty().addListener((obs, old, now) -> {
            if (now != null && !now.equals(table.getSelectionModel().getSelectedItem())) {
                table.getSelectionModel().select(now);
            }
        });
        VBox.setVgrow(table, Priority.ALWAYS);
        javafx.scene.control.Button open = new javafx.scene.control.Button("Open pods and nodes",
                new FontIcon(Feather.MONITOR));
        open.setId("open-workload");
        open.disableProperty().bind(model.selectedProperty().isNull());
        open.setOnAction(e -> model.openSelectedWorkload());
        open.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        HBox filters = new HBox(8, filter, namespace, open);
        return new VBox(8, filters, table);
    }

    private Node describe() {
        HBox toggles = new HBox(14);
        toggles.setAlignment(Pos.CENTER_LEFT);
        CheckBox machineSets = toggle("show-machinesets", "MachineSets", false);
        CheckBox templates = toggle("show-templates", "Templates", false);
        CheckBox resourceSets = toggle("show-resourcesets", "ResourceSets", false);
        CheckBox echo = toggle("echo", "Echo", false);
        CheckBox grouping = toggle("grouping", "Grouping", true);
        CheckBox v1beta1 = toggle("v1beta1", "v1beta1 conditions", false);
        v1beta1.setTooltip(new javafx.scene.control.Tooltip("clusterctl describe --v1beta2=false: the deprecated "
                + "v1beta1 conditions (Ready with severity), as older management clusters and tools show them"));
        ComboBox<String> conditions = new ComboBox<>();
        conditions.setId("show-conditions");
        conditions.setEditable(true);
        conditions.getItems().addAll("", "all", "all+", "Cluster", "Machine", "KubeadmControlPlane");
        conditions.setPromptText("Show conditions of… (kinds, kind/name, all)");
        conditions.setPrefWidth(260);
        Runnable push = () -> model.optionsProperty().set(new DescribeOptions(
                conditions.getValue() == null ? "" : conditions.getValue().replace(" ", ""),
                machineSets.isSelected(), templates.isSelected(), resourceSets.isSelected(), echo.isSelected(),
                grouping.isSelected(), v1beta1.isSelected()));
        for (CheckBox box : new CheckBox[] {machineSets, templates, resourceSets, echo, grouping, v1beta1}) {
            box.selectedProperty().addListener((obs, old, now) -> push.run());
        }
        conditions.valueProperty().addListener((obs, old, now) -> push.run());
        Label optionsLabel = new Label("Show:");
        optionsLabel.getStyleClass().add("muted");
        toggles.getChildren().addAll(optionsLabel, machineSets, templates, resourceSets, echo, grouping, v1beta1,
                conditions);

        TreeTableView<DescribeRow> tree = new TreeTableView<>(treeModel.root());
        tree.setId("describe-tree");
        tree.setShowRoot(false);
        tree.getStyleClass().add(Styles.DENSE);
        tree.setColumnResizePolicy(TreeTableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TreeTableColumn<DescribeRow, String> name = treeColumn("Name", 340, DescribeRow::name);
        name.setCellFactory(c -> new NameCell());
        tree.getColumns().add(name);
        tree.getColumns().add(treeColumn("Replicas", 80, DescribeRow::replicas));
        tree.getColumns().add(treeColumn("Available", 85, DescribeRow::available));
        tree.getColumns().add(treeColumn("Ready", 65, DescribeRow::ready));
        tree.getColumns().add(treeColumn("Up to date", 90, DescribeRow::upToDate));
        TreeTableColumn<DescribeRow, String> status = treeColumn("Status", 90, DescribeRow::status);
        status.setCellFactory(c -> new StatusTreeCell());
        tree.getColumns().add(status);
        TreeTableColumn<DescribeRow, String> severity = treeColumn("Severity", 80, DescribeRow::severity);
        severity.setVisible(false);
        tree.getColumns().add(severity);
        tree.getColumns().add(treeColumn("Reason", 140, DescribeRow::reason));
        tree.getColumns().add(treeColumn("Since", 65, DescribeRow::since));
        TreeTableColumn<DescribeRow, String> message = treeColumn("Message", 400, DescribeRow::fullMessage);
        message.setCellFactory(c -> new MessageTreeCell());
        tree.getColumns().add(message);
        // Every column keeps room for its header; the name keeps room for kind and name; the message takes the rest.
        double[] minimums = {380, 80, 85, 70, 95, 85, 90, 115, 60, 120};
        for (int i = 0; i < minimums.length; i++) {
            tree.getColumns().get(i).setMinWidth(minimums[i]);
        }
        // v1beta1 mode: no counters; STATUS is the Ready condition's status, next to its severity.
        v1beta1.selectedProperty().addListener((obs, old, legacy) -> {
            for (int i = 1; i <= 4; i++) {
                tree.getColumns().get(i).setVisible(!legacy);
            }
            status.setText(legacy ? "Ready" : "Status");
            severity.setVisible(legacy);
        });
        tree.setPlaceholder(new Label("Select a cluster above to see its tree."));
        model.treeProperty().addListener((obs, old, now) -> {
            if (now == null) {
                treeModel.update(null, Instant.now());
            } else {
                treeModel.update(now.root(), now.builtAt());
            }
        });
        javafx.beans.value.ChangeListener<DescribeRow> followValue = (obs, old, now) -> showDetails(now);
        tree.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (old != null) {
                old.valueProperty().removeListener(followValue);
            }
            if (now != null) {
                now.valueProperty().addListener(followValue);
            }
            showDetails(now == null ? null : now.getValue());
            updateActions(now == null ? null : now.getValue());
        });
        VBox treeBox = new VBox(8, toggles, tree);
        VBox.setVgrow(tree, Priority.ALWAYS);
        return treeBox;
    }

    private Node details() {
        detailsTitle.getStyleClass().add("title-4");
        detailsTitle.setWrapText(true);
        conditionTable.setId("details-conditions");
        conditionTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<Condition, String> type = conditionColumn("Condition", 110, Condition::type);
        TableColumn<Condition, String> status = conditionColumn("Status", 70, Condition::status);
        status.setCellFactory(c -> new StatusTableCell());
        TableColumn<Condition, String> reason = conditionColumn("Reason", 110, Condition::reason);
        TableColumn<Condition, String> since = conditionColumn("Since", 55,
                c -> HumanDuration.since(c.lastTransitionTime(), Instant.now()));
        TableColumn<Condition, String> message = conditionColumn("Message", 200, Condition::message);
        message.setCellFactory(c -> new WrappingTableCell<>());
        conditionTable.getColumns().add(type);
        conditionTable.getColumns().add(status);
        conditionTable.getColumns().add(reason);
        conditionTable.getColumns().add(since);
        conditionTable.getColumns().add(message);
        conditionTable.setPlaceholder(new Label("No conditions."));
        yaml.setId("details-yaml");
        yaml.setEditable(false);
        yaml.getStyleClass().add("yaml");
        VBox.setVgrow(conditionTable, Priority.ALWAYS);
        VBox.setVgrow(yaml, Priority.ALWAYS);
        Label yamlTitle = new Label("YAML (managedFields hidden)");
        yamlTitle.getStyleClass().add("muted");
        editButton.setId("edit-object");
        editButton.setDisable(true);
        editButton.setOnAction(e -> {
            if (selectedNode != null && selectedNode.object() != null) {
                new ObjectEditDialog(root.getScene().getWindow(), model.operations(), selectedNode.object()).show();
            }
        });
        Region yamlSpacer = new Region();
        HBox.setHgrow(yamlSpacer, Priority.ALWAYS);
        HBox yamlBar = new HBox(8, yamlTitle, yamlSpacer, editButton);
        yamlBar.setAlignment(Pos.CENTER_LEFT);
        VBox yamlBox = new VBox(4, yamlBar, yaml);
        VBox.setVgrow(yaml, Priority.ALWAYS);
        TableView<EventRow> events = new TableView<>(model.operations().events());
        events.setId("details-events");
        events.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        events.getColumns().add(column("Type", 70, EventRow::type));
        events.getColumns().add(column("Reason", 130, EventRow::reason));
        events.getColumns().add(column("Age", 50, EventRow::age));
        events.getColumns().add(column("From", 150, EventRow::from));
        events.getColumns().add(column("Count", 50, e -> String.valueOf(e.count())));
        events.getColumns().add(column("Message", 300, EventRow::message));
        Label eventsNote = new Label();
        eventsNote.setWrapText(true);
        eventsNote.textProperty().bind(model.operations().eventsNoteProperty());
        events.setPlaceholder(eventsNote);
        Tab yamlTab = new Tab("YAML", yamlBox);
        Tab eventsTab = new Tab("Events", events);
        eventsTab.setId("details-events-tab");
        TabPane inspector = new TabPane(yamlTab, eventsTab);
        inspector.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        SplitPane sideBySide = new SplitPane(conditionTable, inspector);
        sideBySide.setDividerPositions(0.62);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label operationMessage = new Label();
        operationMessage.setId("operation-message");
        operationMessage.getStyleClass().add("muted");
        operationMessage.setWrapText(true);
        operationMessage.setMaxWidth(560);
        operationMessage.textProperty().bind(model.operations().messageProperty());
        HBox header = new HBox(10, detailsTitle, spacer, operationMessage, actions);
        header.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(6, header, sideBySide);
        VBox.setVgrow(sideBySide, Priority.ALWAYS);
        model.operations().proposalProperty().addListener((obs, old, change) -> {
            if (change != null) {
                confirm(change);
            }
        });
        return box;
    }

    /** The selected row's day-2 actions; each asks what it needs, then shows the change before making it. */
    private void updateActions(DescribeRow row) {
        actions.getItems().clear();
        TreeNode node = row == null || row.kind() != DescribeRow.Kind.OBJECT ? null : row.node();
        List<OperationsViewModel.Action> offered = OperationsViewModel.actionsFor(node);
        actions.setDisable(offered.isEmpty());
        OperationsViewModel operations = model.operations();
        for (OperationsViewModel.Action action : offered) {
            MenuItem item = new MenuItem(switch (action) {
                case SCALE -> "Scale…";
                case RESTART -> "Restart rollout…";
                case UPGRADE -> "Upgrade Kubernetes…";
                case PAUSE -> "Pause…";
                case RESUME -> "Resume…";
                case DELETE_MACHINE -> "Delete machine…";
                case DELETE_CLUSTER -> "Delete cluster…";
            });
            item.setId("action-" + action.name().toLowerCase(Locale.ROOT).replace('_', '-'));
            item.setOnAction(e -> {
                switch (action) {
                    case SCALE -> askReplicas(node).ifPresent(n -> operations.scale(node, n));
                    case RESTART -> operations.restart(node);
                    case UPGRADE -> askVersion(node).ifPresent(version -> operations.upgrade(node, version));
                    case PAUSE -> operations.pause(true);
                    case RESUME -> operations.pause(false);
                    case DELETE_MACHINE -> operations.deleteMachine(node);
                    case DELETE_CLUSTER -> operations.deleteCluster();
                    default -> { }
                }
            });
            actions.getItems().add(item);
        }
    }

    private java.util.Optional<Integer> askReplicas(TreeNode node) {
        Long current = node.object().integer("spec", "replicas");
        TextInputDialog dialog = new TextInputDialog(current == null ? "" : String.valueOf(current));
        dialog.initOwner(root.getScene().getWindow());
        dialog.setTitle("Scale");
        dialog.setHeaderText("Scale " + node.kind() + " " + node.name());
        dialog.setContentText("Replicas:");
        dialog.getDialogPane().setId("scale-dialog");
        while (true) {
            java.util.Optional<String> answer = dialog.showAndWait();
            if (answer.isEmpty()) {
                return java.util.Optional.empty();
            }
            try {
                return java.util.Optional.of(Integer.parseInt(answer.get().trim()));
            } catch (NumberFormatException ex) {
                dialog.setHeaderText("\"" + answer.get() + "\" is not a number. Scale " + node.kind() + " "
                        + node.name());
            }
        }
    }

    private java.util.Optional<String> askVersion(TreeNode node) {
        String current = switch (node.kind()) {
            case "Cluster" -> node.object().text("spec", "topology", "version");
            case "MachineDeployment" -> node.object().text("spec", "template", "spec", "version");
            default -> node.object().text("spec", "version");
        };
        if (current.isEmpty() && node.kind().equals("Cluster")) {
            current = model.selectedProperty().get() == null ? "" : model.selectedProperty().get().version();
        }
        List<String> next = new java.util.ArrayList<>(OperationsViewModel.nextVersions(current));
        ClusterSummary cluster = model.selectedProperty().get();
        if (node.kind().equals("MachineDeployment") && cluster != null && !cluster.version().isEmpty()
                && !next.contains(cluster.version()) && !cluster.version().equals(current)) {
            next.add(0, cluster.version()); // the control plane's version: where the workers go next
        }
        ChoiceDialog<String> dialog = new ChoiceDialog<>(next.isEmpty() ? null : next.get(next.size() - 1), next);
        dialog.initOwner(root.getScene().getWindow());
        dialog.setTitle("Upgrade Kubernetes");
        dialog.setHeaderText("Upgrade " + node.kind() + " " + node.name() + " from " + current
                + ". Kubernetes goes up one minor version at a time.");
        dialog.setContentText("Version:");
        dialog.getDialogPane().setId("upgrade-dialog");
        return dialog.showAndWait();
    }

    /** Shows exactly what will change; a cluster's deletion also needs its name typed. */
    private void confirm(Change change) {
        OperationsViewModel operations = model.operations();
        TextArea preview = new TextArea(change.describe());
        preview.setId("change-preview");
        preview.setEditable(false);
        preview.getStyleClass().add("yaml");
        preview.setPrefRowCount(Math.min(14, (int) change.describe().lines().count() + 1));
        preview.setPrefColumnCount(90);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION);
        alert.initOwner(root.getScene().getWindow());
        alert.setTitle("Review the change");
        alert.setHeaderText(change.summary());
        alert.getDialogPane().setId("change-confirmation");
        ButtonType make = new ButtonType(change.kind() == Change.Kind.DELETE ? "Delete" : "Make change",
                ButtonBar.ButtonData.OK_DONE);
        alert.getButtonTypes().setAll(make, ButtonType.CANCEL);
        VBox content = new VBox(8, preview);
        if (change.target().kind().equals("Cluster") && change.kind() == Change.Kind.DELETE) {
            TextField typed = new TextField();
            typed.setId("confirm-cluster-name");
            typed.setPromptText(change.target().name());
            content.getChildren().add(new Label("Type the cluster's name (" + change.target().name()
                    + ") to delete it:"));
            content.getChildren().add(typed);
            alert.getDialogPane().lookupButton(make).disableProperty()
                    .bind(typed.textProperty().isNotEqualTo(change.target().name()));
        }
        alert.getDialogPane().setContent(content);
        alert.getDialogPane().setMinWidth(720);
        alert.showAndWait().filter(make::equals).ifPresentOrElse(b -> operations.confirm(), operations::cancel);
    }

    private void showDetails(DescribeRow row) {
        selectedNode = row == null ? null : row.node();
        editButton.setDisable(selectedNode == null || selectedNode.object() == null);
        model.operations().loadEvents(selectedNode);
        if (row == null || row.node() == null) {
            detailsTitle.setText("Select a row of the tree.");
            conditionTable.getItems().clear();
            yaml.clear();
            return;
        }
        TreeNode node = row.node();
        detailsTitle.setText(row.kind() == DescribeRow.Kind.CONDITION ? row.node().kind() + " " + row.node().name()
                : row.name());
        conditionTable.getItems().setAll(node.conditions());
        CapiObject object = node.object();
        yaml.setText(object == null ? "(no object: " + node.shape().name().toLowerCase(Locale.ROOT) + " node)"
                : toYaml(object));
    }

    @SuppressWarnings("unchecked")
    private static String toYaml(CapiObject object) {
        Map<String, Object> copy = new LinkedHashMap<>(object.raw());
        if (copy.get("metadata") instanceof Map<?, ?> metadata) {
            Map<String, Object> trimmed = new LinkedHashMap<>((Map<String, Object>) metadata);
            trimmed.remove("managedFields");
            copy.put("metadata", trimmed);
        }
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        return new Yaml(options).dump(copy);
    }

    private static CheckBox toggle(String id, String text, boolean selected) {
        CheckBox box = new CheckBox(text);
        box.setId(id);
        box.setSelected(selected);
        return box;
    }

    static <T> TableColumn<T, String> column(String title, double width, Function<T, String> value) {
        TableColumn<T, String> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        return column;
    }

    private static TableColumn<Condition, String> conditionColumn(String title, double width,
                                                                  Function<Condition, String> value) {
        return column(title, width, value);
    }

    private static TreeTableColumn<DescribeRow, String> treeColumn(String title, double width,
                                                                   Function<DescribeRow, String> value) {
        TreeTableColumn<DescribeRow, String> column = new TreeTableColumn<>(title);
        column.setPrefWidth(width);
        column.setSortable(false);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(
                cell.getValue() == null || cell.getValue().getValue() == null ? ""
                        : value.apply(cell.getValue().getValue())));
        return column;
    }

    /** A status drawn as an icon and a colour an operator reads at a glance. */
    static void decorateStatus(Label label, String status, boolean negativePolarity) {
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
    private static void showStatus(javafx.scene.control.IndexedCell<?> cell, Label label, String item,
                                   boolean negative) {
        if (item == null || item.isEmpty()) {
            cell.setGraphic(null);
            return;
        }
        label.setText(item);
        decorateStatus(label, item, negative);
        cell.setGraphic(label);
        cell.setText(null);
    }

    private static final class StatusTreeCell extends TreeTableCell<DescribeRow, String> {
        private final Label label = new Label();

        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            DescribeRow row = getTableRow() == null ? null : getTableRow().getItem();
            showStatus(this, label, empty ? null : item, row != null && !row.node().v1beta1()
                    && row.condition() != null && row.condition().negativePolarity());
            if (row != null && row.node().v1beta1() && !empty && "False".equals(item)
                    && !"Error".equals(row.severity())) {
                // v1beta1: a False that is only a Warning or Info is not an error.
                label.getStyleClass().removeAll("status-bad");
                label.getStyleClass().add("status-unknown");
                label.setGraphic(new FontIcon(Feather.ALERT_CIRCLE));
                label.getGraphic().getStyleClass().add("status-unknown");
            }
        }
    }

    private static final class StatusTableCell<T> extends TableCell<T, String> {
        private final Label label = new Label();

        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            T row = getTableRow() == null ? null : getTableRow().getItem();
            showStatus(this, label, empty ? null : item, row instanceof Condition c && c.negativePolarity());
        }
    }

    private static final class NameCell extends TreeTableCell<DescribeRow, String> {
        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            getStyleClass().removeAll("condition-row", "deleted-row", "group-row");
            if (empty || item == null) {
                setText(null);
                return;
            }
            setText(item);
            DescribeRow row = getTableRow() == null ? null : getTableRow().getItem();
            if (row != null && row.kind() == DescribeRow.Kind.CONDITION) {
                getStyleClass().add("condition-row");
            } else if (item.startsWith("!! DELETED !!")) {
                getStyleClass().add("deleted-row");
            } else if (row != null && row.node().shape() == TreeNode.Shape.GROUP) {
                getStyleClass().add("group-row");
            }
        }
    }

    /** One line of the message (the details pane shows all of it); the whole message as a tooltip. */
    private static final class MessageTreeCell extends TreeTableCell<DescribeRow, String> {
        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null || item.isEmpty()) {
                setText(null);
                setTooltip(null);
                return;
            }
            setText(item.replace('\n', ' ').replaceAll(" +", " ").strip());
            Tooltip tooltip = new Tooltip(item);
            tooltip.setWrapText(true);
            tooltip.setMaxWidth(600);
            setTooltip(tooltip);
        }
    }

    private static final class WrappingTableCell<T> extends TableCell<T, String> {
        private final Label label = new Label();

        WrappingTableCell() {
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
    }
}
