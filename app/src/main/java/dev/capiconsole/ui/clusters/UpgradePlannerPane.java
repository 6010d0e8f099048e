package dev.capiconsole.ui.clusters;

import static dev.capiconsole.ui.common.Columns.column;

import atlantafx.base.theme.Styles;
import dev.capiconsole.ui.common.Labels;
import dev.capiconsole.ui.common.StatusCells;
import dev.capiconsole.ui.common.Texts;
import dev.capiconsole.upgradeplan.Blocker;
import dev.capiconsole.upgradeplan.PlanStep;
import dev.capiconsole.upgradeplan.StepProgress;
import dev.capiconsole.upgradeplan.WorkerGroup;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Window;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The chained-upgrade planner of a topology Cluster, a window beside the page that stays open while the upgrade
 * runs: the target, the plan (control plane, then each worker group, per version), the workers' defer and hold
 * toggles, Start, and the live timeline of the steps with what blocks each.
 */
final class UpgradePlannerPane {

    private final UpgradePlannerViewModel model;
    private final Dialog<Void> dialog = new Dialog<>();
    private final VBox workerRows = new VBox(4);

    UpgradePlannerPane(UpgradePlannerViewModel model) {
        this.model = model;
        dialog.setTitle(Texts.get("clusters.planner.title"));
        dialog.initModality(Modality.NONE);
        dialog.setResizable(true);
        dialog.getDialogPane().setId("upgrade-planner");
        dialog.getDialogPane().getButtonTypes().setAll(ButtonType.CLOSE);
        dialog.getDialogPane().setContent(content());
        dialog.getDialogPane().setMinSize(1000, 660);
        dialog.setOnHidden(e -> model.close());
        model.workers().addListener((ListChangeListener<WorkerGroup>) change -> showWorkers());
    }

    /** Shows the planner (or brings it to the front) for the Cluster the view-model was opened on. */
    void show(Window owner) {
        if (dialog.isShowing()) {
            dialog.getDialogPane().getScene().getWindow().requestFocus();
            return;
        }
        if (dialog.getOwner() == null) {
            dialog.initOwner(owner);
        }
        dialog.show();
    }

    private Node content() {
        Label title = Labels.title("");
        title.textProperty().bind(model.titleProperty());
        ComboBox<String> target = new ComboBox<>(model.choices());
        target.setId("planner-target");
        target.valueProperty().bindBidirectional(model.targetProperty());
        Button start = new Button(Texts.get("clusters.planner.start"), new FontIcon(Feather.PLAY));
        start.setId("planner-start");
        start.getStyleClass().add(Styles.ACCENT);
        start.disableProperty().bind(model.startedProperty().or(model.targetProperty().isNull())
                .or(Bindings.isEmpty(model.steps())));
        start.setOnAction(e -> model.start());
        HBox bar = new HBox(8, new Label(Texts.get("clusters.planner.target")), target, start);
        bar.setAlignment(Pos.CENTER_LEFT);
        Label summary = Labels.muted("", true);
        summary.setId("planner-summary");
        summary.textProperty().bind(model.summaryProperty());
        Label reported = Labels.muted("", true);
        reported.setId("planner-reported");
        reported.textProperty().bind(model.reportedProperty());
        Label message = Labels.muted("", true);
        message.textProperty().bind(model.messageProperty());
        Label workersTitle = new Label(Texts.get("clusters.planner.workers"));
        workersTitle.getStyleClass().add(Styles.TEXT_BOLD);
        VBox root = new VBox(8, title, bar, summary, steps(), workersTitle, workerRows, reported, message);
        root.setFillWidth(true);
        return root;
    }

    private Node steps() {
        TableView<StepProgress> table = new TableView<>(model.steps());
        table.setId("planner-steps");
        table.getStyleClass().add(Styles.DENSE);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(column("#", 40, s -> String.valueOf(model.steps().indexOf(s) + 1)));
        table.getColumns().add(column(Texts.get("clusters.planner.column.step"), 210,
                s -> UpgradePlannerViewModel.what(s.step())));
        table.getColumns().add(column(Texts.get("clusters.planner.column.version"), 90, s -> s.step().version()));
        TableColumn<StepProgress, String> state = column(Texts.get("clusters.planner.column.state"), 140,
                s -> s.state().name());
        state.setCellFactory(c -> stateCell());
        table.getColumns().add(state);
        table.getColumns().add(column(Texts.get("clusters.planner.column.machines"), 90,
                s -> s.machines() == 0 ? "" : s.machinesAtVersion() + "/" + s.machines()));
        TableColumn<StepProgress, String> blockers = column(Texts.get("clusters.planner.column.blockers"), 330,
                s -> s.blockers().stream().map(UpgradePlannerPane::blocker).collect(Collectors.joining("\n")));
        blockers.setCellFactory(c -> StatusCells.wrappingCell());
        table.getColumns().add(blockers);
        table.setPlaceholder(Labels.muted(Texts.get("clusters.planner.empty"), true));
        table.setPrefHeight(260);
        VBox.setVgrow(table, Priority.ALWAYS);
        return table;
    }

