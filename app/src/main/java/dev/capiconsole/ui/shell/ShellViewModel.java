package dev.capiconsole.ui.shell;

import dev.capiconsole.BuildInfo;
import dev.capiconsole.clusterctl.ClusterctlEnvironment;
import dev.capiconsole.connection.ClusterProbe;
import dev.capiconsole.connection.EmbeddedLab;
import dev.capiconsole.connection.ExecPath;
import dev.capiconsole.connection.KubeContext;
import dev.capiconsole.connection.KubeconfigSet;
import dev.capiconsole.connection.ManagementCluster;
import dev.capiconsole.lab.LabOptions;
import dev.capiconsole.live.WatchHealth;
import dev.capiconsole.problems.DesktopNotification;
import dev.capiconsole.settings.Settings;
import dev.capiconsole.ui.clusterclasses.ClusterClassesViewModel;
import dev.capiconsole.ui.clusters.ClustersViewModel;
import dev.capiconsole.ui.common.BackgroundTask;
import dev.capiconsole.ui.common.Notice;
import dev.capiconsole.ui.common.TaskExecutor;
import dev.capiconsole.ui.common.Texts;
import dev.capiconsole.ui.generate.GenerateViewModel;
import dev.capiconsole.ui.install.InstallViewModel;
import dev.capiconsole.ui.kind.KindViewModel;
import dev.capiconsole.ui.lab.LabViewModel;
import dev.capiconsole.ui.problems.ProblemsViewModel;
import dev.capiconsole.ui.providers.ProvidersViewModel;
import dev.capiconsole.ui.resourcesets.ResourceSetsViewModel;
import dev.capiconsole.ui.workloads.WorkloadsViewModel;
import java.io.File;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** State of the main window: which view is shown, the theme, the connection and the current notice. */
public final class ShellViewModel {

    public static final String THEME_KEY = "theme";
    static final String LAST_KUBECONFIG_KEY = "kubeconfig.files";
    static final String LAST_CONTEXT_KEY = "kubeconfig.context";
    /** Extra folders (path-separator list) where exec credential plugins are looked for. */
    static final String EXEC_PATH_KEY = "exec.path";
    static final String SYSTEM_LANGUAGE = "system";
    private static final Logger LOG = LoggerFactory.getLogger(ShellViewModel.class);

    private final ObjectProperty<View> currentView = new SimpleObjectProperty<>(View.WELCOME);
    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>();
    private final ObjectProperty<Notice> notice = new SimpleObjectProperty<>();
    private final ObjectProperty<ManagementCluster> connected = new SimpleObjectProperty<>();
    private final ObservableList<KubeContext> contexts = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<String> connecting = new ReadOnlyObjectWrapper<>();
    private volatile KubeconfigSet kubeconfigs;
    private final ReadOnlyStringWrapper connectionState = new ReadOnlyStringWrapper();
    private final Settings settings;
    private final TaskExecutor tasks;
    private final TaskExecutor settingsLane;
    private final BuildInfo buildInfo;
    private final LabViewModel lab;
    private final ClustersViewModel clusters;
    private final GenerateViewModel generate;
    private final ProvidersViewModel providers;
    private final WorkloadsViewModel workloads;
    private final KindViewModel kind;
    private final InstallViewModel install;
    private final ResourceSetsViewModel resourceSets;
    private final ProblemsViewModel problems;
    private final ClusterClassesViewModel clusterClasses;
    private volatile boolean shutDown;

