package dev.capiconsole.ui.install;

import dev.capiconsole.clusterctl.ClusterctlEnvironment;
import dev.capiconsole.connection.ManagementCluster;
import dev.capiconsole.install.InitProgress;
import dev.capiconsole.install.InitRequest;
import dev.capiconsole.install.InitSetup;
import dev.capiconsole.install.InstalledProvider;
import dev.capiconsole.install.Inventory;
import dev.capiconsole.install.MetalLb;
import dev.capiconsole.install.NewestRelease;
import dev.capiconsole.install.ProviderSpec;
import dev.capiconsole.install.ReleaseRepository;
import dev.capiconsole.providers.Provider;
import dev.capiconsole.providers.ProviderType;
import dev.capiconsole.ui.common.BackgroundTask;
import dev.capiconsole.ui.common.TaskExecutor;
import dev.capiconsole.ui.common.Texts;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Install providers into the connected management cluster with {@code clusterctl init}'s semantics: the form,
 * each step with its state, the detail lines, and the providers installed with the newest release available.
 */
public final class InstallViewModel {

    /** One step of the install, as the list shows it. */
    public record StepRow(InitProgress.Step step, InitProgress.State state, String detail) {
    }

    /** An installed provider with the newest release its repository offers (or why that is unknown). */
    public record InstalledRow(String namespace, String name, String type, String version, String available) {
    }

    private final ObjectProperty<ManagementCluster> connected;
    private final TaskExecutor tasks;
    private final Supplier<ClusterctlEnvironment> environment;
    private volatile Path offlineFolder;
    private Runnable onInstalled = () -> { };
    private final StringProperty infrastructure = new SimpleStringProperty("docker");
    private final StringProperty version = new SimpleStringProperty("");
    private final StringProperty targetNamespace = new SimpleStringProperty("");
    private final StringProperty variables = new SimpleStringProperty("CLUSTER_TOPOLOGY=true");
    private final BooleanProperty offline = new SimpleBooleanProperty(false);
    private final BooleanProperty waitProviders = new SimpleBooleanProperty(true);
    private final BooleanProperty metallb = new SimpleBooleanProperty(false);
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper result = new ReadOnlyStringWrapper("");
    private final ObservableList<StepRow> steps = FXCollections.observableArrayList();
    private final ObservableList<String> output = FXCollections.observableArrayList();
    private final ObservableList<InstalledRow> installed = FXCollections.observableArrayList();
    private final DeleteProvidersViewModel deleteProviders;
    private final ImagesViewModel images;
    private final UpgradesViewModel upgrades;

    public InstallViewModel(ObjectProperty<ManagementCluster> connected, TaskExecutor tasks,
            Supplier<ClusterctlEnvironment> environment) {
        this.connected = connected;
        this.tasks = tasks;
        this.environment = environment;
        this.deleteProviders = new DeleteProvidersViewModel(connected, tasks);
        this.images = new ImagesViewModel(connected, tasks, environment);
        this.upgrades = new UpgradesViewModel(connected, tasks, cluster -> ProviderUpgrades.of(new InitSetup(
                environment.get(), List.of(), InitSetup.builtOfflineComponents()), cluster.client()));
        resetSteps();
        connected.addListener((obs, old, now) -> refreshInstalled());
        infrastructure.addListener((obs, old, now) -> metallb.set(now != null && MetalLb.neededBy(now.strip())));
    }

    /** The catalog's infrastructure providers (with the config file's), read in the background. */
    public void loadInfrastructureProviders(java.util.function.Consumer<List<String>> onFxThread) {
        BackgroundTask.of(() -> environment.get().catalog().ofType(ProviderType.INFRASTRUCTURE).stream()
                .map(Provider::name).toList()).onSuccess(onFxThread).runWith(tasks);
    }

    private void resetSteps() {
        List<StepRow> rows = new ArrayList<>();
        for (InitProgress.Step step : InitProgress.Step.values()) {
            rows.add(new StepRow(step, null, ""));
        }
        steps.setAll(rows);
    }

