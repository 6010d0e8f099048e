package dev.capiconsole.ui.kind;

import dev.capiconsole.bootstrap.BootstrapException;
import dev.capiconsole.bootstrap.KindClusterConfig;
import dev.capiconsole.bootstrap.KindProgress;
import dev.capiconsole.bootstrap.KindRunner;
import dev.capiconsole.bootstrap.LocalTool;
import dev.capiconsole.connection.ExecPath;
import dev.capiconsole.ui.common.BackgroundTask;
import dev.capiconsole.ui.common.TaskExecutor;
import dev.capiconsole.ui.common.Texts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * A local kind cluster to become a management cluster: checks docker and kind, shows the kind config, runs
 * {@code kind create cluster} with its steps and output live (cancel stops it), then loads the new context and
 * connects to it; then, unless unticked, installs the Cluster API providers into it (Install providers).
 */
public final class KindViewModel {

    /** A step kind reports, and how it went. */
    public record Step(String text, State state) {
        public enum State { RUNNING, DONE, FAILED }
    }

    private final StringProperty name = new SimpleStringProperty("capi-management");
    private final StringProperty kubernetesVersion = new SimpleStringProperty("");
    private final IntegerProperty workers = new SimpleIntegerProperty(0);
    private final BooleanProperty dockerProvider = new SimpleBooleanProperty(true);
    private final BooleanProperty installAfter = new SimpleBooleanProperty(true);
    private final ObjectProperty<String> pathForTools = new SimpleObjectProperty<>(System.getenv("PATH"));
    private final ObjectProperty<Path> kubeconfig;
    private final ReadOnlyStringWrapper tools = new ReadOnlyStringWrapper(Texts.get("kind.tools.checking"));
    private final ReadOnlyBooleanWrapper toolsReady = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper result = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper leftover = new ReadOnlyBooleanWrapper();
    private final ObservableList<Step> steps = FXCollections.observableArrayList();
    private final ObservableList<String> output = FXCollections.observableArrayList();
    private final StringBinding config;
    private final TaskExecutor tasks;
    private final Consumer<Path> connectTo;
    private volatile KindRunner runner;
    private volatile KindRunner.Creation creation;

    /**
     * @param kubeconfig where kind writes the new context (kubectl's default file)
     * @param connectTo loads that file and connects to the context named by {@link #context()}
     */
    public KindViewModel(TaskExecutor tasks, ObjectProperty<Path> kubeconfig, Consumer<Path> connectTo) {
        this.tasks = tasks;
        this.kubeconfig = kubeconfig;
        this.connectTo = connectTo;
        this.config = Bindings.createStringBinding(() -> {
            try {
                return configuration().yaml();
            } catch (BootstrapException e) {
                return "# " + e.getMessage();
            }
        }, name, kubernetesVersion, workers, dockerProvider);
    }

    KindClusterConfig configuration() {
        String version = kubernetesVersion.get() == null ? "" : kubernetesVersion.get().strip();
        return new KindClusterConfig(name.get() == null ? "" : name.get().strip(),
                version.isEmpty() ? null : KindClusterConfig.imageFor(version), workers.get(), dockerProvider.get());
    }

    /** Looks for docker and kind (in the background). */
    public void probe() {
        String path = pathForTools.get();
        tools.set(Texts.get("kind.tools.checking"));
        BackgroundTask.of(() -> {
            // A console started from a desktop menu has a short PATH: also look where tools usually live.
            List<Path> extra = ExecPath.commonToolFolders();
            LocalTool docker = LocalTool.probe("docker", List.of("version", "--format", "{{.Server.Version}}"),
                    path, extra);
            LocalTool kind = LocalTool.probe("kind", List.of("version"), path, extra);
            runner = new KindRunner(kind.path());
            return Texts.get("kind.tools.found", kind.version(), kind.path(), docker.version());
        }).onSuccess(found -> {
            tools.set(found);
            toolsReady.set(true);
        }).onFailure(e -> {
            tools.set(e.getMessage());
            toolsReady.set(false);
        }).runWith(tasks);
    }

    public String context() {
        return "kind-" + name.get().strip();
    }

