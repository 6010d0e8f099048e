package dev.capiconsole.ui.clusters;

import dev.capiconsole.topology.DescribeRow;
import dev.capiconsole.topology.DescribeTable;
import dev.capiconsole.topology.TreeNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import javafx.scene.control.TreeItem;

/**
 * Keeps a TreeTableView's items in step with rebuilt describe trees: items are matched by a stable key and
 * updated in place, so expansion and selection survive every refresh.
 */
final class DescribeTreeModel {

    private final TreeItem<DescribeRow> root = new TreeItem<>();
    private final Map<TreeItem<DescribeRow>, String> keys = new IdentityHashMap<>();

    TreeItem<DescribeRow> root() {
        return root;
    }

    void update(TreeNode tree, Instant now) {
        if (tree == null) {
            root.getChildren().clear();
            return;
        }
        Map<TreeNode, DescribeRow> main = new IdentityHashMap<>();
        Map<TreeNode, List<DescribeRow>> conditions = new IdentityHashMap<>();
        for (DescribeRow row : DescribeTable.rows(tree, now)) {
            if (row.kind() == DescribeRow.Kind.OBJECT) {
                main.put(row.node(), row);
            } else if (row.kind() == DescribeRow.Kind.CONDITION) {
                conditions.computeIfAbsent(row.node(), n -> new ArrayList<>()).add(row);
            }
        }
        List<TreeItem<DescribeRow>> wanted = reconcile(root.getChildren(), List.of(tree), main, conditions);
        if (!root.getChildren().equals(wanted)) {
            root.getChildren().setAll(wanted);
        }
    }

    private List<TreeItem<DescribeRow>> reconcile(List<TreeItem<DescribeRow>> current, List<TreeNode> nodes,
                                                  Map<TreeNode, DescribeRow> main,
                                                  Map<TreeNode, List<DescribeRow>> conditions) {
        Map<String, TreeItem<DescribeRow>> existing = new HashMap<>();
        for (TreeItem<DescribeRow> child : current) {
            existing.put(keys.get(child), child);
        }
        List<TreeItem<DescribeRow>> wanted = new ArrayList<>();
        for (TreeNode node : nodes) {
            String key = DescribeTable.key(node);
            TreeItem<DescribeRow> item = existing.remove(key);
            if (item == null) {
                item = new TreeItem<>();
                item.setExpanded(true);
                keys.put(item, key);
            }
            item.setValue(main.get(node));
            List<TreeItem<DescribeRow>> conditionItems = new ArrayList<>();
            Map<String, TreeItem<DescribeRow>> oldConditions = new HashMap<>();
            List<TreeItem<DescribeRow>> oldChildren = new ArrayList<>();
            for (TreeItem<DescribeRow> child : item.getChildren()) {
                String childKey = keys.get(child);
                if (childKey != null && childKey.startsWith(key + "#")) {
                    oldConditions.put(childKey, child);
                } else {
                    oldChildren.add(child);
                }
            }
            for (DescribeRow condition : conditions.getOrDefault(node, List.of())) {
                String conditionKey = key + "#" + condition.name();
                TreeItem<DescribeRow> conditionItem = oldConditions.remove(conditionKey);
                if (conditionItem == null) {
                    conditionItem = new TreeItem<>();
                    keys.put(conditionItem, conditionKey);
                }
                conditionItem.setValue(condition);
                conditionItems.add(conditionItem);
            }
            oldConditions.values().forEach(keys::remove);
            List<TreeItem<DescribeRow>> all = new ArrayList<>(conditionItems);
            all.addAll(reconcile(oldChildren, DescribeTable.ordered(node), main, conditions));
            if (!item.getChildren().equals(all)) {
                item.getChildren().setAll(all);
            }
            wanted.add(item);
        }
        existing.values().forEach(this::forget);
        return wanted;
    }

    private void forget(TreeItem<DescribeRow> item) {
        keys.remove(item);
        item.getChildren().forEach(this::forget);
    }
}
