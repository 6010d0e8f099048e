package dev.capiconsole.ui.install;

import dev.capiconsole.ui.common.Columns;
import dev.capiconsole.ui.common.Texts;
import dev.capiconsole.ui.common.WorkFooter;
import java.util.List;
import java.util.Map;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The Upgrades tab of Install providers: the plan per contract with a target version per provider, the preview
 * (the objects each provider's upgrade adds, changes and removes, the selected change's diff), then the upgrade's
 * steps after a confirmation.
 */
public final class UpgradesPane {

    private static final Map<UpgradesViewModel.Kind, String> ENTRY_STYLES = Map.of(
            UpgradesViewModel.Kind.PROVIDER, "group-row", UpgradesViewModel.Kind.ADDED, "status-good",
            UpgradesViewModel.Kind.CHANGED, "condition-row", UpgradesViewModel.Kind.REMOVED, "deleted-row",
            UpgradesViewModel.Kind.STORAGE, "status-unknown");

    private final VBox root;
    private final UpgradesViewModel model;

    public UpgradesPane(UpgradesViewModel model) {
        this.model = model;
        ComboBox<String> contract = new ComboBox<>(model.contracts());
        contract.setId("upgrades-contract");
        contract.valueProperty().bindBidirectional(model.contractProperty());
        Button refresh = new Button(Texts.get("install.button.refresh"), new FontIcon(Feather.REFRESH_CW));
        refresh.setId("upgrades-refresh");
        refresh.disableProperty().bind(model.busyProperty());
        refresh.setOnAction(e -> model.refresh());
        Label certManager = new Label();
        certManager.setId("upgrades-cert-manager");
        certManager.textProperty().bind(model.certManagerProperty());
        HBox planRow = new HBox(8, new Label(Texts.get("install.upgrades.contract")), contract, refresh,
                certManager);
        planRow.setAlignment(Pos.CENTER_LEFT);

        Button preview = new Button(Texts.get("install.upgrades.button.preview"), new FontIcon(Feather.EYE));
        preview.setId("upgrades-preview");
        preview.getStyleClass().add("accent");
        preview.disableProperty().bind(model.busyProperty());
        preview.setOnAction(e -> model.preview());
        Button apply = new Button(Texts.get("install.upgrades.button.apply"), new FontIcon(Feather.ARROW_UP_CIRCLE));
        apply.setId("upgrades-apply");
        apply.getStyleClass().add("danger");
        apply.disableProperty().bind(model.applicableProperty().not().or(model.busyProperty()));
        apply.setOnAction(e -> confirmApply());
        HBox actions = new HBox(8, preview, apply);
        actions.setAlignment(Pos.CENTER_LEFT);

        SplitPane previewSplit = new SplitPane(entries(), diff());
        previewSplit.setDividerPositions(0.5);
        VBox.setVgrow(previewSplit, Priority.ALWAYS);

        ListView<String> steps = new ListView<>(model.steps());
        steps.setId("upgrades-steps");
        steps.setPrefHeight(110);
        steps.getStyleClass().add("lab-log");
        steps.setPlaceholder(new Label(Texts.get("install.upgrades.stepsEmpty")));
        model.steps().addListener((ListChangeListener<String>) c -> steps.scrollTo(steps.getItems().size() - 1));

        root = new VBox(10, lead(Texts.get("install.upgrades.lead")), planRow, providers(), actions, previewSplit,
                steps, WorkFooter.of("upgrades", model.busyProperty(), model.statusProperty(), model.errorProperty()));
        root.setId("upgrades-pane");
        root.getStyleClass().add("page");
    }

    public Node root() {
        return root;
    }

