package dev.capiconsole.ui.generate;

import dev.capiconsole.addons.AddonCatalog;
import dev.capiconsole.addons.ClusterAddons;
import dev.capiconsole.addons.Strategy;
import dev.capiconsole.clusterclass.ClusterClassModel;
import dev.capiconsole.templates.BuiltInTemplates;
import dev.capiconsole.templates.BuiltInTemplates.BuiltInTemplate;
import dev.capiconsole.templates.ClusterApplier;
import dev.capiconsole.templates.ClusterApplier.ObjectResult;
import dev.capiconsole.templates.GeneratedCluster;
import dev.capiconsole.templates.TemplateObjects;
import dev.capiconsole.ui.common.FileField;
import dev.capiconsole.ui.common.Labels;
import dev.capiconsole.ui.common.Texts;
import dev.capiconsole.ui.common.WorkFooter;
import dev.capiconsole.ui.common.YamlText;
import dev.capiconsole.ui.generate.GenerateViewModel.SourceKind;
import dev.capiconsole.ui.generate.GenerateViewModel.Step;
import dev.capiconsole.ui.generate.GenerateViewModel.VariableField;
import java.io.File;
import java.util.List;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.geometry.HPos;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.text.TextFlow;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The generate-cluster wizard: one page per step, Back and Next below, errors where they happen. */
public final class GenerateView {

    private final GenerateViewModel model;
    private final VBox root = new VBox(12);
    private final StackPane pages = new StackPane();
    private final HBox steps = new HBox(6);

    public GenerateView(GenerateViewModel model) {
        this.model = model;
        root.getStyleClass().add("page");
        root.setId("generate-view");
        Label title = Labels.title(Texts.get("generate.page.title"));
        Label lead = Labels.muted(Texts.get("generate.page.lead"), true);
        steps.getStyleClass().add("wizard-steps");
        steps.setAlignment(Pos.CENTER_LEFT);

        VBox.setVgrow(pages, Priority.ALWAYS);
        root.getChildren().addAll(title, lead, steps, pages, footer());
        model.stepProperty().addListener((obs, old, now) -> show(now));
        show(model.stepProperty().get());
    }

    public Node root() {
        return root;
    }

    private void show(Step step) {
        steps.getChildren().clear();
        for (Step s : Step.values()) {
            Label label = new Label((s.ordinal() + 1) + "  " + s.title());
            label.getStyleClass().add("wizard-step");
            if (s == step) {
                label.getStyleClass().add("current");
            } else if (s.ordinal() < step.ordinal()) {
                label.getStyleClass().add("done");
            }
            steps.getChildren().add(label);
            if (s != Step.APPLY) {
                steps.getChildren().add(new FontIcon(Feather.CHEVRON_RIGHT));
            }
        }
        pages.getChildren().setAll(switch (step) {
            case TEMPLATE -> templatePage();
            case CLUSTER -> clusterPage();
            case VARIABLES -> variablesPage();
            case ADDONS -> addonsPage();
            case PREVIEW -> previewPage();
            case APPLY -> applyPage();
        });
    }

    // ------------------------------------------------------------------ footer

    private Node footer() {
        Button back = new Button(Texts.get("generate.button.back"), new FontIcon(Feather.ARROW_LEFT));
        back.setId("wizard-back");
        back.setOnAction(e -> model.back());
        back.disableProperty().bind(model.stepProperty().isEqualTo(Step.TEMPLATE).or(model.busyProperty()));
        Button next = new Button();
        next.setId("wizard-next");
        next.getStyleClass().add("accent");
        next.setGraphic(new FontIcon(Feather.ARROW_RIGHT));
        next.textProperty().bind(Bindings.createStringBinding(() -> switch (model.stepProperty().get()) {
            case TEMPLATE -> Texts.get(model.sourceKindProperty().get() == SourceKind.CLUSTER_CLASS
                    ? "generate.button.readClass" : "generate.button.readTemplate");
            case CLUSTER, VARIABLES, APPLY -> Texts.get("generate.button.next");
            case ADDONS -> Texts.get("generate.button.generate");
            case PREVIEW -> Texts.get("generate.button.continueToApply");
        }, model.stepProperty(), model.sourceKindProperty()));
        next.setOnAction(e -> model.next());
        next.setDefaultButton(true);
        next.disableProperty().bind(model.busyProperty());
        next.visibleProperty().bind(model.stepProperty().isNotEqualTo(Step.APPLY));

        return WorkFooter.of("wizard", model.busyProperty(), model.statusProperty(), model.errorProperty(), back, next);
    }

