package dev.capiconsole.ui.install;

import dev.capiconsole.connection.ManagementCluster;
import dev.capiconsole.install.CertManagerUpgrade;
import dev.capiconsole.install.InstalledProvider;
import dev.capiconsole.install.ProviderSpec;
import dev.capiconsole.install.ProviderUpgrade;
import dev.capiconsole.install.UpgradePlan;
import dev.capiconsole.install.UpgradePreview;
import dev.capiconsole.ui.common.BackgroundTask;
import dev.capiconsole.ui.common.BusyWork;
import dev.capiconsole.ui.common.TaskExecutor;
import dev.capiconsole.ui.common.Texts;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Upgrades tab: the installed providers with the upgrade plan of a chosen contract (each target version may be
 * changed), cert-manager's upgrade, the preview of every provider's changes (an entry per object, the diff of the
 * selected one), and the upgrade applied step by step after a confirmation.
 */
public final class UpgradesViewModel {

    /** An installed provider, the version the chosen contract's plan offers, and the version it will go to. */
    public record Row(InstalledProvider provider, String planned, StringProperty target) {
    }

    /** One line of the preview: a provider's heading, an object added, changed (with its diff) or removed, a CRD. */
    public record Entry(Kind kind, String text, String diff) {
    }

    public enum Kind { PROVIDER, ADDED, CHANGED, REMOVED, STORAGE }

    private final ObjectProperty<ManagementCluster> connected;
    private final TaskExecutor lane;
    private final Function<ManagementCluster, ProviderUpgrades> upgrades;
    private final BusyWork work;
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final StringProperty status = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");
    private final ObservableList<String> contracts = FXCollections.observableArrayList();
    private final StringProperty contract = new SimpleStringProperty();
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper certManager = new ReadOnlyStringWrapper("");
    private final ObservableList<Entry> entries = FXCollections.observableArrayList();
    private final ObjectProperty<Entry> selected = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper diff = new ReadOnlyStringWrapper("");
    private final ObjectProperty<ProviderUpgrades.Preview> preview = new SimpleObjectProperty<>();
    private final ReadOnlyBooleanWrapper applicable = new ReadOnlyBooleanWrapper();
    private final ObservableList<String> steps = FXCollections.observableArrayList();
    private List<UpgradePlan> plans = List.of();
    private boolean shown;

    /** @param upgrades the upgrade logic on a management cluster; called in the background */
    public UpgradesViewModel(ObjectProperty<ManagementCluster> connected, TaskExecutor tasks,
            Function<ManagementCluster, ProviderUpgrades> upgrades) {
        this.connected = connected;
        this.lane = tasks.serial();
        this.upgrades = upgrades;
        this.work = new BusyWork(lane, busy, status, error);
        connected.addListener((obs, old, now) -> {
            if (shown || now == null) {
                refresh();
            } else {
                forgetPlans();
            }
        });
        contract.addListener((obs, old, now) -> showPlan());
        selected.addListener((obs, old, now) -> diff.set(now == null ? "" : now.diff()));
        preview.addListener((obs, old, now) -> applicable.set(now != null && now.changesSomething()));
    }

    /**
     * The tab is shown or hidden: the plan is read when it is first shown on a connection (reading every provider's
     * releases may reach GitHub, so a connection alone does not).
     */
    public void setShown(boolean now) {
        shown = now;
        if (now && rows.isEmpty() && !busy.get()) {
            refresh();
        }
    }

    /** Reads the inventory and the plan again, as {@code upgrade plan} does. */
    public void refresh() {
        ManagementCluster cluster = connected.get();
        forgetPlans();
        error.set("");
        if (cluster == null) {
            status.set(Texts.get("install.upgrades.status.notConnected"));
            return;
        }
        work.run(Texts.get("install.upgrades.status.reading", cluster.name()), () -> upgrades.apply(cluster)
                .overview(), overview -> {
                    plans = overview.plans();
                    certManager.set(certManagerText(overview.certManager()));
                    String before = contract.get();
                    contracts.setAll(plans.stream().map(UpgradePlan::contract).sorted().toList());
                    contract.set(contracts.contains(before) ? before : contracts.isEmpty() ? null
                            : contracts.get(contracts.size() - 1));
                    showPlan();
                    status.set(plans.isEmpty() ? Texts.get("install.upgrades.status.noProviders")
                            : plans.stream().anyMatch(UpgradePlan::upgradeAvailable)
                                    ? Texts.get("install.upgrades.status.available")
                                    : Texts.get("install.upgrades.status.upToDate"));
                });
    }

    private void showPlan() {
        forgetPreview();
        UpgradePlan plan = plans.stream().filter(p -> p.contract().equals(contract.get())).findFirst().orElse(null);
        if (plan == null) {
            rows.clear();
            return;
        }
        List<Row> shown = new ArrayList<>();
        for (UpgradePlan.Item item : plan.providers()) {
            StringProperty target = new SimpleStringProperty(item.nextVersion());
            target.addListener((obs, old, now) -> forgetPreview());
            shown.add(new Row(item.provider(), item.nextVersion(), target));
        }
        rows.setAll(shown);
    }

    private void forgetPlans() {
        plans = List.of();
        contracts.clear();
        rows.clear();
        certManager.set("");
        forgetPreview();
    }

    private void forgetPreview() {
        preview.set(null);
        entries.clear();
        selected.set(null);
    }