    public ShellViewModel(Settings settings, TaskExecutor tasks, BuildInfo buildInfo, LabOptions labOptions) {
        this.settings = settings;
        this.tasks = tasks;
        this.settingsLane = tasks.serial();
        this.buildInfo = buildInfo;
        this.lab = new LabViewModel(new EmbeddedLab(labOptions), connected,
                View.CLUSTERS.title() + " (" + View.CLUSTERS.shortcutText() + ")", tasks);
        this.clusters = new ClustersViewModel(connected, tasks);
        this.workloads = new WorkloadsViewModel(tasks, connected, clusters.clusters());
        clusters.setOpenWorkload((namespace, name) -> {
            workloads.open(namespace, name);
            show(View.WORKLOADS);
        });
        this.kind = new KindViewModel(tasks.serial(), workloads.userKubeconfigProperty(),
                this::connectToNewKindCluster);
        this.providers = new ProvidersViewModel(tasks, ClusterctlEnvironment::ofThisProcess);
        this.generate = new GenerateViewModel(connected, tasks, ClusterctlEnvironment::ofThisProcess,
                (namespace, name) -> {
                    clusters.reveal(namespace, name);
                    show(View.CLUSTERS);
                });
        this.install = new InstallViewModel(connected, tasks.serial(), ClusterctlEnvironment::ofThisProcess);
        this.resourceSets = new ResourceSetsViewModel(connected, tasks, ClusterctlEnvironment::ofThisProcess);
        this.problems = new ProblemsViewModel(connected, tasks, settings, (namespace, name) -> {
            clusters.reveal(namespace, name);
            show(View.CLUSTERS);
        }, notice::set, (title, body) -> DesktopNotification.find(System.getenv("PATH")).send(title, body));
        this.clusterClasses = new ClusterClassesViewModel(connected, tasks, (namespace, name) -> {
            generate.openClass(namespace, name);
            show(View.GENERATE);
        });
        install.setOnInstalled(() -> {
            if (connected.get() != null) {
                connect(connected.get().name());
            }
        });
        connected.addListener((obs, old, now) -> {
            if (old != null) {
                // After every feature has let go of it: the features' listeners were added first.
                BackgroundTask.of(old::close).runWith(tasks);
            }
        });
        connectionState.bind(Bindings.createStringBinding(() -> describe(connected.get(),
                clusters.healthProperty().get()), connected, clusters.healthProperty()));
        theme.set(settings.get(THEME_KEY).map(ShellViewModel::parseTheme).orElse(Theme.LIGHT));
        theme.addListener((obs, old, now) -> BackgroundTask.of(() -> save(now)).runWith(settingsLane));
    }

    private static Theme parseTheme(String value) {
        try {
            return Theme.valueOf(value);
        } catch (IllegalArgumentException e) {
            return Theme.LIGHT;
        }
    }

    private void save(Theme chosen) {
        try {
            settings.put(THEME_KEY, chosen.name());
        } catch (RuntimeException e) {
            LOG.warn("Could not remember the theme in {}", settings.file(), e);
        }
    }

    private static String describe(ManagementCluster cluster, WatchHealth health) {
        if (cluster == null) {
            return Texts.get("shell.status.notConnected");
        }
        return switch (health.state()) {
            case RECONNECTING -> Texts.get("shell.status.reconnecting", cluster.name(), cluster.server());
            case REJECTED -> Texts.get("shell.status.rejected", cluster.name(), cluster.server());
            case WATCHING -> Texts.get(cluster.clusterApiInstalled() ? "shell.status.connected"
                    : "shell.status.connectedNoCapi", cluster.name(), cluster.server(), cluster.kubernetesVersion());
        };
    }

    public ObjectProperty<ManagementCluster> connectedProperty() {
        return connected;
    }

    public LabViewModel lab() {
        return lab;
    }

    public ClustersViewModel clusters() {
        return clusters;
    }

    public ResourceSetsViewModel resourceSets() {
        return resourceSets;
    }

    public ClusterClassesViewModel clusterClasses() {
        return clusterClasses;
    }

    public ProblemsViewModel problems() {
        return problems;
    }

    public ProvidersViewModel providers() {
        return providers;
    }

    public GenerateViewModel generate() {
        return generate;
    }

    public WorkloadsViewModel workloads() {
        return workloads;
    }

    public InstallViewModel install() {
        return install;
    }

    public KindViewModel kind() {
        return kind;
    }

    private void connectToNewKindCluster(Path kubeconfigFile) {
        String context = kind.context();
        if (kind.installAfterProperty().get()) {
            connected.addListener(new javafx.beans.value.ChangeListener<>() {
                @Override
                public void changed(javafx.beans.value.ObservableValue<? extends ManagementCluster> obs,
                        ManagementCluster old, ManagementCluster now) {
                    if (now != null && now.name().equals(context)) {
                        connected.removeListener(this);
                        install.infrastructureProperty().set("docker");
                        show(View.INSTALL);
                        install.install();
                    }
                }
            });
        }
        loadAndConnect(kubeconfigFile, context);
    }

    /** Loads one kubeconfig file and connects to one of its contexts (after kind wrote it). */
    public void loadAndConnect(Path file, String context) {
        BackgroundTask.of(() -> KubeconfigSet.load(List.of(file)))
                .onSuccess(set -> {
                    kubeconfigs = set;
                    contexts.setAll(set.contexts());
                    connect(context);
                })
                .onFailure(e -> notice.set(new Notice(Notice.Kind.ERROR, Texts.get("shell.notice.cannotReadFile", file),
                        e.getMessage())))
                .runWith(settingsLane);
    }

    public ObservableList<KubeContext> contexts() {
        return contexts;
    }

