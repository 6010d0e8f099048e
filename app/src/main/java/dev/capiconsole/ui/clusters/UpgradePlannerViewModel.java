package dev.capiconsole.ui.clusters;

import dev.capiconsole.connection.ManagementCluster;
import dev.capiconsole.operations.ChangePlanner;
import dev.capiconsole.operations.OperationRefused;
import dev.capiconsole.topology.ClusterSnapshot;
import dev.capiconsole.topology.ClusterSummary;
import dev.capiconsole.ui.common.BackgroundTask;
import dev.capiconsole.ui.common.TaskExecutor;
import dev.capiconsole.ui.common.Texts;
import dev.capiconsole.upgradeplan.PlanStep;
import dev.capiconsole.upgradeplan.StepProgress;
import dev.capiconsole.upgradeplan.UpgradeChanges;
import dev.capiconsole.upgradeplan.UpgradePlan;
import dev.capiconsole.upgradeplan.UpgradeProgress;
import dev.capiconsole.upgradeplan.UpgradeState;
import dev.capiconsole.upgradeplan.WorkerGroup;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The chained-upgrade planner of a topology Cluster: the target versions its class allows, the plan to the chosen
 * one, the workers' defer and hold annotations, and, once started, each step followed live. The Cluster's objects
 * come from the page's coalesced rebuild ({@link #snapshotRead}, on the coalescer's thread); the class's versions
 * are read once when the planner opens. Changes go through {@link OperationsViewModel}'s review.
 */
public final class UpgradePlannerViewModel {

    private final ObjectProperty<ManagementCluster> connected;
    private final OperationsViewModel operations;
    private final TaskExecutor tasks;
    private final Runnable refresh;
    private final ObservableList<String> choices = FXCollections.observableArrayList();
    private final StringProperty target = new SimpleStringProperty();
    private final ObservableList<StepProgress> steps = FXCollections.observableArrayList();
    private final ObservableList<WorkerGroup> workers = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper reported = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper started = new ReadOnlyBooleanWrapper();
    private volatile String openKey;
    private volatile List<String> classVersions = List.of();
    private UpgradeState state;

    UpgradePlannerViewModel(ObjectProperty<ManagementCluster> connected, OperationsViewModel operations,
                            TaskExecutor tasks, Runnable refresh) {
        this.connected = connected;
        this.operations = operations;
        this.tasks = tasks;
        this.refresh = refresh;
        target.addListener((obs, old, now) -> show());
    }

    /** Opens the planner on a Cluster: reads it and its class once, then follows the page's updates. */
    public void open(ClusterSummary cluster) {
        ManagementCluster management = connected.get();
        if (management == null || cluster == null) {
            return;
        }
        openKey = cluster.namespace() + "/" + cluster.name();
        title.set(Texts.get("clusters.planner.header", cluster.namespace(), cluster.name(), cluster.clusterClass()));
        message.set(Texts.get("clusters.planner.reading"));
        steps.clear();
        BackgroundTask.of(() -> UpgradeState.read(management.client(), cluster.namespace(), cluster.name()))
                .onSuccess(read -> {
                    classVersions = read.classVersions();
                    message.set("");
                    update(read);
                    refresh.run();
                })
                .onFailure(e -> message.set(Texts.get("clusters.planner.cannotRead", e.getMessage())))
                .runWith(tasks);
    }

    public void close() {
        openKey = null;
    }

    /** On the coalescer's thread: the open Cluster's objects as the page just read them. */
    void snapshotRead(ClusterSnapshot snapshot) {
        String key = openKey;
        if (key == null || !key.equals(snapshot.cluster().namespace() + "/" + snapshot.cluster().name())) {
            return;
        }
        UpgradeState read = UpgradeState.of(snapshot, classVersions);
        tasks.onUiThread(() -> {
            if (key.equals(openKey)) {
                update(read);
            }
        });
    }

