package dev.capiconsole.ui.clusters;

import dev.capiconsole.ui.common.Texts;
import static dev.capiconsole.ui.common.Columns.column;

import atlantafx.base.theme.Styles;
import dev.capiconsole.topology.ClusterSummary;
import dev.capiconsole.ui.common.StatusCells;
import java.util.Locale;
import javafx.collections.ListChangeListener;
import javafx.collections.transformation.FilteredList;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** Every Cluster of the management cluster in one table, with a filter; the selection follows the view-model. */
final class ClusterOverview {

    private final String allNamespaces = Texts.get("clusters.overview.allNamespaces");

    private final ClustersViewModel model;
    private final VBox root;

    ClusterOverview(ClustersViewModel model) {
        this.model = model;
        TextField filter = new TextField();
        filter.setId("cluster-filter");
        filter.setPromptText(Texts.get("clusters.overview.filter"));
        HBox.setHgrow(filter, Priority.ALWAYS);
        ComboBox<String> namespace = namespaceChoice();

        FilteredList<ClusterSummary> visible = new FilteredList<>(model.clusters());
        Runnable refilter = () -> {
            String text = filter.getText().toLowerCase(Locale.ROOT).strip();
            String ns = namespace.getValue();
            visible.setPredicate(c -> (allNamespaces.equals(ns) || c.namespace().equals(ns))
                    && (text.isEmpty() || (c.name() + " " + c.phase() + " " + c.version() + " " + c.clusterClass())
                    .toLowerCase(Locale.ROOT).contains(text)));
        };
        filter.textProperty().addListener((obs, old, now) -> refilter.run());
        namespace.valueProperty().addListener((obs, old, now) -> refilter.run());

        TableView<ClusterSummary> table = table(visible);
        Button open = new Button(Texts.get("clusters.overview.openWorkload"), new FontIcon(Feather.MONITOR));
        open.setId("open-workload");
        open.disableProperty().bind(model.selectedProperty().isNull());
        open.setOnAction(e -> model.openSelectedWorkload());
        open.setMinWidth(Region.USE_PREF_SIZE);
        HBox filters = new HBox(8, filter, namespace, open);
        root = new VBox(8, filters, table);
    }

    Node root() {
        return root;
    }

    private ComboBox<String> namespaceChoice() {
        ComboBox<String> namespace = new ComboBox<>();
        namespace.setId("cluster-namespace");
        namespace.getItems().add(allNamespaces);
        namespace.setValue(allNamespaces);
        model.clusters().addListener((ListChangeListener<ClusterSummary>) change ->
                model.clusters().stream().map(ClusterSummary::namespace).distinct().sorted()
                        .filter(ns -> !namespace.getItems().contains(ns)).forEach(namespace.getItems()::add));
        return namespace;
    }

    /** e.g. "2 MHC, 1 unhealthy"; empty without MachineHealthChecks. */
    private static String healthChecks(ClusterSummary cluster) {
        if (cluster.healthChecks() == 0) {
            return "";
        }
        return cluster.unhealthyMachines() == 0 ? Texts.get("clusters.overview.healthChecks", cluster.healthChecks())
                : Texts.get("clusters.overview.healthChecksUnhealthy", cluster.healthChecks(),
                cluster.unhealthyMachines());
    }

    private TableView<ClusterSummary> table(FilteredList<ClusterSummary> visible) {
        TableView<ClusterSummary> table = new TableView<>(visible);
        table.setId("cluster-table");
        table.getStyleClass().addAll(Styles.DENSE, Styles.STRIPED);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(column(Texts.get("common.column.name"), 120, ClusterSummary::name));
        table.getColumns().add(column(Texts.get("common.column.namespace"), 100, ClusterSummary::namespace));
        table.getColumns().add(column(Texts.get("clusters.column.phase"), 100, ClusterSummary::phase));
        TableColumn<ClusterSummary, String> available = column(Texts.get("clusters.column.available"), 95, ClusterSummary::available);
        available.setCellFactory(c -> StatusCells.statusCell(row -> false));
        table.getColumns().add(available);
        table.getColumns().add(column(Texts.get("clusters.column.controlPlane"), 125, ClusterSummary::controlPlane));
        table.getColumns().add(column(Texts.get("clusters.column.workers"), 95, ClusterSummary::workers));
        table.getColumns().add(column(Texts.get("clusters.column.version"), 80, ClusterSummary::version));
        table.getColumns().add(column(Texts.get("clusters.column.infrastructure"), 125, ClusterSummary::infrastructure));
        table.getColumns().add(column("ClusterClass", 115, ClusterSummary::clusterClass));
        table.getColumns().add(column(Texts.get("clusters.column.healthChecks"), 125, ClusterOverview::healthChecks));
        table.getColumns().add(column(Texts.get("common.events.age"), 55, ClusterSummary::age));
        table.getColumns().forEach(c -> c.setMinWidth(c.getPrefWidth()));
        table.setTooltip(new Tooltip(Texts.get("clusters.overview.countsTooltip")));
        table.setPlaceholder(new Label(Texts.get("clusters.overview.empty")));
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null) {
                model.selectedProperty().set(now);
            }
        });
        model.selectedProperty().addListener((obs, old, now) -> {
            if (now != null && !now.equals(table.getSelectionModel().getSelectedItem())) {
                table.getSelectionModel().select(now);
            }
        });
        VBox.setVgrow(table, Priority.ALWAYS);
        return table;
    }
}
