package dev.capiconsole.ui.providers;

import dev.capiconsole.clusterctl.ClusterctlEnvironment;
import dev.capiconsole.providers.Provider;
import dev.capiconsole.providers.ProviderType;
import dev.capiconsole.ui.common.BackgroundTask;
import dev.capiconsole.ui.common.TaskExecutor;
import dev.capiconsole.ui.common.Texts;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * The provider catalog page: the providers of the clusterctl environment (built-in ones and those added in
 * clusterctl.yaml), read in the background.
 */
public final class ProvidersViewModel {

    private final TaskExecutor tasks;
    private final Supplier<ClusterctlEnvironment> environment;
    private final ObservableList<Provider> providers = FXCollections.observableArrayList();
    private final FilteredList<Provider> visible = new FilteredList<>(providers);
    private final StringProperty filterText = new SimpleStringProperty("");
    /** A clusterctl type name (e.g. InfrastructureProvider), or null for every type. */
    private final ObjectProperty<String> typeFilter = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper placeholder = new ReadOnlyStringWrapper(Texts.get("providers.table.loading"));

    public ProvidersViewModel(TaskExecutor tasks, Supplier<ClusterctlEnvironment> environment) {
        this.tasks = tasks;
        this.environment = environment;
        filterText.addListener((obs, old, now) -> refilter());
        typeFilter.addListener((obs, old, now) -> refilter());
    }

    private void refilter() {
        String text = filterText.get() == null ? "" : filterText.get().toLowerCase(Locale.ROOT).trim();
        String type = typeFilter.get();
        visible.setPredicate(p -> (type == null || p.type().clusterctlName().equals(type))
                && (text.isEmpty() || p.name().contains(text) || p.url().toLowerCase(Locale.ROOT).contains(text)));
    }

    /** Reads the catalog again (the config file may have changed). */
    public void load() {
        BackgroundTask.of(() -> environment.get().catalog().all())
                .onSuccess(list -> {
                    placeholder.set(Texts.get("providers.table.noMatch"));
                    providers.setAll(list);
                })
                .onFailure(e -> placeholder.set(Texts.get("providers.table.failed", e.getMessage())))
                .runWith(tasks);
    }

    public ObservableList<Provider> providers() {
        return providers;
    }

    /** The providers that pass the filter by text and type, as the table shows them. */
    public ObservableList<Provider> visible() {
        return visible;
    }

    /** Matched against the provider's name and URL, ignoring case. */
    public StringProperty filterTextProperty() {
        return filterText;
    }

    public ObjectProperty<String> typeFilterProperty() {
        return typeFilter;
    }

    /** The clusterctl names of the provider types, for the type filter. */
    public static List<String> typeNames() {
        return Arrays.stream(ProviderType.values()).map(ProviderType::clusterctlName).toList();
    }

    /** What the table says while it shows no provider. */
    public ReadOnlyStringProperty placeholderProperty() {
        return placeholder.getReadOnlyProperty();
    }
}