    static String certManagerText(CertManagerUpgrade.Plan plan) {
        return plan.externallyManaged() ? Texts.get("install.upgrades.certManager.external")
                : plan.shouldUpgrade() ? Texts.get("install.upgrades.certManager.upgrade", plan.from(), plan.to())
                : Texts.get("install.upgrades.certManager.upToDate", plan.from());
    }

    /**
     * Checks and previews the upgrade: the contract's plan ({@code --contract}) while every target is the planned
     * one, else the providers whose target differs from their current version ({@code --core/-b/-c/-i}).
     */
    public void preview() {
        ManagementCluster cluster = connected.get();
        if (cluster == null || rows.isEmpty()) {
            error.set(Texts.get("install.upgrades.status.nothingToPreview"));
            return;
        }
        boolean asPlanned = rows.stream().allMatch(row -> row.target().get().strip().equals(row.planned()));
        String chosenContract = asPlanned ? contract.get() : null;
        List<ProviderSpec> chosen = asPlanned ? List.of() : rows.stream()
                .filter(row -> !row.target().get().isBlank()
                        && !row.target().get().strip().equals(row.provider().version()))
                .map(row -> new ProviderSpec(row.provider().type(), row.provider().providerName(),
                        row.target().get().strip()))
                .toList();
        if (!asPlanned && chosen.isEmpty()) {
            error.set(Texts.get("install.upgrades.status.nothingToPreview"));
            return;
        }
        forgetPreview();
        error.set("");
        work.run(Texts.get("install.upgrades.status.previewing"), () -> upgrades.apply(cluster)
                .prepare(chosenContract, chosen), prepared -> {
                    entries.setAll(entries(prepared));
                    preview.set(prepared);
                    status.set(prepared.changesSomething() ? Texts.get("install.upgrades.status.previewed",
                            prepared.providers().size(), cluster.name())
                            : Texts.get("install.upgrades.status.nothingToUpgrade"));
                });
    }

    static List<Entry> entries(ProviderUpgrades.Preview preview) {
        List<Entry> list = new ArrayList<>();
        for (UpgradePreview provider : preview.providers()) {
            InstalledProvider installed = provider.item().provider();
            list.add(new Entry(Kind.PROVIDER, Texts.get("install.upgrades.preview.provider", installed.name(),
                    installed.version(), provider.item().nextVersion(), installed.namespace(),
                    provider.added().size(), provider.changed().size(), provider.unchanged(),
                    provider.removed().size()), Texts.get("install.upgrades.preview.diffBase", provider.diffBase())));
            provider.added().forEach(name -> list.add(new Entry(Kind.ADDED, "+ " + name, "")));
            provider.changed().forEach(change -> list.add(new Entry(Kind.CHANGED, "~ " + change.object(),
                    change.diff())));
            provider.removed().forEach(name -> list.add(new Entry(Kind.REMOVED, "- " + name, "")));
            provider.storageChanges().forEach(change -> list.add(new Entry(Kind.STORAGE,
                    Texts.get("install.upgrades.preview.storage", change), "")));
        }
        return list;
    }

    /** Applies the previewed upgrade (the view asks first); each step arrives in {@link #steps()}. */
    public void apply() {
        ProviderUpgrades.Preview prepared = preview.get();
        ManagementCluster cluster = connected.get();
        if (prepared == null || !prepared.changesSomething() || cluster == null) {
            error.set(Texts.get("install.upgrades.status.previewFirst"));
            return;
        }
        steps.clear();
        error.set("");
        busy.set(true);
        status.set(Texts.get("install.upgrades.status.applying", cluster.name()));
        BackgroundTask.of(() -> {
            prepared.applier().apply(new ProviderUpgrade.Progress() {
                @Override
                public void line(String text) {
                    lane.onUiThread(() -> steps.add(text));
                }

                @Override
                public void providerUpgraded(UpgradePlan.Item item) {
                    lane.onUiThread(() -> steps.add("  " + Texts.get("install.upgrades.step.upgraded",
                            item.provider().name(), item.nextVersion())));
                }
            });
            return prepared;
        }).onSuccess(done -> {
            busy.set(false);
            steps.add(Texts.get("install.upgrades.step.complete"));
            refresh();
        }).onFailure(e -> {
            busy.set(false);
            String message = e.getMessage() == null ? e.toString() : e.getMessage();
            steps.add(Texts.get("install.upgrades.step.failed", message));
            refresh();
            error.set(Texts.get("install.upgrades.status.applyFailed", message));
        }).runWith(lane);
    }

    public ObservableList<String> contracts() {
        return contracts;
    }

    public StringProperty contractProperty() {
        return contract;
    }

    public ObservableList<Row> rows() {
        return rows;
    }

    public ReadOnlyStringProperty certManagerProperty() {
        return certManager.getReadOnlyProperty();
    }

    public ObservableList<Entry> entries() {
        return entries;
    }

    public ObjectProperty<Entry> selectedProperty() {
        return selected;
    }

    public ReadOnlyStringProperty diffProperty() {
        return diff.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty applicableProperty() {
        return applicable.getReadOnlyProperty();
    }

    public ObservableList<String> steps() {
        return steps;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error;
    }

    public ObjectProperty<ManagementCluster> connectedProperty() {
        return connected;
    }
}