    private void update(UpgradeState read) {
        state = read;
        List<String> offered = new ArrayList<>(ChangePlanner.upgradeChoices(read.topologyVersion(),
                read.classVersions()));
        boolean running = running(read);
        if (running) {
            offered.add(0, read.topologyVersion());
        }
        if (!offered.equals(choices)) {
            choices.setAll(offered);
        }
        if (target.get() == null || !offered.contains(target.get())) {
            target.set(running ? read.topologyVersion() : offered.isEmpty() ? null : offered.get(offered.size() - 1));
        }
        List<WorkerGroup> groups = read.workers();
        if (!groups.equals(workers)) {
            workers.setAll(groups);
        }
        show();
    }

    private static boolean running(UpgradeState read) {
        try {
            return UpgradeProgress.of(read).running();
        } catch (OperationRefused e) {
            return false; // no plan to the topology's version: shown when it is the target
        }
    }

    /** The plan to the target (the running upgrade's when the target is the topology's version), with progress. */
    private void show() {
        UpgradeState current = state;
        String to = target.get();
        if (current == null || to == null) {
            steps.clear();
            summary.set(current == null ? "" : Texts.get("clusters.planner.nothingToOffer", current.topologyVersion()));
            return;
        }
        try {
            UpgradeProgress progress = to.equals(current.topologyVersion()) ? UpgradeProgress.of(current)
                    : UpgradeProgress.of(current, current.plan(to));
            UpgradePlan plan = progress.plan();
            started.set(progress.started());
            steps.setAll(progress.steps());
            summary.set(plan.nothingToDo() ? Texts.get("clusters.planner.done", to)
                    : Texts.get("clusters.planner.summary", chain(plan.controlPlaneFrom(), plan.controlPlaneVersions()),
                    plan.workersFrom().isEmpty() ? Texts.get("clusters.planner.noWorkers")
                            : chain(plan.workersFrom(), plan.workerVersions())));
            reported.set(progress.started() ? Texts.get("clusters.planner.reported",
                    String.join(", ", progress.reportedControlPlanePlan()),
                    String.join(", ", progress.reportedWorkersPlan()), progress.topologyMessage()) : "");
        } catch (OperationRefused e) {
            steps.clear();
            summary.set(Texts.get("clusters.planner.cannotPlan", e.getMessage()));
        }
    }

    private static String chain(String from, List<String> versions) {
        return versions.isEmpty() ? from : from + " → " + String.join(" → ", versions);
    }

    /** Proposes setting {@code spec.topology.version} to the target; the page's review asks before it is sent. */
    public void start() {
        String to = target.get();
        if (to != null) {
            operations.planUpgrade(read -> UpgradeChanges.start(read, to));
        }
    }

    public void deferUpgrade(WorkerGroup worker, boolean set) {
        operations.planUpgrade(read -> UpgradeChanges.deferUpgrade(read, worker.kind(), worker.name(), set));
    }

    public void holdUpgradeSequence(WorkerGroup worker, boolean set) {
        operations.planUpgrade(read -> UpgradeChanges.holdUpgradeSequence(read, worker.kind(), worker.name(), set));
    }

    /** A step's target in the window's words. */
    static String what(PlanStep step) {
        return switch (step.target()) {
            case CONTROL_PLANE -> Texts.get("clusters.planner.step.controlPlane");
            case MACHINE_DEPLOYMENT -> Texts.get("clusters.planner.step.machineDeployment", step.name());
            case MACHINE_POOL -> Texts.get("clusters.planner.step.machinePool", step.name());
        };
    }

    public ObservableList<String> choices() {
        return choices;
    }

    public StringProperty targetProperty() {
        return target;
    }

    public ObservableList<StepProgress> steps() {
        return steps;
    }

    public ObservableList<WorkerGroup> workers() {
        return workers;
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty reportedProperty() {
        return reported.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty startedProperty() {
        return started.getReadOnlyProperty();
    }
}
