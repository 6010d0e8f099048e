package dev.capiconsole.ui.workloads;

import atlantafx.base.theme.Styles;
import dev.capiconsole.events.EventRow;
import dev.capiconsole.ui.common.Columns;
import dev.capiconsole.ui.common.Labels;
import dev.capiconsole.ui.common.Texts;
import dev.capiconsole.workload.NodeRow;
import dev.capiconsole.workload.PodDetails;
import dev.capiconsole.workload.PodRow;
import java.io.File;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.collections.transformation.FilteredList;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Workload clusters, one tab each: live pods (filter by text and namespace) and nodes, the selected pod's details
 * and logs, and kubeconfig export.
 */
public final class WorkloadsView {

    private final String allNamespaces = Texts.get("clusters.overview.allNamespaces");

    private final WorkloadsViewModel model;
    private final VBox root = new VBox(12);
    private final TabPane tabs = new TabPane();
    private final Map<WorkloadTabViewModel, Tab> shown = new IdentityHashMap<>();

    public WorkloadsView(WorkloadsViewModel model) {
        this.model = model;
        root.getStyleClass().add("page");
        root.setId("workloads-view");
        Label title = Labels.title(Texts.get("shell.view.workloads"));
        Label lead = Labels.muted(Texts.get("workloads.page.lead"), true);
        Label empty = Labels.muted(Texts.get("workloads.page.empty"), false);
        StackPane content = new StackPane(empty, tabs);
        tabs.setId("workload-tabs");
        tabs.visibleProperty().bind(Bindings.isNotEmpty(tabs.getTabs()));
        empty.visibleProperty().bind(Bindings.isEmpty(tabs.getTabs()));
        VBox.setVgrow(content, Priority.ALWAYS);
        root.getChildren().addAll(title, lead, content);
        model.tabs().addListener((ListChangeListener<WorkloadTabViewModel>) change -> sync());
        model.selectedProperty().addListener((obs, old, now) -> select(now));
        sync();
        select(model.selectedProperty().get());
    }

    public Node root() {
        return root;
    }

    private void sync() {
        for (WorkloadTabViewModel tab : model.tabs()) {
            shown.computeIfAbsent(tab, t -> {
                Tab view = new Tab(t.title(), content(t));
                view.setGraphic(new FontIcon(Feather.MONITOR));
                view.setOnClosed(e -> {
                    shown.remove(t);
                    model.close(t);
                });
                tabs.getTabs().add(view);
                return view;
            });
        }
        shown.keySet().removeIf(t -> {
            if (!model.tabs().contains(t)) {
                tabs.getTabs().remove(shown.get(t));
                return true;
            }
            return false;
        });
    }

    private void select(WorkloadTabViewModel tab) {
        if (tab != null && shown.containsKey(tab)) {
            tabs.getSelectionModel().select(shown.get(tab));
        }
    }

