package dev.capiconsole.ui.providers;

import dev.capiconsole.ui.common.Texts;
import static dev.capiconsole.ui.common.Columns.column;

import dev.capiconsole.providers.Provider;
import dev.capiconsole.ui.common.Fxml;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;

/**
 * The provider catalog: the providers clusterctl knows here and where their components come from. Controller of
 * {@code ProvidersView.fxml}.
 */
public final class ProvidersView {

    private final String allTypes = Texts.get("providers.type.all");

    private final ProvidersViewModel viewModel;
    private final String capiReference;
    private final Node root;

    @FXML
    private Label lead;
    @FXML
    private TextField filter;
    @FXML
    private ComboBox<String> type;
    @FXML
    private TableView<Provider> table;
    @FXML
    private Label placeholder;

    /** @param capiReference the Cluster API release whose clusterctl the built-in catalog comes from */
    public ProvidersView(ProvidersViewModel viewModel, String capiReference) {
        this.viewModel = viewModel;
        this.capiReference = capiReference;
        this.root = Fxml.load(this);
        viewModel.load();
    }

    public Node root() {
        return root;
    }

    @FXML
    private void initialize() {
        lead.setText(Texts.get("providers.page.lead", capiReference));
        filter.textProperty().bindBidirectional(viewModel.filterTextProperty());
        type.getItems().add(allTypes);
        type.getItems().addAll(ProvidersViewModel.typeNames());
        type.setValue(allTypes);
        type.valueProperty().addListener((obs, old, now) ->
                viewModel.typeFilterProperty().set(allTypes.equals(now) ? null : now));
        table.setItems(viewModel.visible());
        table.getColumns().add(column(Texts.get("common.column.name"), 170, Provider::name));
        table.getColumns().add(column(Texts.get("common.column.type"), 180, p -> p.type().clusterctlName()));
        table.getColumns().add(column(Texts.get("providers.column.repository"), 430, Provider::repositoryUrl));
        table.getColumns().add(column(Texts.get("providers.column.file"), 250, Provider::componentsFile));
        placeholder.textProperty().bind(viewModel.placeholderProperty());
    }
}
