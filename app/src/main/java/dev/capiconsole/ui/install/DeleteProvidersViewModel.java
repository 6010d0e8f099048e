package dev.capiconsole.ui.install;

import dev.capiconsole.connection.ManagementCluster;
import dev.capiconsole.install.InstalledProvider;
import dev.capiconsole.install.Inventory;
import dev.capiconsole.install.ProviderDeletion;
import dev.capiconsole.providers.ProviderType;
import dev.capiconsole.ui.common.BackgroundTask;
import dev.capiconsole.ui.common.TaskExecutor;
import dev.capiconsole.ui.common.Texts;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Delete tab: providers chosen from the inventory, clusterctl delete's options, the preview of every object
 * that goes, and the deletion once the management cluster's name is typed.
 */
public final class DeleteProvidersViewModel {

    /** An installed provider and whether it is chosen. */
    public record Choice(InstalledProvider provider, BooleanProperty chosen) {
    }

    private final ObjectProperty<ManagementCluster> connected;
    private final TaskExecutor tasks;
    private final ObservableList<Choice> providers = FXCollections.observableArrayList();
    private final BooleanProperty includeNamespace = new SimpleBooleanProperty();
    private final BooleanProperty includeCrd = new SimpleBooleanProperty();
    private final StringProperty typedName = new SimpleStringProperty("");
    private final ReadOnlyObjectWrapper<ProviderDeletion.Plan> plan = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper preview = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final BooleanBinding confirmed;

    public DeleteProvidersViewModel(ObjectProperty<ManagementCluster> connected, TaskExecutor tasks) {
        this.connected = connected;
        this.tasks = tasks;
        connected.addListener((obs, old, now) -> refresh());
        includeNamespace.addListener((obs, old, now) -> forgetPlan());
        includeCrd.addListener((obs, old, now) -> forgetPlan());
        confirmed = Bindings.createBooleanBinding(() -> plan.get() != null && connected.get() != null
                && typedName.get().strip().equals(connected.get().name()), plan, typedName, connected);
    }

    /** Reads the inventory again; the choices and the preview start over. */
    public void refresh() {
        ManagementCluster cluster = connected.get();
        forgetPlan();
        if (cluster == null) {
            providers.clear();
            return;
        }
        BackgroundTask.of(() -> new Inventory(cluster.client()).list()).onSuccess(list -> {
            List<Choice> choices = new ArrayList<>();
            for (InstalledProvider provider : list) {
                BooleanProperty chosen = new SimpleBooleanProperty();
                chosen.addListener((obs, old, now) -> forgetPlan());
                choices.add(new Choice(provider, chosen));
            }
            providers.setAll(choices);
        }).onFailure(e -> status.set(Texts.get("install.delete.status.failed", e.getMessage()))).runWith(tasks);
    }

    private void forgetPlan() {
        plan.set(null);
        preview.set("");
        typedName.set("");
    }

    /** Plans the deletion of the chosen providers (all of them as clusterctl's --all when every one is chosen). */
    public void preview() {
        ManagementCluster cluster = connected.get();
        List<InstalledProvider> chosen = providers.stream().filter(c -> c.chosen().get()).map(Choice::provider)
                .toList();
        if (cluster == null || chosen.isEmpty()) {
            status.set(Texts.get("install.delete.status.chooseFirst"));
            return;
        }
        ProviderDeletion.Request request = request(chosen, chosen.size() == providers.size(), includeNamespace.get(),
                includeCrd.get());
        running.set(true);
        status.set(Texts.get("install.delete.status.planning"));
        BackgroundTask.of(() -> new ProviderDeletion(cluster.client()).plan(request)).onSuccess(planned -> {
            running.set(false);
            plan.set(planned);
            preview.set(describe(planned));
            status.set(Texts.get("install.delete.status.planned", planned.objectCount(), cluster.name()));
        }).onFailure(e -> {
            running.set(false);
            status.set(Texts.get("install.delete.status.refused", e.getMessage()));
        }).runWith(tasks);
    }

