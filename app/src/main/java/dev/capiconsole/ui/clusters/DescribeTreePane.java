package dev.capiconsole.ui.clusters;

import atlantafx.base.theme.Styles;
import dev.capiconsole.topology.DescribeOptions;
import dev.capiconsole.topology.DescribeRow;
import dev.capiconsole.topology.TreeNode;
import dev.capiconsole.ui.common.Columns;
import dev.capiconsole.ui.common.Labels;
import dev.capiconsole.ui.common.StatusCells;
import dev.capiconsole.ui.common.Texts;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableCell;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The live describe tree of the selected Cluster, with clusterctl describe's options as toggles. */
final class DescribeTreePane {

    private final ClustersViewModel model;
    private final DescribeTreeModel treeModel = new DescribeTreeModel();
    private final VBox root;
    private final TreeTableView<DescribeRow> tree;

    /**
     * Calls {@code onShown} with the selected row (or null) and again whenever that row's content changes;
     * {@code onSelected} only when another row is selected.
     */
    DescribeTreePane(ClustersViewModel model, Consumer<DescribeRow> onShown, Consumer<DescribeRow> onSelected) {
        this.model = model;
        CheckBox v1beta1 = toggle("v1beta1", Texts.get("clusters.tree.v1beta1"), false);
        v1beta1.setTooltip(new Tooltip(Texts.get("clusters.tree.v1beta1Tooltip")));
        tree = tree(v1beta1);
        ChangeListener<DescribeRow> followValue = (obs, old, now) -> onShown.accept(now);
        tree.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (old != null) {
                old.valueProperty().removeListener(followValue);
            }
            if (now != null) {
                now.valueProperty().addListener(followValue);
            }
            onShown.accept(now == null ? null : now.getValue());
            onSelected.accept(now == null ? null : now.getValue());
        });
        root = new VBox(8, toggles(v1beta1), tree);
        VBox.setVgrow(tree, Priority.ALWAYS);
    }

    Node root() {
        return root;
    }

    /**
     * Selects the row of this object, or the row of the group it is counted in; false when the tree does not show
     * it (an echo hidden, say).
     */
    boolean select(String kind, String namespace, String name) {
        TreeItem<DescribeRow> item = find(tree.getRoot(), row -> row.node().kind().equals(kind)
                && row.node().name().equals(name) && Objects.equals(row.node().namespace(), namespace));
        if (item == null) {
            item = find(tree.getRoot(), row -> row.node().kind().equals(kind + "Group")
                    && row.node().groupItems().contains(name));
        }
        if (item == null) {
            return false;
        }
        for (TreeItem<DescribeRow> parent = item.getParent(); parent != null; parent = parent.getParent()) {
            parent.setExpanded(true);
        }
        tree.getSelectionModel().select(item);
        tree.scrollTo(Math.max(0, tree.getRow(item) - 3));
        return true;
    }

    private static TreeItem<DescribeRow> find(TreeItem<DescribeRow> item, Predicate<DescribeRow> wanted) {
        DescribeRow row = item.getValue();
        if (row != null && row.kind() == DescribeRow.Kind.OBJECT && wanted.test(row)) {
            return item;
        }
        for (TreeItem<DescribeRow> child : item.getChildren()) {
            TreeItem<DescribeRow> found = find(child, wanted);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private Node toggles(CheckBox v1beta1) {
        CheckBox machineSets = toggle("show-machinesets", "MachineSets", false);
        CheckBox templates = toggle("show-templates", Texts.get("clusters.tree.templates"), false);
        CheckBox resourceSets = toggle("show-resourcesets", "ResourceSets", false);
        CheckBox echo = toggle("echo", Texts.get("clusters.tree.echo"), false);
        CheckBox grouping = toggle("grouping", Texts.get("clusters.tree.grouping"), true);
        CheckBox healthChecks = toggle("show-machinehealthchecks", Texts.get("clusters.tree.healthChecks"), false);
        healthChecks.setTooltip(new Tooltip(Texts.get("clusters.tree.healthChecksTooltip")));
        ComboBox<String> conditions = new ComboBox<>();
        conditions.setId("show-conditions");
        conditions.setEditable(true);
        conditions.getItems().addAll("", "all", "all+", "Cluster", "Machine", "KubeadmControlPlane");
        conditions.setPromptText(Texts.get("clusters.tree.conditionsPrompt"));
        conditions.setPrefWidth(260);
        Runnable push = () -> model.optionsProperty().set(new DescribeOptions(
                conditions.getValue() == null ? "" : conditions.getValue().replace(" ", ""),
                machineSets.isSelected(), templates.isSelected(), resourceSets.isSelected(), echo.isSelected(),
                grouping.isSelected(), v1beta1.isSelected(), healthChecks.isSelected()));
        for (CheckBox box : new CheckBox[] {machineSets, templates, resourceSets, echo, grouping, v1beta1,
            healthChecks}) {
            box.selectedProperty().addListener((obs, old, now) -> push.run());
        }
        conditions.valueProperty().addListener((obs, old, now) -> push.run());
        Label optionsLabel = Labels.muted(Texts.get("clusters.tree.show"), false);
        // The options wrap onto a second line in a narrow window instead of cutting their labels short.
        FlowPane toggles = new FlowPane(14, 6, optionsLabel, machineSets, templates, resourceSets, healthChecks, echo,
                grouping, v1beta1, conditions);
        toggles.getChildren().forEach(option -> ((Region) option).setMinWidth(Region.USE_PREF_SIZE));
        toggles.setAlignment(Pos.CENTER_LEFT);
        return toggles;
    }

    private TreeTableView<DescribeRow> tree(CheckBox v1beta1) {
        TreeTableView<DescribeRow> tree = new TreeTableView<>(treeModel.root());
        tree.setId("describe-tree");
        tree.setShowRoot(false);
        tree.getStyleClass().add(Styles.DENSE);
        tree.setColumnResizePolicy(TreeTableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TreeTableColumn<DescribeRow, String> name = column(Texts.get("common.column.name"), 300, DescribeRow::name);
        name.setCellFactory(c -> new NameCell());
        tree.getColumns().add(name);
        tree.getColumns().add(column(Texts.get("clusters.column.replicas"), 80, DescribeRow::replicas));
        tree.getColumns().add(column(Texts.get("clusters.column.available"), 85, DescribeRow::available));
        tree.getColumns().add(column(Texts.get("clusters.column.ready"), 65, DescribeRow::ready));
        tree.getColumns().add(column(Texts.get("clusters.column.upToDate"), 90, DescribeRow::upToDate));
        TreeTableColumn<DescribeRow, String> status = column(Texts.get("clusters.column.status"), 90, DescribeRow::status);
        status.setCellFactory(c -> new StatusCell());
        tree.getColumns().add(status);
        TreeTableColumn<DescribeRow, String> severity = column(Texts.get("clusters.column.severity"), 80, DescribeRow::severity);
        severity.setVisible(false);
        tree.getColumns().add(severity);
        tree.getColumns().add(column(Texts.get("common.events.reason"), 140, DescribeRow::reason));
        tree.getColumns().add(column(Texts.get("clusters.column.since"), 65, DescribeRow::since));
        TreeTableColumn<DescribeRow, String> message = column(Texts.get("common.events.message"), 150, DescribeRow::fullMessage);
        message.setCellFactory(c -> new MessageCell());
        tree.getColumns().add(message);
        // Every column keeps room for its header (Columns.fit); the name keeps room for kind and name; the message
        // takes the rest.
        name.setMinWidth(320);
        // v1beta1 mode: no counters; STATUS is the Ready condition's status, next to its severity.
        v1beta1.selectedProperty().addListener((obs, old, legacy) -> {
            for (int i = 1; i <= 4; i++) {
                tree.getColumns().get(i).setVisible(!legacy);
            }
            status.setText(legacy ? "Ready" : Texts.get("clusters.column.status"));
            severity.setVisible(legacy);
        });
        tree.setPlaceholder(new Label(Texts.get("clusters.tree.empty")));
        model.treeProperty().addListener((obs, old, now) -> {
            if (now == null) {
                treeModel.update(null, Instant.now());
            } else {
                treeModel.update(now.root(), now.builtAt());
            }
        });
        return tree;
    }

    private static CheckBox toggle(String id, String text, boolean selected) {
        CheckBox box = new CheckBox(text);
        box.setId(id);
        box.setSelected(selected);
        return box;
    }

    private static TreeTableColumn<DescribeRow, String> column(String title, double width,
                                                               Function<DescribeRow, String> value) {
        TreeTableColumn<DescribeRow, String> column = new TreeTableColumn<>(title);
        Columns.fit(column, width);
        column.setSortable(false);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(
                cell.getValue() == null || cell.getValue().getValue() == null ? ""
                        : value.apply(cell.getValue().getValue())));
        return column;
    }

    private static final class StatusCell extends TreeTableCell<DescribeRow, String> {
        private final Label label = new Label();

        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            DescribeRow row = getTableRow() == null ? null : getTableRow().getItem();
            StatusCells.show(this, label, empty ? null : item, row != null && !row.node().v1beta1()
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
            if (row != null && (row.kind() == DescribeRow.Kind.CONDITION
                    || row.node().shape() == TreeNode.Shape.CHECK)) {
                getStyleClass().add("condition-row");
            } else if (item.startsWith("!! DELETED !!")) {
                getStyleClass().add("deleted-row");
            } else if (row != null && row.node().shape() == TreeNode.Shape.GROUP) {
                getStyleClass().add("group-row");
            }
        }
    }

    /** One line of the message (the details pane shows all of it); the whole message as a tooltip. */
    private static final class MessageCell extends TreeTableCell<DescribeRow, String> {
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
}
