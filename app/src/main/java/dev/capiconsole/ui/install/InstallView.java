package dev.capiconsole.ui.install;

import atlantafx.base.theme.Styles;
import dev.capiconsole.install.InitProgress;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** Install providers: the form, clusterctl init's steps as they run, and what the cluster has installed. */
public final class InstallView {

    private final VBox root = new VBox(12);

    public InstallView(InstallViewModel model) {
        root.getStyleClass().add("page");
        root.setId("install-view");
        Label title = new Label("Install providers");
        title.getStyleClass().add("title-2");
        Label lead = new Label("clusterctl init into the connected management cluster: the inventory, cert-manager, "
                + "Cluster API core, kubeadm bootstrap and control plane on a first run, and the infrastructure "
                + "provider chosen here. clusterctl sees what is installed here, and the other way round.");
        lead.getStyleClass().add("muted");
        lead.setWrapText(true);
        lead.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        Label target = new Label();
        target.setId("install-target");
        target.textProperty().bind(Bindings.createStringBinding(() -> model.connectedProperty().get() == null
                ? "Not connected: connect to a management cluster first"
                : "Management cluster: " + model.connectedProperty().get().name(), model.connectedProperty()));

        ComboBox<String> infrastructure = new ComboBox<>();
        infrastructure.setId("install-infrastructure");
        infrastructure.setEditable(true);
        model.loadInfrastructureProviders(names -> infrastructure.getItems().setAll(names));
        infrastructure.valueProperty().bindBidirectional(model.infrastructureProperty());
        TextField version = new TextField();
        version.setId("install-version");
        version.setPromptText("newest release");
        version.textProperty().bindBidirectional(model.versionProperty());
        TextField namespace = new TextField();
        namespace.setId("install-namespace");
        namespace.setPromptText("each provider's own");
        namespace.textProperty().bindBidirectional(model.targetNamespaceProperty());
        TextArea variables = new TextArea();
        variables.setId("install-variables");
        variables.setPrefRowCount(3);
        variables.textProperty().bindBidirectional(model.variablesProperty());
        CheckBox offline = new CheckBox("Offline: component files built from the pinned sources");
        offline.setId("install-offline");
        offline.selectedProperty().bindBidirectional(model.offlineProperty());
        CheckBox wait = new CheckBox("Wait until the provider Deployments are available");
        wait.setId("install-wait");
        wait.selectedProperty().bindBidirectional(model.waitProvidersProperty());
        CheckBox metallb = new CheckBox("MetalLB for load balancers (kubevirt lb flavor)");
        metallb.setId("install-metallb");
        metallb.selectedProperty().bindBidirectional(model.metallbProperty());
        GridPane form = new GridPane();
        form.setHgap(10);
        form.setVgap(8);
        javafx.scene.layout.ColumnConstraints labels = new javafx.scene.layout.ColumnConstraints();
        labels.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        javafx.scene.layout.ColumnConstraints fields = new javafx.scene.layout.ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        form.getColumnConstraints().addAll(labels, fields);
        infrastructure.setMaxWidth(Double.MAX_VALUE);
        form.addRow(0, new Label("Infrastructure provider"), infrastructure);
        form.addRow(1, new Label("Version"), version);
        form.addRow(2, new Label("Target namespace"), namespace);
        form.addRow(3, new Label("Variables (NAME=VALUE)"), variables);
        form.add(offline, 1, 4);
        form.add(wait, 1, 5);
        form.add(metallb, 1, 6);

        Button install = new Button("Install", new FontIcon(Feather.DOWNLOAD));
        install.setId("install-run");
        install.getStyleClass().add(Styles.ACCENT);
        install.disableProperty().bind(model.runningProperty().or(model.connectedProperty().isNull()));
        install.setOnAction(e -> model.install());
        install.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        Label result = new Label();
        result.setId("install-result");
        result.setWrapText(true);
        result.textProperty().bind(model.resultProperty());
        result.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        VBox actions = new VBox(8, install, result);

        ListView<InstallViewModel.StepRow> steps = new ListView<>(model.steps());
        steps.setId("install-steps");
        steps.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(InstallViewModel.StepRow row, boolean empty) {
                super.updateItem(row, empty);
                getStyleClass().removeAll("status-good", "status-bad", "status-unknown");
                if (empty || row == null) {
                    setText(null);
                    setGraphic(null);
                    return;
                }
                setText(row.step().title() + (row.detail().isEmpty() ? "" : ": " + row.detail()));
                setWrapText(true);
                setPrefWidth(0);
                InitProgress.State state = row.state();
                FontIcon icon = new FontIcon(state == null ? Feather.CIRCLE : switch (state) {
                    case RUNNING -> Feather.CLOCK;
                    case DONE -> Feather.CHECK_CIRCLE;
                    case SKIPPED -> Feather.MINUS_CIRCLE;
                    case FAILED -> Feather.X_CIRCLE;
                });
                icon.getStyleClass().add(state == null || state == InitProgress.State.SKIPPED ? "muted"
                        : state == InitProgress.State.DONE ? "status-good"
                        : state == InitProgress.State.FAILED ? "status-bad" : "status-unknown");
                setGraphic(icon);
            }
        });
        ListView<String> output = new ListView<>(model.output());
        output.setId("install-output");
        output.getStyleClass().add("lab-log");
        output.setPlaceholder(new Label("Details appear here while installing."));
        output.getItems().addListener((javafx.collections.ListChangeListener<String>) c ->
                output.scrollTo(output.getItems().size() - 1));

        TableView<InstallViewModel.InstalledRow> table = new TableView<>(model.installed());
        table.setId("install-installed");
        table.getColumns().add(column("Namespace", 200, InstallViewModel.InstalledRow::namespace));
        table.getColumns().add(column("Name", 200, InstallViewModel.InstalledRow::name));
        table.getColumns().add(column("Type", 180, InstallViewModel.InstalledRow::type));
        table.getColumns().add(column("Installed", 100, InstallViewModel.InstalledRow::version));
        table.getColumns().add(column("Newest available", 260, InstallViewModel.InstalledRow::available));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getStyleClass().addAll(Styles.DENSE, Styles.STRIPED);
        table.setPlaceholder(new Label("No providers installed (no clusterctl inventory)."));
        Button refresh = new Button("Refresh", new FontIcon(Feather.REFRESH_CW));
        refresh.setOnAction(e -> model.refreshInstalled());
        HBox installedHeader = new HBox(10, new Label("Installed providers"), refresh);
        installedHeader.setAlignment(Pos.CENTER_LEFT);
        VBox installedBox = new VBox(6, installedHeader, table);
        VBox.setVgrow(table, Priority.ALWAYS);

        VBox left = new VBox(10, form, actions);
        left.setMinWidth(600);
        left.setMaxWidth(600);
        HBox top = new HBox(20, left, steps);
        HBox.setHgrow(steps, Priority.ALWAYS);
        steps.setPrefHeight(250);
        SplitPane bottom = new SplitPane(output, installedBox);
        bottom.setOrientation(javafx.geometry.Orientation.VERTICAL);
        bottom.setDividerPositions(0.45);
        VBox.setVgrow(bottom, Priority.ALWAYS);
        root.getChildren().addAll(title, lead, target, top, bottom);
        root.sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null) {
                model.refreshInstalled();
            }
        });
    }

    private static <T> TableColumn<T, String> column(String title, double width, Function<T, String> value) {
        TableColumn<T, String> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        return column;
    }

    public Node root() {
        return root;
    }
}