    public void create() {
        KindClusterConfig chosen;
        try {
            chosen = configuration();
        } catch (BootstrapException e) {
            result.set(e.getMessage());
            return;
        }
        KindRunner current = runner;
        if (current == null) {
            result.set(Texts.get("kind.result.toolsNeeded", tools.get()));
            return;
        }
        steps.clear();
        output.clear();
        result.set("");
        leftover.set(false);
        running.set(true);
        Path target = kubeconfig.get();
        BackgroundTask.of(() -> {
            Path work = Files.createTempDirectory("capi-console-kind");
            KindRunner.Creation started = current.create(chosen, work, target,
                    line -> tasks.onUiThread(() -> show(line)));
            creation = started;
            started.exit().whenComplete((code, error) -> tasks.onUiThread(() -> finished(chosen, started, code,
                    error, target)));
            return started;
        }).onFailure(e -> {
            running.set(false);
            result.set(Texts.get("kind.result.cannotStart", e.getMessage()));
        }).runWith(tasks);
    }

    private void show(KindProgress line) {
        output.add(KindProgress.plain(line.line()));
        switch (line.kind()) {
            case STEP_STARTED -> steps.add(new Step(line.text(), Step.State.RUNNING));
            case STEP_DONE, STEP_FAILED -> {
                Step.State state = line.kind() == KindProgress.Kind.STEP_DONE ? Step.State.DONE : Step.State.FAILED;
                for (int i = steps.size() - 1; i >= 0; i--) {
                    if (steps.get(i).state() == Step.State.RUNNING) {
                        steps.set(i, new Step(line.text(), state));
                        return;
                    }
                }
                steps.add(new Step(line.text(), state));
            }
            case ERROR -> result.set("kind: " + line.text());
            default -> { }
        }
    }

    private void finished(KindClusterConfig chosen, KindRunner.Creation started, Integer code, Throwable error,
                          Path target) {
        running.set(false);
        creation = null;
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).state() == Step.State.RUNNING) {
                steps.set(i, new Step(steps.get(i).text(), Step.State.FAILED));
            }
        }
        if (started.cancelled()) {
            result.set(Texts.get("kind.result.cancelled", chosen.name()));
            leftover.set(true);
        } else if (error != null || code == null || code != 0) {
            String reason = result.get().isEmpty() ? Texts.get("kind.result.exitCode", code) : result.get();
            result.set(Texts.get("kind.result.failed", chosen.name(), reason));
            leftover.set(!reason.contains("already exist"));
        } else {
            result.set(Texts.get(installAfter.get() ? "kind.result.readyInstalling" : "kind.result.ready",
                    chosen.name(), chosen.context()));
            connectTo.accept(target);
        }
    }

    /** Whether a created cluster goes on to Install providers (clusterctl init with the docker provider). */
    public BooleanProperty installAfterProperty() {
        return installAfter;
    }

    public void cancel() {
        KindRunner.Creation current = creation;
        if (current != null) {
            current.cancel();
        }
    }

    /** Deletes the kind cluster of the form's name (after a cancel or a failure). */
    public void deleteCluster() {
        KindRunner current = runner;
        String cluster = name.get().strip();
        if (current == null) {
            return;
        }
        running.set(true);
        BackgroundTask.of(() -> {
            current.delete(cluster);
            return Texts.get("kind.result.deleted", cluster);
        }).onSuccess(this::deleted).onFailure(e -> deleted(e.getMessage())).runWith(tasks);
    }

    private void deleted(String message) {
        running.set(false);
        leftover.set(false);
        result.set(message);
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty kubernetesVersionProperty() {
        return kubernetesVersion;
    }

    public IntegerProperty workersProperty() {
        return workers;
    }

    public BooleanProperty dockerProviderProperty() {
        return dockerProvider;
    }

    /** The PATH docker and kind are looked up in (the process's, unless set). */
    public ObjectProperty<String> pathForToolsProperty() {
        return pathForTools;
    }

    public ObjectProperty<Path> kubeconfigProperty() {
        return kubeconfig;
    }

    public StringBinding configText() {
        return config;
    }

    public ReadOnlyStringProperty toolsProperty() {
        return tools.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty toolsReadyProperty() {
        return toolsReady.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty leftoverProperty() {
        return leftover.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty resultProperty() {
        return result.getReadOnlyProperty();
    }

    public ObservableList<Step> steps() {
        return steps;
    }

    public ObservableList<String> output() {
        return output;
    }
}