    private TableView<UpgradesViewModel.Row> providers() {
        TableView<UpgradesViewModel.Row> table = new TableView<>(model.rows());
        table.setId("upgrades-providers");
        table.setPrefHeight(185);
        table.setMinHeight(Region.USE_PREF_SIZE);
        table.setPlaceholder(new Label(Texts.get("install.upgrades.empty")));
        TableColumn<UpgradesViewModel.Row, String> target = new TableColumn<>(
                Texts.get("install.upgrades.column.target"));
        target.setPrefWidth(150);
        target.setCellFactory(column -> new TargetCell());
        table.getColumns().setAll(List.of(
                Columns.column(Texts.get("install.upgrades.column.name"), 190, r -> r.provider().name()),
                Columns.column(Texts.get("install.upgrades.column.namespace"), 270, r -> r.provider().namespace()),
                Columns.column(Texts.get("install.upgrades.column.type"), 170,
                        r -> r.provider().type().clusterctlName()),
                Columns.column(Texts.get("install.upgrades.column.current"), 110, r -> r.provider().version()),
                Columns.column(Texts.get("install.upgrades.column.planned"), 140, r -> r.planned().isEmpty()
                        ? Texts.get("install.upgrades.upToDate") : r.planned()),
                target));
        return table;
    }

    /** The target version, typed in place; empty leaves the provider as it is. */
    private static final class TargetCell extends TableCell<UpgradesViewModel.Row, String> {
        private final TextField field = new TextField();
        private UpgradesViewModel.Row shown;

        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            if (shown != null) {
                field.textProperty().unbindBidirectional(shown.target());
                shown = null;
            }
            UpgradesViewModel.Row row = empty || getTableRow() == null ? null : getTableRow().getItem();
            if (row == null) {
                setGraphic(null);
                return;
            }
            shown = row;
            field.setPromptText(row.provider().version());
            field.textProperty().bindBidirectional(row.target());
            setGraphic(field);
        }
    }

    private VBox entries() {
        ListView<UpgradesViewModel.Entry> list = new ListView<>(model.entries());
        list.setId("upgrades-entries");
        list.setPlaceholder(new Label(Texts.get("install.upgrades.previewEmpty")));
        list.getStyleClass().add("lab-log");
        list.setCellFactory(view -> new ListCell<>() {
            @Override
            protected void updateItem(UpgradesViewModel.Entry entry, boolean empty) {
                super.updateItem(entry, empty);
                getStyleClass().removeAll(ENTRY_STYLES.values());
                setText(empty || entry == null ? null : entry.text());
                if (!empty && entry != null) {
                    getStyleClass().add(ENTRY_STYLES.get(entry.kind()));
                }
            }
        });
        list.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> model.selectedProperty()
                .set(now));
        model.selectedProperty().addListener((obs, old, now) -> {
            if (now == null) {
                list.getSelectionModel().clearSelection();
            } else {
                list.getSelectionModel().select(now);
            }
        });
        VBox.setVgrow(list, Priority.ALWAYS);
        return new VBox(6, new Label(Texts.get("install.upgrades.preview.title")), list);
    }

    private VBox diff() {
        TextArea diff = new TextArea();
        diff.setId("upgrades-diff");
        diff.setEditable(false);
        diff.getStyleClass().add("yaml");
        diff.setPromptText(Texts.get("install.upgrades.diffEmpty"));
        diff.textProperty().bind(model.diffProperty());
        VBox.setVgrow(diff, Priority.ALWAYS);
        return new VBox(6, new Label(Texts.get("install.upgrades.diff.title")), diff);
    }

    private void confirmApply() {
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION);
        alert.initOwner(root.getScene().getWindow());
        alert.setTitle(Texts.get("install.upgrades.confirm.title"));
        alert.setHeaderText(Texts.get("install.upgrades.confirm.header", model.connectedProperty().get().name()));
        alert.setContentText(Texts.get("install.upgrades.confirm.text"));
        alert.getDialogPane().setId("upgrades-confirmation");
        alert.getDialogPane().setMinWidth(520);
        ButtonType upgrade = new ButtonType(Texts.get("install.upgrades.button.apply"), ButtonBar.ButtonData.OK_DONE);
        alert.getButtonTypes().setAll(upgrade, ButtonType.CANCEL);
        alert.showAndWait().filter(upgrade::equals).ifPresent(b -> model.apply());
    }

    private static Label lead(String text) {
        Label lead = new Label(text);
        lead.setWrapText(true);
        lead.setMinHeight(Region.USE_PREF_SIZE);
        lead.getStyleClass().add("muted");
        return lead;
    }
}
