package dev.capiconsole.ui.install;

import dev.capiconsole.addons.Addon;
import dev.capiconsole.addons.AddonCatalog;
import dev.capiconsole.ui.common.FileField;
import dev.capiconsole.ui.common.Texts;
import java.io.File;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The Images tab of Install providers: the quickstart's images, the mirror script, overrides and kind load. */
public final class ImagesPane {

    private final VBox root;

    public ImagesPane(ImagesViewModel model) {
        TextField infrastructure = new TextField();
        infrastructure.setId("images-infrastructure");
        infrastructure.textProperty().bindBidirectional(model.infrastructureProperty());
        TextField version = new TextField();
        version.setId("images-kubernetes-version");
        version.textProperty().bindBidirectional(model.kubernetesVersionProperty());
        ComboBox<String> cni = new ComboBox<>();
        cni.getItems().setAll(AddonCatalog.all().stream().map(Addon::name).toList());
        cni.valueProperty().bindBidirectional(model.cniProperty());
        CheckBox offline = new CheckBox(Texts.get("install.images.offline"));
        offline.selectedProperty().bindBidirectional(model.offlineProperty());
        Button list = new Button(Texts.get("install.images.button.list"), new FontIcon(Feather.LIST));
        list.setId("images-list");
        list.getStyleClass().add("accent");
        list.disableProperty().bind(model.runningProperty());
        list.setOnAction(e -> model.list());
        HBox form = new HBox(8, new Label(Texts.get("install.images.infrastructure")), infrastructure,
                new Label(Texts.get("install.images.kubernetesVersion")), version,
                new Label(Texts.get("install.images.cni")), cni, offline, list);
        form.setAlignment(Pos.CENTER_LEFT);

        TextArea images = readOnly("images-text", model.listTextProperty().get());
        images.textProperty().bind(model.listTextProperty());
        TextArea script = readOnly("images-script", "");
        script.textProperty().bind(model.scriptProperty());
        Button copyList = new Button(Texts.get("install.images.button.copyList"), new FontIcon(Feather.COPY));
        copyList.setOnAction(e -> copy(model.listTextProperty().get()));
        Button copyScript = new Button(Texts.get("install.images.button.copyScript"), new FontIcon(Feather.COPY));
        copyScript.setOnAction(e -> copy(model.scriptProperty().get()));
        Button save = new Button(Texts.get("install.images.button.saveScript"), new FontIcon(Feather.SAVE));
        save.setId("images-save-script");
        save.disableProperty().bind(model.scriptProperty().isEmpty());
        save.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle(Texts.get("install.images.button.saveScript"));
            chooser.setInitialFileName("mirror-images.sh");
            File file = chooser.showSaveDialog(save.getScene().getWindow());
            if (file != null) {
                model.saveScript(file.toPath());
            }
        });
        SplitPane texts = new SplitPane(column(Texts.get("install.images.list.title"), images, copyList),
                column(Texts.get("install.images.script.title"), script, new HBox(8, copyScript, save)));
        texts.setDividerPositions(0.4);
        VBox.setVgrow(texts, Priority.ALWAYS);

        Label overrides = new Label();
        overrides.setId("images-overrides");
        overrides.setWrapText(true);
        overrides.textProperty().bind(model.overridesProperty());
        Label status = new Label();
        status.setId("images-status");
        status.getStyleClass().add("muted");
        status.textProperty().bind(model.statusProperty());

        TextField kindCluster = new TextField();
        kindCluster.setId("images-kind-cluster");
        kindCluster.setPrefColumnCount(14);
        kindCluster.textProperty().bindBidirectional(model.kindClusterProperty());
        TextField archive = new TextField();
        archive.setId("images-archive");
        archive.textProperty().bindBidirectional(model.archiveProperty());
        HBox archiveRow = FileField.row(archive, Texts.get("install.images.load.browse"),
                Texts.get("install.images.load.archive"), model.archiveProperty(),
                new FileChooser.ExtensionFilter(Texts.get("install.images.load.tarFiles"), "*.tar"));
        HBox.setHgrow(archiveRow, Priority.ALWAYS);
        Button load = new Button(Texts.get("install.images.load.button"), new FontIcon(Feather.UPLOAD));
        load.setId("images-load");
        load.disableProperty().bind(model.loadingProperty());
        load.setOnAction(e -> model.loadArchive());
        HBox loadRow = new HBox(8, new Label(Texts.get("install.images.load.cluster")), kindCluster,
                new Label(Texts.get("install.images.load.archive")), archiveRow, load);
        loadRow.setAlignment(Pos.CENTER_LEFT);
        ListView<String> loadLines = new ListView<>(model.loadLines());
        loadLines.setId("images-load-lines");
        loadLines.setPrefHeight(90);
        loadLines.getStyleClass().add("lab-log");
        loadLines.setPlaceholder(new Label(Texts.get("install.images.load.empty")));
        model.loadLines().addListener((ListChangeListener<String>) c -> loadLines.scrollTo(loadLines.getItems()
                .size() - 1));

        root = new VBox(10, lead(Texts.get("install.images.lead")), form, status, texts,
                new Label(Texts.get("install.images.overrides.title")), overrides,
                new Label(Texts.get("install.images.load.title")), loadRow, loadLines);
        root.setId("images-pane");
        root.getStyleClass().add("page");
    }

    public Node root() {
        return root;
    }

    private static TextArea readOnly(String id, String text) {
        TextArea area = new TextArea(text);
        area.setId(id);
        area.setEditable(false);
        area.getStyleClass().add("yaml");
        VBox.setVgrow(area, Priority.ALWAYS);
        return area;
    }

    private static VBox column(String title, TextArea area, Node buttons) {
        return new VBox(6, new Label(title), area, buttons);
    }

    private static void copy(String text) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
    }

    private static Label lead(String text) {
        Label lead = new Label(text);
        lead.setWrapText(true);
        lead.setMinHeight(Region.USE_PREF_SIZE);
        lead.getStyleClass().add("muted");
        return lead;
    }
}
