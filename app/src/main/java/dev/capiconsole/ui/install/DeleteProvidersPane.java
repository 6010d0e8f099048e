package dev.capiconsole.ui.install;

import dev.capiconsole.ui.common.Texts;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The Delete tab of Install providers: choose, preview, type the cluster's name, delete. */
public final class DeleteProvidersPane {

    private final VBox root;

    public DeleteProvidersPane(DeleteProvidersViewModel model) {
        ListView<DeleteProvidersViewModel.Choice> providers = new ListView<>(model.providers());
        providers.setId("delete-providers");
        providers.setPrefHeight(130);
        providers.setPlaceholder(new Label(Texts.get("install.delete.empty")));
        providers.setCellFactory(list -> new ListCell<>() {
            private final CheckBox box = new CheckBox();
            private DeleteProvidersViewModel.Choice shown;

            @Override
            protected void updateItem(DeleteProvidersViewModel.Choice choice, boolean empty) {
                super.updateItem(choice, empty);
                if (shown != null) {
                    box.selectedProperty().unbindBidirectional(shown.chosen());
                    shown = null;
                }
                if (empty || choice == null) {
                    setGraphic(null);
                    return;
                }
                shown = choice;
                box.setText(Texts.get("install.delete.choice", choice.provider().name(), choice.provider().version(),
                        choice.provider().namespace()));
                box.selectedProperty().bindBidirectional(choice.chosen());
                setGraphic(box);
            }
        });
        CheckBox includeNamespace = new CheckBox(Texts.get("install.delete.includeNamespace"));
        includeNamespace.selectedProperty().bindBidirectional(model.includeNamespaceProperty());
        CheckBox includeCrd = new CheckBox(Texts.get("install.delete.includeCrd"));
        includeCrd.selectedProperty().bindBidirectional(model.includeCrdProperty());
        Button refresh = new Button(Texts.get("install.button.refresh"), new FontIcon(Feather.REFRESH_CW));
        refresh.setOnAction(e -> model.refresh());
        Button preview = new Button(Texts.get("install.delete.button.preview"), new FontIcon(Feather.EYE));
        preview.setId("delete-preview");
        preview.disableProperty().bind(model.runningProperty());
        preview.setOnAction(e -> model.preview());
        HBox options = new HBox(12, includeNamespace, includeCrd, refresh, preview);
        options.setAlignment(Pos.CENTER_LEFT);

        TextArea plan = new TextArea();
        plan.setId("delete-plan");
        plan.setEditable(false);
        plan.getStyleClass().add("yaml");
        plan.textProperty().bind(model.previewProperty());
        plan.setPromptText(Texts.get("install.delete.planEmpty"));
        VBox.setVgrow(plan, Priority.ALWAYS);

        TextField typed = new TextField();
        typed.setId("delete-typed-name");
        typed.textProperty().bindBidirectional(model.typedNameProperty());
        typed.disableProperty().bind(model.planProperty().isNull());
        HBox.setHgrow(typed, Priority.ALWAYS);
        Label typeLabel = new Label();
        typeLabel.textProperty().bind(Bindings.createStringBinding(() -> model.connectedProperty().get() == null ? ""
                : Texts.get("install.delete.typeName", model.connectedProperty().get().name()),
                model.connectedProperty()));
        Button delete = new Button(Texts.get("install.delete.button.delete"), new FontIcon(Feather.TRASH_2));
        delete.setId("delete-run");
        delete.getStyleClass().add("danger");
        delete.disableProperty().bind(model.confirmedProperty().not().or(model.runningProperty()));
        delete.setOnAction(e -> model.delete());
        HBox confirm = new HBox(8, typeLabel, typed, delete);
        confirm.setAlignment(Pos.CENTER_LEFT);
        Label status = new Label();
        status.setId("delete-status");
        status.setWrapText(true);
        status.textProperty().bind(model.statusProperty());

        root = new VBox(10, lead(Texts.get("install.delete.lead")), providers, options, plan, confirm, status);
        root.setId("delete-pane");
        root.getStyleClass().add("page");
        root.sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null) {
                model.refresh();
            }
        });
    }

    public Node root() {
        return root;
    }

    private static Label lead(String text) {
        Label lead = new Label(text);
        lead.setWrapText(true);
        lead.setMinHeight(Region.USE_PREF_SIZE);
        lead.getStyleClass().add("muted");
        return lead;
    }
}