    private Node content(WorkloadTabViewModel tab) {
        Label state = Labels.muted("", true);
        state.textProperty().bind(tab.stateProperty());

        TextField filter = new TextField();
        filter.setPromptText(Texts.get("workloads.pods.filter"));
        HBox.setHgrow(filter, Priority.ALWAYS);
        ComboBox<String> namespace = new ComboBox<>();
        namespace.getItems().add(allNamespaces);
        namespace.setValue(allNamespaces);
        // The namespaces change after the pods did, not inside their change: re-filtering while the filtered list
        // handles that same change breaks it.
        Runnable listNamespaces = () -> {
            String keep = namespace.getValue();
            namespace.getItems().setAll(allNamespaces);
            namespace.getItems().addAll(tab.podNamespaces());
            namespace.setValue(namespace.getItems().contains(keep) ? keep : allNamespaces);
        };
        tab.podNamespaces().addListener((ListChangeListener<String>) c -> listNamespaces.run());
        listNamespaces.run();
        FilteredList<PodRow> visible = new FilteredList<>(tab.pods());
        Runnable refilter = () -> {
            String text = filter.getText() == null ? "" : filter.getText().toLowerCase();
            String ns = namespace.getValue();
            visible.setPredicate(p -> (ns == null || allNamespaces.equals(ns) || p.namespace().equals(ns))
                    && (text.isEmpty() || (p.name() + " " + p.status() + " " + p.node()).toLowerCase().contains(text)));
        };
        filter.textProperty().addListener((obs, old, now) -> refilter.run());
        namespace.valueProperty().addListener((obs, old, now) -> refilter.run());

        TableView<PodRow> pods = new TableView<>(visible);
        pods.setId("pods-" + tab.cluster());
        pods.getStyleClass().add(Styles.DENSE);
        pods.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        pods.getColumns().add(Columns.column(Texts.get("common.column.namespace"), 140, PodRow::namespace));
        pods.getColumns().add(Columns.column(Texts.get("common.column.name"), 360, PodRow::name));
        pods.getColumns().add(Columns.column(Texts.get("clusters.column.ready"), 70, PodRow::ready));
        TableColumn<PodRow, String> status = Columns.column(Texts.get("clusters.column.status"), 150, PodRow::status);
        status.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().removeAll("status-good", "status-bad", "status-unknown");
                PodRow row = getTableRow() == null ? null : getTableRow().getItem();
                if (empty || item == null || row == null) {
                    setText(null);
                    setGraphic(null);
                    return;
                }
                setText(item);
                String style = switch (row.health()) {
                    case GOOD -> "status-good";
                    case PROGRESSING -> "status-unknown";
                    case BAD -> "status-bad";
                };
                getStyleClass().add(style);
                FontIcon icon = new FontIcon(switch (row.health()) {
                    case GOOD -> Feather.CHECK_CIRCLE;
                    case PROGRESSING -> Feather.CLOCK;
                    case BAD -> Feather.X_CIRCLE;
                });
                icon.getStyleClass().add(style);
                setGraphic(icon);
            }
        });
        pods.getColumns().add(status);
        pods.getColumns().add(Columns.column(Texts.get("workloads.column.restarts"), 80, p -> String.valueOf(p.restarts())));
        pods.getColumns().add(Columns.column(Texts.get("workloads.column.node"), 240, PodRow::node));
        pods.getColumns().add(Columns.column("IP", 120, PodRow::ip));
        pods.getColumns().add(Columns.column(Texts.get("common.events.age"), 70, PodRow::age));
        pods.setPlaceholder(new Label(Texts.get("workloads.pods.empty")));

        TableView<NodeRow> nodes = new TableView<>(tab.nodes());
        // Rows as last seen while the workload API server does not answer: dimmed, the state line says why.
        pods.opacityProperty().bind(javafx.beans.binding.Bindings.when(tab.staleProperty()).then(0.45).otherwise(1.0));
        nodes.opacityProperty().bind(javafx.beans.binding.Bindings.when(tab.staleProperty()).then(0.45).otherwise(1.0));
        nodes.setId("nodes-" + tab.cluster());
        nodes.getStyleClass().add(Styles.DENSE);
        nodes.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        nodes.getColumns().add(Columns.column(Texts.get("workloads.column.node"), 320, NodeRow::name));
        nodes.getColumns().add(Columns.column(Texts.get("clusters.column.status"), 120, NodeRow::status));
        nodes.getColumns().add(Columns.column(Texts.get("workloads.column.roles"), 130, NodeRow::roles));
        nodes.getColumns().add(Columns.column(Texts.get("clusters.column.version"), 90, NodeRow::version));
        nodes.getColumns().add(Columns.column(Texts.get("common.events.age"), 70, NodeRow::age));
        nodes.getColumns().add(Columns.column(Texts.get("workloads.column.addresses"), 200, NodeRow::addresses));
        nodes.setPlaceholder(new Label(Texts.get("workloads.nodes.empty")));

        keepPodSelected(tab, pods, visible);
        VBox podsBox = new VBox(6, new Label(Texts.get("workloads.pods.title")), pods);
        VBox.setVgrow(pods, Priority.ALWAYS);
        SplitPane split = new SplitPane(podsBox, details(tab, nodes));
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.45);
        VBox.setVgrow(split, Priority.ALWAYS);

        Label clusterState = new Label();
        clusterState.setId("workload-cluster-state-" + tab.cluster());
        clusterState.getStyleClass().add("status-bad");
        clusterState.setWrapText(true);
        clusterState.textProperty().bind(tab.clusterStateProperty());
        clusterState.visibleProperty().bind(tab.clusterStateProperty().isNotEmpty());
        clusterState.managedProperty().bind(clusterState.visibleProperty());
        HBox filters = new HBox(8, filter, namespace);
        VBox box = new VBox(10, clusterState, new HBox(12, state, exportBar(tab)), filters, split);
        HBox.setHgrow(state, Priority.ALWAYS);
        state.setMaxWidth(Double.MAX_VALUE);
        box.setPadding(new Insets(10, 0, 0, 0));
        return box;
    }

    /**
     * The tab follows the selected pod by its name across refreshes, which replace every row and so clear the
     * table's selection: the table selects the pod's new row again, or nothing once the pod is gone.
     */
    private static void keepPodSelected(WorkloadTabViewModel tab, TableView<PodRow> table,
                                        FilteredList<PodRow> visible) {
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null) {
                tab.selectPod(now);
            }
        });
        // Invalidation, not change: a refreshed row equal to the last one is still a new row to select.
        tab.selectedPodProperty().addListener((Observable obs) -> {
            PodRow pod = tab.selectedPodProperty().get();
            if (pod == null) {
                table.getSelectionModel().clearSelection();
            } else if (visible.contains(pod) && table.getSelectionModel().getSelectedItem() != pod) {
                table.getSelectionModel().select(pod);
            }
        });
    }

    /** Save, merge (after a confirmation that lists what it replaces), copy a kubectl command. */
    private Node exportBar(WorkloadTabViewModel tab) {
        Button save = new Button(Texts.get("workloads.export.save"), new FontIcon(Feather.DOWNLOAD));
        save.setId("save-kubeconfig");
        save.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle(Texts.get("workloads.export.saveTitle", tab.title()));
            chooser.setInitialFileName(tab.cluster() + ".kubeconfig");
            File file = chooser.showSaveDialog(root.getScene().getWindow());
            if (file != null) {
                tab.saveKubeconfig(file.toPath());
            }
        });
        Button merge = new Button(Texts.get("workloads.export.merge"), new FontIcon(Feather.PLUS_SQUARE));
        merge.setId("merge-kubeconfig");
        merge.setOnAction(e -> tab.proposeMerge(model.userKubeconfigProperty().get()));
        tab.mergeProposalProperty().addListener((obs, old, proposal) -> {
            if (proposal != null) {
                confirmMerge(tab, proposal);
            }
        });
        Button copy = new Button(Texts.get("workloads.export.copy"), new FontIcon(Feather.CLIPBOARD));
        copy.setId("copy-kubectl");
        copy.setOnAction(e -> {
            String command = tab.kubectlCommand();
            ClipboardContent content = new ClipboardContent();
            content.putString(command);
            Clipboard.getSystemClipboard().setContent(content);
            tab.noteCopied(command);
        });
        for (Button button : List.of(save, merge, copy)) {
            button.disableProperty().bind(tab.connectedProperty().not());
        }
        Label message = Labels.muted("", true);
        message.setId("export-message-" + tab.cluster());
        message.setMaxWidth(420);
        message.textProperty().bind(tab.exportMessageProperty());
        HBox bar = new HBox(8, message, save, merge, copy);
        bar.setAlignment(Pos.CENTER_RIGHT);
        return bar;
    }

    private void confirmMerge(WorkloadTabViewModel tab, WorkloadTabViewModel.MergeProposal proposal) {
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION);
        alert.initOwner(root.getScene().getWindow());
        alert.setTitle(Texts.get("workloads.merge.title"));
        alert.setHeaderText(Texts.get("workloads.merge.header", tab.title(), proposal.target()));
        alert.setContentText((proposal.replaces().isEmpty() ? Texts.get("workloads.merge.nothingReplaced")
                : Texts.get("workloads.merge.replaces", String.join(", ", proposal.replaces())))
                + " " + Texts.get("workloads.merge.backup", proposal.target().getFileName()));
        alert.getDialogPane().setId("merge-confirmation");
        alert.getDialogPane().setMinWidth(560);
        ButtonType add = new ButtonType(Texts.get("workloads.merge.add"), ButtonBar.ButtonData.OK_DONE);
        alert.getButtonTypes().setAll(add, ButtonType.CANCEL);
        alert.showAndWait().filter(add::equals).ifPresentOrElse(b -> tab.confirmMerge(), tab::cancelMerge);
    }

    /** Below the pods: the nodes, then the selected pod's containers, conditions, events and logs. */
    private Node details(WorkloadTabViewModel tab, TableView<NodeRow> nodes) {
        Label header = new Label(Texts.get("workloads.pod.select"));
        header.setMinHeight(Region.USE_PREF_SIZE);
        header.setId("pod-header-" + tab.cluster());
        header.getStyleClass().add("title-4");
        header.setWrapText(true);
        Label note = Labels.muted("", true);
        note.textProperty().bind(tab.detailsStateProperty());
        note.visibleProperty().bind(note.textProperty().isNotEmpty());
        note.managedProperty().bind(note.visibleProperty());

        TableView<PodDetails.ContainerInfo> containers = new TableView<>();
        containers.setId("pod-containers-" + tab.cluster());
        containers.getStyleClass().add(Styles.DENSE);
        containers.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        containers.getColumns().add(Columns.column(Texts.get("workloads.column.container"), 120, c -> c.init()
                ? Texts.get("workloads.container.init", c.name())
                : c.name()));
        containers.getColumns().add(Columns.column(Texts.get("workloads.column.image"), 180, PodDetails.ContainerInfo::image));
        containers.getColumns().add(Columns.column(Texts.get("clusters.column.ready"), 55,
                c -> Texts.get(c.ready() ? "workloads.container.yes" : "workloads.container.no")));
        containers.getColumns().add(Columns.column(Texts.get("workloads.column.restarts"), 65, c -> String.valueOf(c.restarts())));
        containers.getColumns().add(Columns.column(Texts.get("workloads.column.state"), 200, c -> c.lastState().isEmpty() ? c.state()
                : Texts.get("workloads.container.lastState", c.state(), c.lastState())));
        containers.setPlaceholder(new Label(Texts.get("workloads.containers.empty")));

        TableView<PodDetails.ConditionInfo> conditions = new TableView<>();
        conditions.setId("pod-conditions-" + tab.cluster());
        conditions.getStyleClass().add(Styles.DENSE);
        conditions.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        conditions.getColumns().add(Columns.column(Texts.get("clusters.column.condition"), 130, PodDetails.ConditionInfo::type));
        conditions.getColumns().add(Columns.column(Texts.get("clusters.column.status"), 60, PodDetails.ConditionInfo::status));
        conditions.getColumns().add(Columns.column(Texts.get("clusters.column.since"), 60, PodDetails.ConditionInfo::since));
        conditions.getColumns().add(Columns.column(Texts.get("common.events.reason"), 130, PodDetails.ConditionInfo::reason));
        conditions.getColumns().add(Columns.column(Texts.get("common.events.message"), 200, PodDetails.ConditionInfo::message));
        conditions.setPlaceholder(new Label(Texts.get("clusters.details.noConditions")));

        TableView<EventRow> events = new TableView<>();
        events.setId("pod-events-" + tab.cluster());
        events.getStyleClass().add(Styles.DENSE);
        Columns.addEventColumns(events, 90, 220);
        Label noEvents = new Label(Texts.get("workloads.events.none"));
        noEvents.setWrapText(true);
        events.setPlaceholder(noEvents);

        Tab logs = new Tab(Texts.get("workloads.tab.logs"), logs(tab));
        logs.setId("pod-logs-tab");
        Tab nodesTab = new Tab(Texts.get("workloads.tab.nodes", 0), nodes);
        nodesTab.textProperty().bind(Bindings.createStringBinding(() -> Texts.get("workloads.tab.nodes",
                tab.nodes().size()), tab.nodes()));
        Tab containersTab = new Tab(Texts.get("workloads.tab.containers"), containers);
        TabPane sections = new TabPane(nodesTab, containersTab, new Tab(Texts.get("workloads.tab.conditions"),
                conditions), new Tab(Texts.get("clusters.details.events"), events), logs);
        sections.setId("pod-sections-" + tab.cluster());
        sections.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        VBox.setVgrow(sections, Priority.ALWAYS);
        for (Tab podTab : sections.getTabs().subList(1, sections.getTabs().size())) {
            podTab.disableProperty().bind(tab.detailsProperty().isNull());
        }

        tab.detailsProperty().addListener((obs, old, pod) -> {
            if (pod != null && old == null && sections.getSelectionModel().getSelectedItem() == nodesTab) {
                sections.getSelectionModel().select(containersTab);
            }
            if (pod == null) {
                sections.getSelectionModel().select(nodesTab);
                header.setText(Texts.get("workloads.pod.select"));
                containers.getItems().clear();
                conditions.getItems().clear();
                events.getItems().clear();
                return;
            }
            header.setText(pod.namespace() + "/" + pod.name() + "  ·  " + pod.phase()
                    + (pod.node().isEmpty() ? "" : "  ·  " + Texts.get("workloads.pod.onNode", pod.node()))
                    + (pod.ip().isEmpty() ? "" : "  ·  " + pod.ip())
                    + (pod.qosClass().isEmpty() ? "" : "  ·  " + pod.qosClass()));
            containers.getItems().setAll(pod.containers());
            conditions.getItems().setAll(pod.conditions());
            events.getItems().setAll(pod.events());
            noEvents.setText(pod.eventsNote().isEmpty() ? Texts.get("workloads.events.none") : pod.eventsNote());
        });
        VBox box = new VBox(6, header, note, sections);
        box.setPadding(new Insets(8, 0, 0, 0));
        return box;
    }

    private Node logs(WorkloadTabViewModel tab) {
        ComboBox<String> container = new ComboBox<>();
        container.setId("log-container");
        container.setPromptText(Texts.get("workloads.column.container"));
        Spinner<Integer> tail = new Spinner<>(0, 100_000, 200, 50);
        tail.setId("log-tail");
        tail.setEditable(true);
        tail.setPrefWidth(100);
        tail.setTooltip(new Tooltip(Texts.get("workloads.log.tailTooltip")));
        CheckBox previous = new CheckBox(Texts.get("workloads.log.previousBox"));
        previous.setId("log-previous");
        previous.setTooltip(new Tooltip(Texts.get("workloads.log.previousTooltip")));
        Button show = new Button(Texts.get("workloads.log.show"), new FontIcon(Feather.FILE_TEXT));
        show.setId("log-show");
        show.setOnAction(e -> tab.showLogs(container.getValue(), tail.getValue(), previous.isSelected()));
        ToggleButton follow = new ToggleButton(Texts.get("workloads.log.follow"), new FontIcon(Feather.PLAY));
        follow.setId("log-follow");
        follow.selectedProperty().addListener((obs, old, on) -> {
            if (on && !tab.followingProperty().get()) {
                tab.followLogs(container.getValue(), tail.getValue());
            } else if (!on && tab.followingProperty().get()) {
                tab.stopFollowing();
            }
        });
        tab.followingProperty().addListener((obs, old, now) -> follow.setSelected(now));
        previous.disableProperty().bind(follow.selectedProperty());
        tab.detailsProperty().addListener((obs, old, pod) -> {
            List<String> names = pod == null ? List.of() : pod.logContainers();
            if (!container.getItems().equals(names)) {
                String keep = container.getValue();
                container.getItems().setAll(names);
                container.setValue(names.contains(keep) ? keep : names.isEmpty() ? null : names.get(0));
            }
        });
        Label state = Labels.muted("", true);
        state.setId("log-state");
        state.textProperty().bind(tab.logStateProperty());
        TextArea text = new TextArea();
        text.setId("log-text");
        text.setEditable(false);
        text.getStyleClass().add("yaml");
        text.textProperty().bind(tab.logTextProperty());
        text.textProperty().addListener((obs, old, now) -> text.setScrollTop(Double.MAX_VALUE));
        VBox.setVgrow(text, Priority.ALWAYS);
        HBox controls = new HBox(8, container, new Label(Texts.get("workloads.log.linesLabel")), tail, previous, show, follow);
        controls.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(8, controls, state, text);
        box.setPadding(new Insets(8, 0, 0, 0));
        return box;
    }
}
