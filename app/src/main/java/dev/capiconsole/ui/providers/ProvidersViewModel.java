package dev.capiconsole.ui.providers;

import dev.capiconsole.clusterctl.ClusterctlEnvironment;
import dev.capiconsole.providers.Provider;
import dev.capiconsole.ui.common.BackgroundTask;
import dev.capiconsole.ui.common.TaskExecutor;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The provider catalog page: the providers of the clusterctl environment (built-in ones and those added in
 * clusterctl.yaml), read in the background.
 */
public final class ProvidersViewModel {

    private final TaskExecutor tasks;
    private final Supplier<ClusterctlEnvironment> environment;
    private final ObservableList<Provider> providers = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper placeholder = new ReadOnlyStringWrapper("Loading the provider catalog…");

    public ProvidersViewModel(TaskExecutor tasks, Supplier<ClusterctlEnvironment> environment) {
        this.tasks = tasks;
        this.environment = environment;
    }

    /** Reads the catalog again (the config file may have changed). */
    public void load() {
        BackgroundTask.of(() -> environment.get().catalog().all())
                .onSuccess(list -> {
                    placeholder.set("No provider matches the filter.");
                    providers.setAll(list);
                })
                .onFailure(e -> placeholder.set("The provider catalog could not be read: " + e.getMessage()))
                .runWith(tasks);
    }

    public ObservableList<Provider> providers() {
        return providers;
    }

    /** What the table says while it shows no provider. */
    public ReadOnlyStringProperty placeholderProperty() {
        return placeholder.getReadOnlyProperty();
    }
}