    /** Parses {@code NAME=VALUE} lines; blank lines and {@code #} comments are skipped. */
    static Map<String, String> parseVariables(String text) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : (text == null ? "" : text).split("\n")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            int equals = trimmed.indexOf('=');
            if (equals <= 0) {
                throw new IllegalArgumentException(Texts.get("install.result.notNameValue", trimmed));
            }
            values.put(trimmed.substring(0, equals).strip(), trimmed.substring(equals + 1).strip());
        }
        return values;
    }

    /** The Delete tab. */
    public DeleteProvidersViewModel deleteProviders() {
        return deleteProviders;
    }

    /** The Upgrades tab. */
    public UpgradesViewModel upgrades() {
        return upgrades;
    }

    /** The Images tab. */
    public ImagesViewModel images() {
        return images;
    }

    /** Run on the FX thread after a successful install (the shell reconnects to see Cluster API). */
    public void setOnInstalled(Runnable action) {
        this.onInstalled = action;
    }

    public void install() {
        ManagementCluster cluster = connected.get();
        if (cluster == null) {
            result.set(Texts.get("install.result.connectFirst"));
            return;
        }
        Map<String, String> values;
        String infra = infrastructure.get() == null ? "" : infrastructure.get().strip();
        String chosenVersion = version.get() == null ? "" : version.get().strip();
        try {
            values = parseVariables(variables.get());
            if (!infra.isEmpty()) {
                ProviderSpec.parse(ProviderType.INFRASTRUCTURE, chosenVersion.isEmpty() ? infra
                        : infra + ":" + chosenVersion);
            }
        } catch (RuntimeException e) {
            result.set(e.getMessage());
            return;
        }
        String namespace = targetNamespace.get() == null || targetNamespace.get().isBlank() ? null
                : targetNamespace.get().strip();
        InitRequest request = new InitRequest(null, List.of(), List.of(),
                infra.isEmpty() ? List.of() : List.of(chosenVersion.isEmpty() ? infra : infra + ":" + chosenVersion),
                List.of(), namespace, values, waitProviders.get(), Duration.ofMinutes(5), null,
                metallb.get() ? MetalLb.DEFAULT_VERSION : null);
        boolean useOffline = offline.get();
        resetSteps();
        output.clear();
        result.set("");
        running.set(true);
        BackgroundTask.of(() -> {
            Path offlineFiles = null;
            if (useOffline) {
                line(Texts.get("install.output.offline"));
                offlineFiles = InitSetup.offlineComponents(this::line);
                offlineFolder = offlineFiles;
            }
            InitSetup setup = new InitSetup(environment.get(), List.of(), offlineFiles);
            var outcome = setup.init(cluster.client()).run(request, progress());
            return String.join("; ", outcome.providers().stream()
                    .map(o -> o.provider().label() + " " + o.detail()).toList());
        }).onSuccess(summary -> {
            running.set(false);
            result.set(Texts.get("install.result.done", summary));
            onInstalled.run(); // reconnecting refreshes the installed providers
        }).onFailure(e -> {
            running.set(false);
            result.set(Texts.get("install.result.failed", e.getMessage()));
            refreshInstalled(); // part of the inventory may be written
        }).runWith(tasks);
    }

    private InitProgress progress() {
        return new InitProgress() {
            @Override
            public void step(Step step, State state, String detail) {
                tasks.onUiThread(() -> steps.set(step.ordinal(), new StepRow(step, state, detail)));
            }

            @Override
            public void line(String text) {
                InstallViewModel.this.line(text);
            }
        };
    }

    private void line(String text) {
        tasks.onUiThread(() -> output.add(text));
    }

    /** Reads the inventory, then asks each provider's repository for its newest release. */
    public void refreshInstalled() {
        ManagementCluster cluster = connected.get();
        if (cluster == null) {
            installed.clear();
            return;
        }
        BackgroundTask.of(() -> new Inventory(cluster.client()).list())
                .onSuccess(providers -> {
                    installed.setAll(providers.stream().map(p -> new InstalledRow(p.namespace(), p.name(),
                            p.type().clusterctlName(), p.version(), "…")).toList());
                    lookUpNewestReleases(providers);
                })
                .onFailure(e -> result.set(Texts.get("install.result.inventoryFailed", e.getMessage())))
                .runWith(tasks);
    }

    private void lookUpNewestReleases(List<InstalledProvider> providers) {
        boolean useOffline = offline.get();
        BackgroundTask.of(() -> {
            ReleaseRepository repository = new InitSetup(environment.get(), List.of(),
                    useOffline ? offlineFolder : null).repository();
            for (int i = 0; i < providers.size(); i++) {
                InstalledProvider p = providers.get(i);
                String available = NewestRelease.of(repository, p);
                InstalledRow row = new InstalledRow(p.namespace(), p.name(), p.type().clusterctlName(), p.version(),
                        available);
                int index = i;
                tasks.onUiThread(() -> {
                    if (index < installed.size() && installed.get(index).name().equals(row.name())) {
                        installed.set(index, row);
                    }
                });
            }
        }).runWith(tasks);
    }

    public StringProperty infrastructureProperty() {
        return infrastructure;
    }

    public StringProperty versionProperty() {
        return version;
    }

    public StringProperty targetNamespaceProperty() {
        return targetNamespace;
    }

    public StringProperty variablesProperty() {
        return variables;
    }

    public BooleanProperty offlineProperty() {
        return offline;
    }

    public BooleanProperty metallbProperty() {
        return metallb;
    }

    public BooleanProperty waitProvidersProperty() {
        return waitProviders;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty resultProperty() {
        return result.getReadOnlyProperty();
    }

    public ObservableList<StepRow> steps() {
        return steps;
    }

    public ObservableList<String> output() {
        return output;
    }

    public ObservableList<InstalledRow> installed() {
        return installed;
    }

    public ObjectProperty<ManagementCluster> connectedProperty() {
        return connected;
    }
}