    /** Reads kubeconfig files (no network) and lists their contexts; connects to the current one if asked. */
    public void loadKubeconfigs(List<Path> files, boolean connectCurrent) {
        BackgroundTask.of(() -> {
            KubeconfigSet set = KubeconfigSet.load(files);
            settings.put(LAST_KUBECONFIG_KEY, files.stream().map(Path::toString)
                    .collect(Collectors.joining(File.pathSeparator)));
            return set;
        }).onSuccess(set -> {
            kubeconfigs = set;
            contexts.setAll(set.contexts());
            if (connectCurrent) {
                set.currentContext().ifPresentOrElse(this::connect, () -> notice.set(new Notice(
                        Notice.Kind.WARNING, Texts.get("shell.notice.noCurrentContext", files),
                        Texts.get("shell.notice.pickContext"))));
            }
        }).onFailure(e -> {
            LOG.warn("Cannot read kubeconfig files {}", files, e);
            notice.set(new Notice(Notice.Kind.ERROR, Texts.get("shell.notice.cannotReadKubeconfig"), e.getMessage()));
        }).runWith(settingsLane);
    }

    /** Connects to a context of the loaded kubeconfig files, in the background. */
    public void connect(String context) {
        KubeconfigSet set = kubeconfigs;
        if (set == null) {
            return;
        }
        connecting.set(context);
        BackgroundTask.of(() -> {
            ManagementCluster cluster = ClusterProbe.probe(set, context, execPath());
            settings.put(LAST_CONTEXT_KEY, context);
            return cluster;
        }).onSuccess(cluster -> {
            if (shutDown) {
                cluster.close(); // the window closed while connecting: its background work has stopped
                return;
            }
            connecting.set(null);
            notice.set(null);
            connected.set(cluster);
        }).onFailure(e -> {
            LOG.warn("Cannot connect to context {}", context, e);
            connecting.set(null);
            notice.set(new Notice(Notice.Kind.ERROR, Texts.get("shell.notice.cannotConnect", context), e.getMessage()));
        }).runWith(tasks);
    }

    /** The context being connected to, while that runs. */
    public ReadOnlyObjectProperty<String> connectingProperty() {
        return connecting.getReadOnlyProperty();
    }

    /** Folders searched for exec credential plugins besides PATH: the {@value #EXEC_PATH_KEY} setting. */
    private ExecPath execPath() {
        List<Path> extra = settings.get(EXEC_PATH_KEY).stream()
                .flatMap(value -> Arrays.stream(value.split(File.pathSeparator)))
                .filter(part -> !part.isBlank()).map(Path::of).toList();
        return ExecPath.system(extra);
    }

    /** Shows the lab page and starts the lab (or connects to the one already running). */
    public void startLab() {
        show(View.LAB);
        lab.start();
    }

    void shutdown() {
        shutDown = true;
        clusters.shutdown();
        resourceSets.shutdown();
        problems.shutdown();
        clusterClasses.shutdown();
        workloads.shutdown();
        lab.shutdown();
        if (connected.get() != null) {
            connected.get().close();
        }
    }

    public ObjectProperty<View> currentViewProperty() {
        return currentView;
    }

    public ObjectProperty<Theme> themeProperty() {
        return theme;
    }

    public ObjectProperty<Notice> noticeProperty() {
        return notice;
    }

    public ReadOnlyStringProperty connectionStateProperty() {
        return connectionState.getReadOnlyProperty();
    }

    public BuildInfo buildInfo() {
        return buildInfo;
    }

    public void show(View view) {
        currentView.set(view);
    }

    public void toggleTheme() {
        theme.set(theme.get().other());
    }

    /** The remembered language ({@code en}, {@code zh-CN}) or {@value #SYSTEM_LANGUAGE}. */
    public String languageSetting() {
        return settings.get(Texts.LANGUAGE_KEY).flatMap(Texts::language).map(Locale::toLanguageTag)
                .orElse(SYSTEM_LANGUAGE);
    }

    /** Remembers the language for the next start; the texts already built stay as they are until then. */
    public void chooseLanguage(String tag) {
        BackgroundTask.of(() -> {
            settings.put(Texts.LANGUAGE_KEY, tag);
            return tag;
        }).onSuccess(saved -> notice.set(new Notice(Notice.Kind.INFO, Texts.get("shell.notice.languageSaved"),
                Texts.get("shell.notice.languageRestart")))).onFailure(e -> {
                    LOG.warn("Could not remember the language in {}", settings.file(), e);
                    notice.set(new Notice(Notice.Kind.ERROR, Texts.get("shell.notice.languageNotSaved"),
                            e.getMessage()));
                }).runWith(settingsLane);
    }

    /** Says honestly that an action exists but is not built yet, and what will bring it. */
    public void notYetAvailable(String action, String comingWith) {
        notice.set(new Notice(Notice.Kind.INFO, Texts.get("shell.notice.notYetAvailable", action), comingWith));
    }

    public void dismissNotice() {
        notice.set(null);
    }
}