    static ProviderDeletion.Request request(List<InstalledProvider> chosen, boolean all, boolean includeNamespace,
            boolean includeCrd) {
        if (all) {
            return new ProviderDeletion.Request(true, null, List.of(), List.of(), List.of(), List.of(),
                    includeNamespace, includeCrd);
        }
        String core = chosen.stream().filter(p -> p.type() == ProviderType.CORE).map(InstalledProvider::providerName)
                .findFirst().orElse(null);
        return new ProviderDeletion.Request(false, core, names(chosen, ProviderType.BOOTSTRAP),
                names(chosen, ProviderType.CONTROL_PLANE), names(chosen, ProviderType.INFRASTRUCTURE),
                names(chosen, ProviderType.IPAM), includeNamespace, includeCrd);
    }

    private static List<String> names(List<InstalledProvider> chosen, ProviderType type) {
        return chosen.stream().filter(p -> p.type() == type).map(InstalledProvider::providerName).toList();
    }

    static String describe(ProviderDeletion.Plan plan) {
        StringBuilder text = new StringBuilder();
        for (ProviderDeletion.ProviderPlan provider : plan.providers()) {
            text.append(Texts.get("install.delete.preview.provider", provider.provider().name(),
                    provider.provider().version(), provider.provider().namespace())).append('\n');
            text.append("  ").append(Texts.get("install.delete.preview.deleted", provider.deleted().size()))
                    .append('\n');
            provider.deleted().forEach(o -> text.append("    - ").append(o).append('\n'));
            if (!provider.withNamespace().isEmpty()) {
                text.append("  ").append(Texts.get("install.delete.preview.withNamespace",
                        provider.withNamespace().size())).append('\n');
                provider.withNamespace().forEach(o -> text.append("    - ").append(o).append('\n'));
            }
            if (!provider.kept().isEmpty()) {
                text.append("  ").append(Texts.get("install.delete.preview.kept", provider.kept().size()))
                        .append('\n');
                for (Map.Entry<ProviderDeletion.ObjectRef, String> kept : provider.kept().entrySet()) {
                    text.append("    = ").append(kept.getKey()).append(": ").append(kept.getValue()).append('\n');
                }
            }
            text.append('\n');
        }
        plan.warnings().forEach(w -> text.append("! ").append(w).append('\n'));
        return text.toString();
    }

    /** Deletes what the preview shows, once the cluster's name is typed. */
    public void delete() {
        ManagementCluster cluster = connected.get();
        ProviderDeletion.Plan planned = plan.get();
        if (!confirmed.get()) {
            status.set(Texts.get("install.delete.status.typeName"));
            return;
        }
        running.set(true);
        status.set(Texts.get("install.delete.status.deleting"));
        BackgroundTask.of(() -> new ProviderDeletion(cluster.client()).apply(planned, line -> { })).onSuccess(done -> {
            running.set(false);
            status.set(Texts.get("install.delete.status.done", planned.providers().size(), planned.objectCount()));
            refresh();
        }).onFailure(e -> {
            running.set(false);
            status.set(Texts.get("install.delete.status.failed", e.getMessage()));
        }).runWith(tasks);
    }

    public ObservableList<Choice> providers() {
        return providers;
    }

    public BooleanProperty includeNamespaceProperty() {
        return includeNamespace;
    }

    public BooleanProperty includeCrdProperty() {
        return includeCrd;
    }

    public StringProperty typedNameProperty() {
        return typedName;
    }

    public ReadOnlyObjectProperty<ProviderDeletion.Plan> planProperty() {
        return plan.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty previewProperty() {
        return preview.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public BooleanBinding confirmedProperty() {
        return confirmed;
    }

    public ObjectProperty<ManagementCluster> connectedProperty() {
        return connected;
    }
}
