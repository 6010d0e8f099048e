package dev.capiconsole.ui.providers;

import atlantafx.base.theme.Styles;
import dev.capiconsole.providers.Provider;
import dev.capiconsole.providers.ProviderType;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.transformation.FilteredList;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The provider catalog: the providers clusterctl knows here and where their components come from. */
public final class ProvidersView {

    private static final String ALL_TYPES = "All types";

    private final VBox root = new VBox(12);

    /** @param capiReference the Cluster API release whose clusterctl the built-in catalog comes from */
    public ProvidersView(ProvidersViewModel viewModel, String capiReference) {
        root.getStyleClass().add("page");
        Label title = new Label("Providers");
        title.getStyleClass().add("title-2");
        Label lead = new Label("The providers clusterctl " + capiReference + " knows, with those added or changed "
                + "in clusterctl.yaml (clusterctl config repositories).");
        lead.getStyleClass().add("muted");
        lead.setWrapText(true);

        TextField filter = new TextField();
        filter.setId("provider-filter");
        filter.setPromptText("Filter by name or URL");
        HBox.setHgrow(filter, Priority.ALWAYS);
        ComboBox<String> type = new ComboBox<>();
        type.setId("provider-type");
        type.getItems().add(ALL_TYPES);
        for (ProviderType t : ProviderType.values()) {
            type.getItems().add(t.clusterctlName());
        }
        type.setValue(ALL_TYPES);
        HBox filters = new HBox(8, filter, type);
        filters.setAlignment(Pos.CENTER_LEFT);

        FilteredList<Provider> visible = new FilteredList<>(viewModel.providers());
        Runnable refilter = () -> {
            String text = filter.getText().toLowerCase(Locale.ROOT).trim();
            String chosenType = type.getValue();
            visible.setPredicate(p -> (ALL_TYPES.equals(chosenType) || p.type().clusterctlName().equals(chosenType))
                    && (text.isEmpty() || p.name().contains(text) || p.url().toLowerCase(Locale.ROOT).contains(text)));
        };
        filter.textProperty().addListener((obs, old, now) -> refilter.run());
        type.valueProperty().addListener((obs, old, now) -> refilter.run());

        TableView<Provider> table = new TableView<>(visible);
        table.setId("provider-table");
        table.getColumns().add(column("Name", 170, Provider::name));
        table.getColumns().add(column("Type", 180, p -> p.type().clusterctlName()));
        table.getColumns().add(column("Repository", 430, Provider::repositoryUrl));
        table.getColumns().add(column("File", 250, Provider::componentsFile));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getStyleClass().addAll(Styles.DENSE, Styles.STRIPED);
        Label placeholder = new Label();
        placeholder.textProperty().bind(viewModel.placeholderProperty());
        table.setPlaceholder(placeholder);
        VBox.setVgrow(table, Priority.ALWAYS);

        root.getChildren().addAll(title, lead, filters, table);
        viewModel.load();
    }

    public Node root() {
        return root;
    }

    private static TableColumn<Provider, String> column(String title, double width, Function<Provider, String> value) {
        TableColumn<Provider, String> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        return column;
    }
}
