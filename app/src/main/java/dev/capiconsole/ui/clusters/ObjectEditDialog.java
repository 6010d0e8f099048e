package dev.capiconsole.ui.clusters;

import dev.capiconsole.connection.FieldManager;
import dev.capiconsole.operations.ChangeFailed;
import dev.capiconsole.operations.EditApplier;
import dev.capiconsole.operations.ObjectEdit;
import dev.capiconsole.operations.OperationRefused;
import dev.capiconsole.topology.CapiObject;
import dev.capiconsole.ui.common.Texts;
import javafx.beans.value.ChangeListener;
import javafx.event.ActionEvent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Window;

/**
 * Edits one object: the YAML (status and server-kept metadata left out), Review shows the diff, Apply server-side
 * applies only the changed fields with the resourceVersion the edit began from. A concurrent change shows the diff
 * between the start and the live object and offers to start again from the live one; fields owned by another
 * manager are named, and taking them over is a separate, explicit choice.
 */
final class ObjectEditDialog {

    private final ButtonType reviewButton = new ButtonType(Texts.get("clusters.edit.review"),
            ButtonBar.ButtonData.LEFT);
    private final ButtonType applyButton = new ButtonType(Texts.get("clusters.edit.apply"),
            ButtonBar.ButtonData.OK_DONE);
    private final ButtonType takeOverButton = new ButtonType(Texts.get("clusters.edit.takeOver"),
            ButtonBar.ButtonData.OTHER);
    private final ButtonType reloadButton = new ButtonType(Texts.get("clusters.edit.reload"),
            ButtonBar.ButtonData.OTHER);

    private final Dialog<ButtonType> dialog = new Dialog<>();
    private final OperationsViewModel operations;
    private final TextArea editor = new TextArea();
    private final TextArea review = new TextArea();
    private final Label status = new Label(Texts.get("clusters.edit.start"));
    private CapiObject original;
    private ObjectEdit reviewed;

    ObjectEditDialog(Window owner, OperationsViewModel operations, CapiObject object) {
        this.operations = operations;
        this.original = object;
        dialog.initOwner(owner);
        dialog.initModality(Modality.NONE);
        dialog.setTitle(Texts.get("clusters.edit.title", object.kind(), object.namespace(), object.name()));
        dialog.setResizable(true);
        dialog.getDialogPane().setId("edit-dialog");
        editor.setId("edit-yaml");
        editor.getStyleClass().add("yaml");
        editor.setText(ObjectEdit.editableYaml(object));
        review.setId("edit-diff");
        review.setEditable(false);
        review.getStyleClass().add("yaml");
        status.setId("edit-status");
        status.setWrapText(true);
        SplitPane panes = new SplitPane(editor, review);
        panes.setDividerPositions(0.55);
        VBox content = new VBox(8, status, panes);
        VBox.setVgrow(panes, Priority.ALWAYS);
        content.setPrefSize(1100, 640);
        dialog.getDialogPane().setPrefSize(1140, 760);
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().getButtonTypes().setAll(reviewButton, applyButton, takeOverButton, reloadButton, ButtonType.CLOSE);
        button(applyButton).setDisable(true);
        button(takeOverButton).setVisible(false);
        button(reloadButton).setVisible(false);
        editor.textProperty().addListener((obs, old, now) -> {
            reviewed = null;
            button(applyButton).setDisable(true);
            button(takeOverButton).setVisible(false);
        });
        keepOpen(reviewButton, this::review);
        keepOpen(applyButton, () -> apply(false));
        keepOpen(takeOverButton, () -> apply(true));
        keepOpen(reloadButton, this::reload);
        ChangeListener<EditApplier.Outcome> results = (obs, old, result) -> {
            if (result != null) {
                show(result);
            }
        };
        operations.editResultProperty().addListener(results);
        dialog.setOnHidden(e -> operations.editResultProperty().removeListener(results));
    }

    void show() {
        dialog.show();
        // The dialog sizes itself to its buttons on some window managers: give the two text panes room.
        dialog.setWidth(Math.max(dialog.getWidth(), 1140));
        dialog.setHeight(Math.max(dialog.getHeight(), 760));
    }

    private Button button(ButtonType type) {
        return (Button) dialog.getDialogPane().lookupButton(type);
    }

    private void keepOpen(ButtonType type, Runnable action) {
        button(type).addEventFilter(ActionEvent.ACTION, event -> {
            event.consume();
            action.run();
        });
    }

    private void review() {
        try {
            reviewed = ObjectEdit.plan(original, editor.getText());
            review.setText(String.join("\n", reviewed.diff()));
            status.setText(Texts.get("clusters.edit.reviewed", FieldManager.NAME));
            button(applyButton).setDisable(false);
        } catch (OperationRefused e) {
            reviewed = null;
            review.clear();
            status.setText(Texts.get("clusters.edit.cannotApply", e.getMessage()));
            button(applyButton).setDisable(true);
        }
    }

    private void apply(boolean takeOver) {
        if (reviewed == null) {
            return;
        }
        status.setText(Texts.get("clusters.edit.applying"));
        button(applyButton).setDisable(true);
        operations.applyEdit(reviewed, takeOver, original);
    }

    private void show(EditApplier.Outcome result) {
        if (result.applied()) {
            status.setText(Texts.get("clusters.edit.applied", result.message()));
            button(takeOverButton).setVisible(false);
            return;
        }
        status.setText(result.message());
        if (result.failure() == ChangeFailed.Reason.CHANGED && result.live() != null) {
            review.setText(Texts.get("clusters.edit.changedMeanwhile") + "\n\n" + String.join("\n", result.diff()));
            button(reloadButton).setUserData(result.live());
            button(reloadButton).setVisible(true);
        } else if (result.failure() == ChangeFailed.Reason.FIELDS_OWNED) {
            button(takeOverButton).setVisible(true);
            button(applyButton).setDisable(false);
        } else {
            button(applyButton).setDisable(false);
        }
    }

    private void reload() {
        if (button(reloadButton).getUserData() instanceof CapiObject live) {
            original = live;
            editor.setText(ObjectEdit.editableYaml(live));
            review.clear();
            status.setText(Texts.get("clusters.edit.reloaded"));
            button(reloadButton).setVisible(false);
        }
    }
}
