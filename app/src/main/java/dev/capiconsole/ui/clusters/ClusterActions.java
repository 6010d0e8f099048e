package dev.capiconsole.ui.clusters;

import dev.capiconsole.operations.Change;
import dev.capiconsole.operations.ChangePlanner;
import dev.capiconsole.topology.ClusterSummary;
import dev.capiconsole.topology.DescribeRow;
import dev.capiconsole.topology.TreeNode;
import dev.capiconsole.ui.common.Texts;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceDialog;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputDialog;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The day-2 actions of the selected tree row: a menu, the dialogs that ask what each action needs, and the review
 * of the planned change before it is made.
 */
final class ClusterActions {

    private final ClustersViewModel model;
    private final MenuButton menu = new MenuButton(Texts.get("clusters.actions.menu"));
    private UpgradePlannerPane planner;

    ClusterActions(ClustersViewModel model) {
        this.model = model;
        menu.setId("actions");
        menu.setMinWidth(Region.USE_PREF_SIZE);
        menu.setGraphic(new FontIcon(Feather.SLIDERS));
        menu.setDisable(true);
        model.operations().proposalProperty().addListener((obs, old, change) -> {
            if (change != null) {
                confirm(change);
            }
        });
    }

    MenuButton menu() {
        return menu;
    }

    private Window owner() {
        return menu.getScene().getWindow();
    }

    /** Offers the actions that fit the row; each asks what it needs, then shows the change before making it. */
    void offerFor(DescribeRow row) {
        menu.getItems().clear();
        TreeNode node = row == null || row.kind() != DescribeRow.Kind.OBJECT ? null : row.node();
        List<OperationsViewModel.Action> offered = OperationsViewModel.actionsFor(node);
        menu.setDisable(offered.isEmpty());
        OperationsViewModel operations = model.operations();
        for (OperationsViewModel.Action action : offered) {
            MenuItem item = new MenuItem(switch (action) {
                case SCALE -> Texts.get("clusters.actions.scale");
                case RESTART -> Texts.get("clusters.actions.restart");
                case UPGRADE -> Texts.get("clusters.actions.upgrade");
                case PAUSE -> Texts.get("clusters.actions.pause");
                case RESUME -> Texts.get("clusters.actions.resume");
                case DELETE_MACHINE -> Texts.get("clusters.actions.deleteMachine");
                case DELETE_CLUSTER -> Texts.get("clusters.actions.deleteCluster");
                case MARK_REMEDIATION -> Texts.get("clusters.actions.markRemediation");
                case SKIP_REMEDIATION -> Texts.get("clusters.actions.skipRemediation");
                case ALLOW_REMEDIATION -> Texts.get("clusters.actions.allowRemediation");
                case PAUSE_REMEDIATION -> Texts.get("clusters.actions.pauseRemediation");
                case RESUME_REMEDIATION -> Texts.get("clusters.actions.resumeRemediation");
            });
            item.setId("action-" + action.name().toLowerCase(Locale.ROOT).replace('_', '-'));
            item.setOnAction(e -> {
                switch (action) {
                    case SCALE -> askReplicas(node).ifPresent(n -> operations.scale(node, n));
                    case RESTART -> operations.restart(node);
                    case UPGRADE -> upgrade(node);
                    case PAUSE -> operations.pause(true);
                    case RESUME -> operations.pause(false);
                    case DELETE_MACHINE -> operations.deleteMachine(node);
                    case DELETE_CLUSTER -> operations.deleteCluster();
                    case MARK_REMEDIATION -> operations.markForRemediation(node);
                    case SKIP_REMEDIATION -> operations.skipRemediation(node, true);
                    case ALLOW_REMEDIATION -> operations.skipRemediation(node, false);
                    case PAUSE_REMEDIATION -> operations.pauseRemediation(node, true);
                    case RESUME_REMEDIATION -> operations.pauseRemediation(node, false);
                    default -> { }
                }
            });
            menu.getItems().add(item);
        }
    }

    /** A topology Cluster opens the chained-upgrade planner; any other object asks for the next version. */
    private void upgrade(TreeNode node) {
        ClusterSummary cluster = model.selectedProperty().get();
        boolean topology = cluster != null && !cluster.clusterClass().isEmpty()
                && (node.kind().equals("Cluster") || node.kind().equals("KubeadmControlPlane"));
        if (!topology) {
            askVersion(node).ifPresent(version -> model.operations().upgrade(node, version));
            return;
        }
        if (planner == null) {
            planner = new UpgradePlannerPane(model.planner());
        }
        model.planner().open(cluster);
        planner.show(owner());
    }

    private Optional<Integer> askReplicas(TreeNode node) {
        Long current = node.object().integer("spec", "replicas");
        TextInputDialog dialog = new TextInputDialog(current == null ? "" : String.valueOf(current));
        dialog.initOwner(owner());
        dialog.setTitle(Texts.get("clusters.scale.title"));
        dialog.setHeaderText(Texts.get("clusters.scale.header", node.kind(), node.name()));
        dialog.setContentText(Texts.get("clusters.scale.replicas"));
        dialog.getDialogPane().setId("scale-dialog");
        while (true) {
            Optional<String> answer = dialog.showAndWait();
            if (answer.isEmpty()) {
                return Optional.empty();
            }
            try {
                return Optional.of(Integer.parseInt(answer.get().trim()));
            } catch (NumberFormatException ex) {
                dialog.setHeaderText(Texts.get("clusters.scale.notNumber", answer.get(), node.kind(), node.name()));
            }
        }
    }

    private Optional<String> askVersion(TreeNode node) {
        ClusterSummary cluster = model.selectedProperty().get();
        String clusterVersion = cluster == null ? "" : cluster.version();
        String current = ChangePlanner.declaredVersion(node.object());
        if (current.isEmpty() && node.kind().equals("Cluster")) {
            current = clusterVersion;
        }
        List<String> next = ChangePlanner.upgradeChoices(node.kind(), current, clusterVersion);
        ChoiceDialog<String> dialog = new ChoiceDialog<>(next.isEmpty() ? null : next.get(next.size() - 1), next);
        dialog.initOwner(owner());
        dialog.setTitle(Texts.get("clusters.upgrade.title"));
        dialog.setHeaderText(Texts.get("clusters.upgrade.header", node.kind(), node.name(), current));
        dialog.setContentText(Texts.get("clusters.upgrade.version"));
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
        alert.initOwner(owner());
        alert.setTitle(Texts.get("clusters.review.title"));
        alert.setHeaderText(change.summary());
        alert.getDialogPane().setId("change-confirmation");
        ButtonType make = new ButtonType(Texts.get(change.kind() == Change.Kind.DELETE ? "clusters.review.delete"
                : "clusters.review.make"),
                ButtonBar.ButtonData.OK_DONE);
        alert.getButtonTypes().setAll(make, ButtonType.CANCEL);
        VBox content = new VBox(8, preview);
        if (change.target().kind().equals("Cluster") && change.kind() == Change.Kind.DELETE) {
            TextField typed = new TextField();
            typed.setId("confirm-cluster-name");
            typed.setPromptText(change.target().name());
            content.getChildren().add(new Label(Texts.get("clusters.review.typeName", change.target().name())));
            content.getChildren().add(typed);
            alert.getDialogPane().lookupButton(make).disableProperty()
                    .bind(typed.textProperty().isNotEqualTo(change.target().name()));
        }
        alert.getDialogPane().setContent(content);
        alert.getDialogPane().setMinWidth(720);
        alert.showAndWait().filter(make::equals).ifPresentOrElse(b -> operations.confirm(), operations::cancel);
    }
}
