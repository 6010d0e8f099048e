package dev.capiconsole.ui.install;

import dev.capiconsole.addons.AddonSources;
import dev.capiconsole.bootstrap.BootstrapException;
import dev.capiconsole.bootstrap.KindArchiveLoader;
import dev.capiconsole.bootstrap.LocalTool;
import dev.capiconsole.clusterctl.ClusterctlEnvironment;
import dev.capiconsole.connection.ExecPath;
import dev.capiconsole.connection.ManagementCluster;
import dev.capiconsole.images.ImageList;
import dev.capiconsole.images.MirrorScript;
import dev.capiconsole.images.QuickstartImages;
import dev.capiconsole.install.ImageOverrides;
import dev.capiconsole.install.InitImages;
import dev.capiconsole.install.InitRequest;
import dev.capiconsole.install.InitSetup;
import dev.capiconsole.ui.common.BackgroundTask;
import dev.capiconsole.ui.common.TaskExecutor;
import dev.capiconsole.ui.common.Texts;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * The Images tab: every image a quickstart pulls (as published), the script that mirrors them, the
 * {@code images:} overrides the clusterctl config file sets, and loading a saved image archive into a kind
 * management cluster.
 */
public final class ImagesViewModel {

    private static final String KIND_CONTEXT_PREFIX = "kind-";

    private final ObjectProperty<ManagementCluster> connected;
    private final TaskExecutor tasks;
    private final Supplier<ClusterctlEnvironment> environment;
    private final StringProperty infrastructure = new SimpleStringProperty("docker");
    private final StringProperty kubernetesVersion = new SimpleStringProperty("v1.33.1");
    private final StringProperty cni = new SimpleStringProperty("calico");
    private final BooleanProperty offline = new SimpleBooleanProperty(true);
    private final ReadOnlyStringWrapper listText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper script = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper overrides = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final StringProperty kindCluster = new SimpleStringProperty("");
    private final StringProperty archive = new SimpleStringProperty("");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper();
    private final ObservableList<String> loadLines = FXCollections.observableArrayList();
    private volatile String pathForTools = System.getenv("PATH");

    public ImagesViewModel(ObjectProperty<ManagementCluster> connected, TaskExecutor tasks,
            Supplier<ClusterctlEnvironment> environment) {
        this.connected = connected;
        this.tasks = tasks;
        this.environment = environment;
        connected.addListener((obs, old, now) -> kindCluster.set(kindClusterOf(now)));
        kindCluster.set(kindClusterOf(connected.get()));
    }

    /** The kind cluster behind a {@code kind-NAME} context, else empty. */
    static String kindClusterOf(ManagementCluster cluster) {
        return cluster != null && cluster.name().startsWith(KIND_CONTEXT_PREFIX)
                ? cluster.name().substring(KIND_CONTEXT_PREFIX.length()) : "";
    }

    /** Reads the releases (overrides folders, offline files, the network) and builds the list and the script. */
    public void list() {
        String infra = infrastructure.get().strip();
        String version = kubernetesVersion.get().strip();
        String addon = cni.get();
        boolean useOffline = offline.get();
        running.set(true);
        status.set(Texts.get("install.images.status.reading"));
        BackgroundTask.of(() -> {
            InitSetup setup = new InitSetup(environment.get(), List.of(),
                    useOffline ? InitSetup.builtOfflineComponents() : null);
            InitImages init = new InitImages(null, setup.repository(), setup.certManager(), ImageOverrides.NONE);
            AddonSources addons = new AddonSources(setup.environment().releases(setup.overridesFolders()),
                    setup.overridesFolders());
            ImageList list = new QuickstartImages(setup.repository(), init, addons).list(new QuickstartImages.Request(
                    new InitRequest(null, List.of(), List.of(), List.of(infra), List.of(), null, Map.of(), false,
                            null, null, null), addon, null, null, version, null));
            return new Listed(list, overridesText(setup.imageOverrides()), infra, version);
        }).onSuccess(listed -> {
            running.set(false);
            listText.set(listed.list().text());
            script.set(MirrorScript.render(listed.list(), "a Cluster API quickstart (" + listed.infrastructure()
                    + ", Kubernetes " + listed.version() + ")"));
            overrides.set(listed.overrides());
            status.set(Texts.get("install.images.status.listed", listed.list().images().size()));
        }).onFailure(e -> {
            running.set(false);
            status.set(Texts.get("install.images.status.failed", e.getMessage()));
        }).runWith(tasks);
    }

    private record Listed(ImageList list, String overrides, String infrastructure, String version) {
    }

    private static String overridesText(ImageOverrides overrides) {
        if (overrides.isEmpty()) {
            return Texts.get("install.images.overrides.none");
        }
        StringBuilder text = new StringBuilder();
        overrides.entries().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(entry -> {
            text.append(entry.getKey()).append(':');
            ImageOverrides.Override value = entry.getValue();
            if (!value.repository().isEmpty()) {
                text.append(" repository=").append(value.repository());
            }
            if (!value.name().isEmpty()) {
                text.append(" name=").append(value.name());
            }
            if (!value.tag().isEmpty()) {
                text.append(" tag=").append(value.tag());
            }
            text.append('\n');
        });
        return text.toString();
    }

    /** Writes the mirror script to {@code file}, executable. */
    public void saveScript(Path file) {
        String text = script.get();
        BackgroundTask.of(() -> {
            Files.writeString(file, text);
            file.toFile().setExecutable(true, true);
        }).onSuccess(done -> status.set(Texts.get("install.images.status.saved", file)))
                .onFailure(e -> status.set(Texts.get("install.images.status.failed", e.getMessage())))
                .runWith(tasks);
    }

    /** {@code kind load image-archive} into the kind cluster; its lines arrive in {@link #loadLines()}. */
    public void loadArchive() {
        String cluster = kindCluster.get().strip();
        String file = archive.get().strip();
        String path = pathForTools;
        loadLines.clear();
        if (cluster.isEmpty() || file.isEmpty()) {
            loadLines.add(Texts.get("install.images.load.missing"));
            return;
        }
        loading.set(true);
        BackgroundTask.of(() -> {
            Path kind = LocalTool.locate("kind", path, ExecPath.commonToolFolders()).orElseThrow(() ->
                    new BootstrapException(Texts.get("install.images.load.noKind")));
            new KindArchiveLoader(kind, Map.of("PATH", path)).load(cluster, Path.of(file),
                    line -> tasks.onUiThread(() -> loadLines.add(line)));
        }).onSuccess(done -> {
            loading.set(false);
            loadLines.add(Texts.get("install.images.load.done", cluster));
        }).onFailure(e -> {
            loading.set(false);
            loadLines.add(Texts.get("install.images.load.failed", e.getMessage()));
        }).runWith(tasks);
    }

    /** The PATH kind is looked for on (tests point it at a stand-in). */
    public void setPathForTools(String path) {
        this.pathForTools = path;
    }

    public StringProperty infrastructureProperty() {
        return infrastructure;
    }

    public StringProperty kubernetesVersionProperty() {
        return kubernetesVersion;
    }

    public StringProperty cniProperty() {
        return cni;
    }

    public BooleanProperty offlineProperty() {
        return offline;
    }

    public ReadOnlyStringProperty listTextProperty() {
        return listText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty scriptProperty() {
        return script.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty overridesProperty() {
        return overrides.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public StringProperty kindClusterProperty() {
        return kindCluster;
    }

    public StringProperty archiveProperty() {
        return archive;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public ObservableList<String> loadLines() {
        return loadLines;
    }

    public ObjectProperty<ManagementCluster> connectedProperty() {
        return connected;
    }
}