    // ------------------------------------------------------------------ step 1

    private Node templatePage() {
        ToggleGroup group = new ToggleGroup();
        RadioButton builtIn = option(group, Texts.get("generate.source.builtIn"), SourceKind.BUILT_IN, "source-built-in");
        RadioButton release = option(group, Texts.get("generate.source.release"),
                SourceKind.PROVIDER_RELEASE, "source-release");
        RadioButton location = option(group, Texts.get("generate.source.location"), SourceKind.LOCATION, "source-location");
        RadioButton configMap = option(group, Texts.get("generate.source.configMap"), SourceKind.CONFIG_MAP,
                "source-config-map");

        ListView<BuiltInTemplate> templates = new ListView<>();
        templates.setId("built-in-templates");
        templates.getItems().setAll(BuiltInTemplates.all());
        templates.setPrefHeight(150);
        templates.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(BuiltInTemplate item, boolean empty) {
                super.updateItem(item, empty);
                if (empty || item == null) {
                    setText(null);
                    setGraphic(null);
                    return;
                }
                Label name = new Label(item.provider() + "  ·  " + item.flavor());
                name.getStyleClass().add("source-option");
                Label description = Labels.muted(item.description(), true);
                description.maxWidthProperty().bind(list.widthProperty().subtract(40));
                setText(null);
                setGraphic(new VBox(2, name, description));
            }
        });
        templates.getSelectionModel().select(model.builtInProperty().get());
        templates.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null) {
                model.builtInProperty().set(now);
            }
        });
        templates.disableProperty().bind(builtIn.selectedProperty().not());

        ComboBox<String> provider = new ComboBox<>();
        provider.setId("release-provider");
        provider.setEditable(true);
        provider.setItems(model.infrastructureProviders());
        provider.valueProperty().bindBidirectional(model.providerProperty());
        TextField version = field("release-version", Texts.get("generate.release.versionPrompt"), model.providerVersionProperty());
        TextField flavor = field("release-flavor", Texts.get("generate.release.flavorPrompt"), model.flavorProperty());
        HBox releaseRow = new HBox(8, labelled(Texts.get("generate.release.provider"), provider),
                labelled(Texts.get("clusters.column.version"), version), labelled(Texts.get("generate.release.flavor"), flavor));
        releaseRow.disableProperty().bind(release.selectedProperty().not());

        TextField path = field("location", Texts.get("generate.location.prompt"), model.locationProperty());
        HBox locationRow = FileField.row(path, Texts.get("generate.location.choose"),
                Texts.get("generate.location.chooserTitle"), model.locationProperty(),
                new FileChooser.ExtensionFilter("YAML", "*.yaml", "*.yml"),
                new FileChooser.ExtensionFilter(Texts.get("generate.location.allFiles"), "*"));
        locationRow.disableProperty().bind(location.selectedProperty().not());

        HBox configMapRow = new HBox(8,
                labelled(Texts.get("common.column.namespace"), field("config-map-namespace", "default", model.configMapNamespaceProperty())),
                labelled(Texts.get("common.column.name"), field("config-map-name", Texts.get("generate.configMap.namePrompt"), model.configMapNameProperty())),
                labelled(Texts.get("generate.configMap.key"), field("config-map-key", "template", model.configMapKeyProperty())));
        configMapRow.disableProperty().bind(configMap.selectedProperty().not());

        RadioButton clusterClass = option(group, Texts.get("generate.source.clusterClass"), SourceKind.CLUSTER_CLASS,
                "source-cluster-class");
        Node classRow = classPicker();
        classRow.disableProperty().bind(clusterClass.selectedProperty().not());

        VBox page = new VBox(10, builtIn, indent(templates), release, indent(releaseRow), location,
                indent(locationRow), configMap, indent(configMapRow), clusterClass, indent(classRow));
        page.setId("wizard-template");
        return scroll(page);
    }

    /** The ClusterClasses of the management cluster to choose from, each with its variables and versions. */
    private Node classPicker() {
        ComboBox<ClusterClassModel> classes = new ComboBox<>(model.clusterClasses());
        classes.setId("class-picker");
        classes.setPrefWidth(420);
        classes.valueProperty().bindBidirectional(model.chosenClassProperty());
        classes.setConverter(new StringConverter<>() {
            @Override
            public String toString(ClusterClassModel c) {
                return c == null ? "" : Texts.get("generate.class.choice", c.namespace(), c.name(),
                        c.variables().size(), c.kubernetesVersions().isEmpty()
                                ? Texts.get("generate.class.anyVersionShort")
                                : String.join(", ", c.kubernetesVersions()));
            }

            @Override
            public ClusterClassModel fromString(String text) {
                return null;
            }
        });
        Label hint = hint(Bindings.createStringBinding(() -> model.connectedProperty().get() == null
                ? Texts.get("generate.class.connectFirst") : model.clusterClasses().isEmpty()
                ? Texts.get("generate.class.none") : Texts.get("generate.class.pickerHint"),
                model.connectedProperty(), model.clusterClasses()));
        return new VBox(4, classes, hint);
    }

    private RadioButton option(ToggleGroup group, String text, SourceKind kind, String id) {
        RadioButton button = new RadioButton(text);
        button.setId(id);
        button.getStyleClass().add("source-option");
        button.setToggleGroup(group);
        button.setSelected(model.sourceKindProperty().get() == kind);
        button.selectedProperty().addListener((obs, old, now) -> {
            if (now) {
                model.sourceKindProperty().set(kind);
            }
        });
        return button;
    }

    // ------------------------------------------------------------------ step 2

    private Node clusterPage() {
        if (model.fromClass()) {
            VBox page = new VBox(new ClassFormView(model.classFormProperty().get(), model.namespaces(),
                    model::checkWithServer).root());
            page.setId("wizard-cluster");
            return scroll(page);
        }
        GridPane grid = form();
        TextField name = field("cluster-name", "my-cluster", model.clusterNameProperty());
        ComboBox<String> namespace = new ComboBox<>(model.namespaces());
        namespace.setId("cluster-namespace");
        namespace.setEditable(true);
        namespace.setMaxWidth(Double.MAX_VALUE);
        namespace.getEditor().textProperty().bindBidirectional(model.namespaceProperty());
        TextField version = field("kubernetes-version", "v1.33.0", model.kubernetesVersionProperty());
        Spinner<Integer> controlPlane = new Spinner<>(1, 99, model.controlPlaneCountProperty().get());
        controlPlane.setId("control-plane-count");
        controlPlane.setEditable(true);
        controlPlane.valueProperty().addListener((obs, old, now) -> model.controlPlaneCountProperty().set(now));
        Spinner<Integer> workers = new Spinner<>(0, 999, model.workerCountProperty().get());
        workers.setId("worker-count");
        workers.setEditable(true);
        workers.valueProperty().addListener((obs, old, now) -> model.workerCountProperty().set(now));

        Label namespaceHint = hint(Bindings.createStringBinding(() -> {
            String ns = model.namespaceProperty().get();
            boolean known = model.namespaces().contains(ns);
            if (model.connectedProperty().get() == null) {
                return Texts.get("generate.cluster.namespaceUnchecked");
            }
            return known ? Texts.get("generate.cluster.namespaceExists", model.connectedProperty().get().name())
                    : Texts.get("generate.cluster.namespaceMissing");
        }, model.namespaceProperty(), model.namespaces(), model.connectedProperty()));

        int row = 0;
        addRow(grid, row++, Texts.get("generate.cluster.name"), name, problem(() -> dev.capiconsole.templates.KubernetesNames
                .clusterNameProblem(model.clusterNameProperty().get()).orElse(""), model.clusterNameProperty()));
        addRow(grid, row++, Texts.get("common.column.namespace"), namespace, new VBox(2, problem(() -> dev.capiconsole.templates
                .KubernetesNames.namespaceProblem(model.namespaceProperty().get()).orElse(""),
                model.namespaceProperty()), namespaceHint));
        addRow(grid, row++, Texts.get("kind.form.version"), version, problem(() -> dev.capiconsole.templates.KubernetesNames
                .versionProblem(model.kubernetesVersionProperty().get().trim()).orElse(""),
                model.kubernetesVersionProperty()));
        addRow(grid, row++, Texts.get("generate.cluster.controlPlane"), controlPlane, hint(Bindings.createStringBinding(() ->
                model.controlPlaneCountProperty().get() % 2 == 0
                        ? Texts.get("generate.cluster.evenControlPlane") : "",
                model.controlPlaneCountProperty())));
        addRow(grid, row++, Texts.get("generate.cluster.workers"), workers, new Label());
        Label origin = hint(Bindings.createStringBinding(() -> Texts.get("generate.cluster.template",
                model.templateOriginProperty().get()), model.templateOriginProperty()));
        VBox page = new VBox(14, grid, origin);
        page.setId("wizard-cluster");
        return scroll(page);
    }

    // ------------------------------------------------------------------ step 3

    private Node variablesPage() {
        GridPane grid = form();
        int row = 0;
        for (VariableField variable : model.variables()) {
            TextField value = new TextField();
            value.setId("variable-" + variable.name());
            value.textProperty().bindBidirectional(variable.valueProperty());
            value.setPromptText(variable.required() ? Texts.get("generate.variables.required")
                    : Texts.get("generate.variables.default", variable.defaultValue()));
            Label problem = problem(variable::problem, variable.valueProperty());
            Label origin = hint(Bindings.createStringBinding(variable::origin));
            addRow(grid, row++, variable.name() + (variable.required() ? " *" : ""), value, new VBox(2, problem,
                    origin));
        }
        Label explanation = hint(Bindings.createStringBinding(() -> Texts.get("generate.variables.explanation")));
        VBox page = new VBox(12, explanation, grid);
        page.setId("wizard-variables");
        return scroll(page);
    }

    // ------------------------------------------------------------------ step 4

    private Node addonsPage() {
        ComboBox<String> cni = new ComboBox<>(FXCollections.observableArrayList(model.addonNames()));
        cni.setId("addon-cni");
        cni.valueProperty().bindBidirectional(model.cniProperty());
        Label cniNote = hint(Bindings.createStringBinding(() -> AddonCatalog.find(model.cniProperty().get())
                .map(a -> (a.isNone() ? "" : a.version() + " · ") + cniNote(a.name())).orElse(""),
                model.cniProperty()));

        TextField other = field("addon-other", Texts.get("generate.addons.otherPrompt"),
                model.otherManifestProperty());
        HBox otherRow = FileField.row(other, Texts.get("generate.location.choose"),
                Texts.get("generate.addons.chooserTitle"), model.otherManifestProperty());

        CheckBox secrets = new CheckBox(Texts.get("generate.addons.secrets"));
        secrets.setId("addon-secrets");
        secrets.selectedProperty().bindBidirectional(model.containsSecretsProperty());
        ComboBox<Strategy> strategy = new ComboBox<>(FXCollections.observableArrayList(Strategy.values()));
        strategy.setId("addon-strategy");
        strategy.valueProperty().bindBidirectional(model.strategyProperty());

        GridPane grid = form();
        int row = 0;
        addRow(grid, row++, Texts.get("generate.addons.cni"), cni, cniNote);
        addRow(grid, row++, Texts.get("generate.addons.other"), otherRow, hint(Bindings.createStringBinding(() ->
                Texts.get("generate.addons.otherHint"))));
        addRow(grid, row++, Texts.get("generate.addons.strategy"), strategy, hint(Bindings.createStringBinding(() ->
                Texts.get("generate.addons.strategyHint"))));
        grid.add(secrets, 1, row, 2, 1);
        Label explanation = hint(Bindings.createStringBinding(() -> Texts.get("generate.addons.explanation",
                ClusterAddons.LABEL)));
        VBox page = new VBox(12, explanation, grid);
        page.setId("wizard-addons");
        return scroll(page);
    }

    private static String cniNote(String addon) {
        return switch (addon) {
            case "calico" -> Texts.get("generate.addons.note.calico");
            case "cilium" -> Texts.get("generate.addons.note.cilium");
            case "flannel" -> Texts.get("generate.addons.note.flannel");
            default -> Texts.get("generate.addons.note.none");
        };
    }

    // ------------------------------------------------------------------ step 5

    private Node previewPage() {
        GeneratedCluster generated = model.generatedProperty().get();
        List<Map<String, Object>> objects = generated == null ? List.of() : generated.objects();
        ListView<Object> list = new ListView<>();
        list.setId("preview-objects");
        list.getItems().add(Texts.get("generate.preview.all", objects.size()));
        list.getItems().addAll(objects);
        list.setCellFactory(view -> new ListCell<>() {
            @Override
            protected void updateItem(Object item, boolean empty) {
                super.updateItem(item, empty);
                if (empty || item == null) {
                    setText(null);
                } else if (item instanceof Map<?, ?> object) {
                    Map<?, ?> metadata = object.get("metadata") instanceof Map<?, ?> m ? m : Map.of();
                    setText(object.get("kind") + "  " + metadata.get("name"));
                } else {
                    setText(String.valueOf(item));
                }
            }
        });
        TextFlow text = new TextFlow();
        text.setId("preview-yaml");
        text.getStyleClass().add("yaml-view");
        ScrollPane scroll = new ScrollPane(text);
        scroll.setFitToWidth(true);
        list.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            @SuppressWarnings("unchecked")
            String yaml = now instanceof Map<?, ?> object
                    ? TemplateObjects.toYaml(List.of((Map<String, Object>) object)) : model.yamlProperty().get();
            text.getChildren().setAll(YamlText.of(yaml));
            scroll.setVvalue(0);
        });
        list.getSelectionModel().select(0);
        SplitPane split = new SplitPane(list, scroll);
        split.setDividerPositions(0.32);
        VBox.setVgrow(split, Priority.ALWAYS);

        Button save = new Button(Texts.get("generate.preview.save"), new FontIcon(Feather.SAVE));
        save.setId("preview-save");
        save.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle(Texts.get("generate.preview.saveTitle"));
            chooser.setInitialFileName(model.clusterNameProperty().get() + ".yaml");
            File file = chooser.showSaveDialog(root.getScene().getWindow());
            if (file != null) {
                model.saveAs(file.toPath());
            }
        });
        Label summary = hint(Bindings.createStringBinding(() -> generated == null ? ""
                : Texts.get("generate.preview.summary", objects.size(), model.namespaceProperty().get(),
                        model.clusterNameProperty().get(), model.templateOriginProperty().get())));
        HBox bar = new HBox(10, summary, spacer(), save);
        if (model.fromClass()) {
            Button check = new Button(Texts.get("generate.class.checkServer"), new FontIcon(Feather.SHIELD));
            check.setId("preview-check-server");
            check.disableProperty().bind(model.busyProperty().or(model.connectedProperty().isNull()));
            check.setOnAction(e -> model.checkWithServer());
            bar.getChildren().add(2, check);
        }
        bar.setAlignment(Pos.CENTER_LEFT);
        Label addons = new Label();
        addons.setId("preview-addons");
        addons.getStyleClass().add("field-hint");
        addons.setWrapText(true);
        addons.textProperty().bind(model.addonSummaryProperty());
        addons.managedProperty().bind(model.addonSummaryProperty().isNotEmpty());
        addons.visibleProperty().bind(model.addonSummaryProperty().isNotEmpty());
        VBox page = new VBox(10, bar, addons, split);
        page.setId("wizard-preview");
        return page;
    }

    // ------------------------------------------------------------------ step 6

    private Node applyPage() {
        Label target = new Label();
        target.setWrapText(true);
        target.textProperty().bind(Bindings.createStringBinding(() -> {
            GeneratedCluster generated = model.generatedProperty().get();
            var cluster = model.connectedProperty().get();
            if (cluster == null) {
                return Texts.get("generate.apply.notConnected");
            }
            return Texts.get("generate.apply.target", generated == null ? 0 : generated.objects().size(),
                    cluster.name(), cluster.server());
        }, model.connectedProperty(), model.generatedProperty()));

        Button apply = new Button(Texts.get("generate.apply.apply"), new FontIcon(Feather.UPLOAD_CLOUD));
        apply.setId("apply");
        apply.getStyleClass().add("accent");
        apply.setOnAction(e -> model.apply(false));
        apply.disableProperty().bind(model.busyProperty().or(model.connectedProperty().isNull()));

        Label missing = new Label();
        missing.setWrapText(true);
        Button create = new Button(Texts.get("generate.apply.createNamespace"), new FontIcon(Feather.PLUS));
        create.setId("apply-create-namespace");
        create.setOnAction(e -> model.apply(true));
        HBox missingBox = new HBox(10, new FontIcon(Feather.ALERT_CIRCLE), missing, create);
        missingBox.setAlignment(Pos.CENTER_LEFT);
        missingBox.getStyleClass().addAll("notice", "warning");
        Runnable updateMissing = () -> {
            boolean any = !model.missingNamespaces().isEmpty();
            missingBox.setVisible(any);
            missingBox.setManaged(any);
            missing.setText(any ? Texts.get("generate.apply.namespaceMissing", String.join(", ", model.missingNamespaces()))
                    : "");
        };
        model.missingNamespaces().addListener((ListChangeListener<String>) c -> updateMissing.run());
        updateMissing.run();

        TableView<ObjectResult> table = new TableView<>(model.results());
        table.setId("apply-results");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<ObjectResult, String> object = new TableColumn<>(Texts.get("generate.apply.object"));
        object.setCellValueFactory(c -> Bindings.createStringBinding(() -> c.getValue().label()));
        object.setPrefWidth(360);
        TableColumn<ObjectResult, ObjectResult> outcome = new TableColumn<>(Texts.get("generate.apply.result"));
        outcome.setCellValueFactory(c -> Bindings.createObjectBinding(c::getValue));
        outcome.setPrefWidth(130);
        outcome.setCellFactory(c -> new javafx.scene.control.TableCell<>() {
            @Override
            protected void updateItem(ObjectResult item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().removeAll("status-good", "status-bad");
                if (empty || item == null) {
                    setText(null);
                    setGraphic(null);
                    return;
                }
                boolean ok = item.outcome().ok();
                setText(outcomeText(item.outcome()));
                setGraphic(new FontIcon(ok ? Feather.CHECK_CIRCLE : Feather.X_CIRCLE));
                getStyleClass().add(ok ? "status-good" : "status-bad");
            }
        });
        TableColumn<ObjectResult, String> message = new TableColumn<>(Texts.get("common.events.message"));
        message.setCellValueFactory(c -> Bindings.createStringBinding(() -> c.getValue().message()));
        table.getColumns().addAll(List.of(object, outcome, message));
        table.setPlaceholder(new Label(Texts.get("generate.apply.nothingYet")));
        VBox.setVgrow(table, Priority.ALWAYS);

        Button open = new Button(Texts.get("generate.apply.openTree"), new FontIcon(Feather.GIT_MERGE));
        open.setId("apply-open-tree");
        open.setOnAction(e -> model.openTree());
        open.visibleProperty().bind(model.appliedProperty());
        Button another = new Button(Texts.get("generate.apply.another"), new FontIcon(Feather.REFRESH_CW));
        another.setOnAction(e -> model.startOver());
        another.visibleProperty().bind(model.appliedProperty());
        HBox actions = new HBox(10, apply, open, another);
        actions.setAlignment(Pos.CENTER_LEFT);
        VBox page = new VBox(12, target, actions, missingBox, table);
        page.setId("wizard-apply");
        return page;
    }

    // ------------------------------------------------------------------ helpers

    private static String outcomeText(ClusterApplier.Outcome outcome) {
        return switch (outcome) {
            case CREATED -> Texts.get("generate.outcome.created");
            case CONFIGURED -> Texts.get("generate.outcome.configured");
            case UNCHANGED -> Texts.get("generate.outcome.unchanged");
            case FAILED -> Texts.get("generate.outcome.failed");
        };
    }

    private static GridPane form() {
        GridPane grid = new GridPane();
        grid.setHgap(14);
        grid.setVgap(10);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(200);
        labels.setHalignment(HPos.LEFT);
        ColumnConstraints fields = new ColumnConstraints(320);
        ColumnConstraints notes = new ColumnConstraints();
        notes.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().addAll(labels, fields, notes);
        return grid;
    }

    private static void addRow(GridPane grid, int row, String label, Node field, Node note) {
        Label name = new Label(label);
        name.setLabelFor(field);
        grid.add(name, 0, row);
        grid.add(field, 1, row);
        grid.add(note, 2, row);
    }

    private static TextField field(String id, String prompt, javafx.beans.property.StringProperty property) {
        TextField field = new TextField();
        field.setId(id);
        field.setPromptText(prompt);
        field.textProperty().bindBidirectional(property);
        return field;
    }

    private static VBox labelled(String label, Node field) {
        Label name = new Label(label);
        name.getStyleClass().add("field-hint");
        return new VBox(4, name, field);
    }

    private static Label problem(java.util.function.Supplier<String> check, javafx.beans.Observable... on) {
        Label label = new Label();
        label.getStyleClass().add("field-problem");
        label.setWrapText(true);
        label.textProperty().bind(Bindings.createStringBinding(check::get, on));
        return label;
    }

    private static Label hint(javafx.beans.binding.StringExpression text) {
        Label label = new Label();
        label.getStyleClass().add("field-hint");
        label.setWrapText(true);
        label.textProperty().bind(text);
        return label;
    }

    private static Node indent(Node node) {
        VBox.setMargin(node, new Insets(0, 0, 6, 28));
        return node;
    }

    private static Region spacer() {
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        return spacer;
    }

    private static ScrollPane scroll(Node content) {
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("edge-to-edge");
        return scroll;
    }
}