    private TableCell<StepProgress, String> stateCell() {
        return new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().removeAll("status-good", "status-unknown", "status-bad");
                StepProgress step = empty || getTableRow() == null ? null : getTableRow().getItem();
                if (step == null) {
                    setText(null);
                    setGraphic(null);
                    return;
                }
                boolean blocked = !step.blockers().isEmpty();
                String style = switch (step.state()) {
                    case DONE -> "status-good";
                    case IN_PROGRESS -> "status-unknown";
                    case WAITING -> blocked && model.startedProperty().get() ? "status-bad" : null;
                };
                Feather icon = switch (step.state()) {
                    case DONE -> Feather.CHECK_CIRCLE;
                    case IN_PROGRESS -> Feather.REFRESH_CW;
                    case WAITING -> blocked ? Feather.PAUSE_CIRCLE : Feather.CLOCK;
                };
                FontIcon graphic = new FontIcon(icon);
                if (style != null) {
                    getStyleClass().add(style);
                    graphic.getStyleClass().add(style);
                }
                setGraphic(graphic);
                setText(!model.startedProperty().get() ? Texts.get("clusters.planner.state.planned")
                        : switch (step.state()) {
                            case DONE -> Texts.get("clusters.planner.state.done");
                            case IN_PROGRESS -> Texts.get("clusters.planner.state.inProgress");
                            case WAITING -> Texts.get(blocked ? "clusters.planner.state.blocked"
                                    : "clusters.planner.state.waiting");
                        });
            }
        };
    }

    /** One worker group a row: its version and its two upgrade annotations as toggles that propose the change. */
    private void showWorkers() {
        GridPane grid = new GridPane();
        grid.setHgap(16);
        grid.setVgap(4);
        int row = 0;
        for (WorkerGroup worker : model.workers()) {
            Label name = new Label(Texts.get(worker.kind() == PlanStep.Target.MACHINE_POOL
                    ? "clusters.planner.step.machinePool" : "clusters.planner.step.machineDeployment", worker.name())
                    + "  " + worker.version());
            CheckBox defer = toggle("planner-defer-" + worker.name(), "clusters.planner.defer",
                    worker.deferUpgrade(), () -> model.deferUpgrade(worker, !worker.deferUpgrade()));
            CheckBox hold = toggle("planner-hold-" + worker.name(), "clusters.planner.hold",
                    worker.holdUpgradeSequence(), () -> model.holdUpgradeSequence(worker,
                            !worker.holdUpgradeSequence()));
            grid.addRow(row++, name, defer, hold);
        }
        if (row == 0) {
            grid.addRow(0, Labels.muted(Texts.get("clusters.planner.noWorkers"), false));
        }
        workerRows.getChildren().setAll(grid);
    }

    /** A check box showing an annotation; clicking proposes the change and leaves the box as the Cluster has it. */
    private static CheckBox toggle(String id, String textKey, boolean set, Runnable propose) {
        CheckBox box = new CheckBox(Texts.get(textKey));
        box.setId(id);
        box.setSelected(set);
        box.setOnAction(e -> {
            box.setSelected(set);
            propose.run();
        });
        return box;
    }

    private static String blocker(Blocker blocker) {
        return switch (blocker.kind()) {
            case CLUSTER_PAUSED -> Texts.get("clusters.planner.blocker.clusterPaused", blocker.detail());
            case PAUSED -> Texts.get("clusters.planner.blocker.paused", blocker.subject(), blocker.detail());
            case DEFERRED -> Texts.get("clusters.planner.blocker.deferred", blocker.subject());
            case HELD -> Texts.get("clusters.planner.blocker.held", blocker.subject());
            case HOOK -> Texts.get("clusters.planner.blocker.hook", blocker.detail());
            case HEALTH_CHECK_FAILED -> Texts.get("clusters.planner.blocker.healthCheck", blocker.subject());
            case REMEDIATING -> Texts.get("clusters.planner.blocker.remediating", blocker.subject());
        };
    }
}
