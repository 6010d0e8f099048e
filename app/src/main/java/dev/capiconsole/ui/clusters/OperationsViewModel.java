package dev.capiconsole.ui.clusters;

import dev.capiconsole.connection.ManagementCluster;
import dev.capiconsole.events.EventRow;
import dev.capiconsole.operations.Change;
import dev.capiconsole.operations.ChangeApplier;
import dev.capiconsole.operations.ChangeFailed;
import dev.capiconsole.operations.ChangePlanner;
import dev.capiconsole.operations.ClusterObjects;
import dev.capiconsole.operations.EditApplier;
import dev.capiconsole.operations.ObjectEdit;
import dev.capiconsole.operations.ObjectEvents;
import dev.capiconsole.operations.OperationRefused;
import dev.capiconsole.operations.RemediationPlanner;
import dev.capiconsole.topology.CapiObject;
import dev.capiconsole.topology.ClusterSummary;
import dev.capiconsole.topology.HealthChecks;
import dev.capiconsole.topology.TreeNode;
import dev.capiconsole.ui.common.BackgroundTask;
import dev.capiconsole.ui.common.TaskExecutor;
import dev.capiconsole.ui.common.Texts;
import dev.capiconsole.upgradeplan.UpgradeState;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Instant;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Day-2 operations from the tree: each one reads the objects fresh in the background, proposes a {@link Change}
 * that the view shows for confirmation, and applies it only after {@link #confirm()}. Nothing is changed on a
 * single click; a conflict (the object changed meanwhile) is reported, never overwritten.
 */
public final class OperationsViewModel {

    /** What the tree row offers. */
    public enum Action {
        SCALE, RESTART, UPGRADE, PAUSE, RESUME, DELETE_MACHINE, DELETE_CLUSTER, MARK_REMEDIATION, SKIP_REMEDIATION,
        ALLOW_REMEDIATION, PAUSE_REMEDIATION, RESUME_REMEDIATION
    }

    private final ObjectProperty<ManagementCluster> connected;
    private final ObjectProperty<ClusterSummary> cluster;
    private final TaskExecutor tasks;
    private final ReadOnlyObjectWrapper<Change> proposal = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ObservableList<EventRow> events = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper eventsNote = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<EditApplier.Outcome> editResult = new ReadOnlyObjectWrapper<>();
    private Supplier<Change> replan;

    OperationsViewModel(ObjectProperty<ManagementCluster> connected, ObjectProperty<ClusterSummary> cluster,
                        TaskExecutor tasks) {
        this.connected = connected;
        this.cluster = cluster;
        this.tasks = tasks;
    }

    /** The actions a tree node offers (none for groups, echoes and references). */
    public static List<Action> actionsFor(TreeNode node) {
        if (node == null || node.object() == null) {
            return List.of();
        }
        return switch (node.kind()) {
            case "Cluster" -> List.of(Action.UPGRADE, Action.PAUSE, Action.RESUME, Action.DELETE_CLUSTER);
            case "KubeadmControlPlane" -> List.of(Action.SCALE, Action.RESTART, Action.UPGRADE);
            case "MachineDeployment" -> node.object().labels().containsKey("topology.cluster.x-k8s.io/owned")
                    ? List.of(Action.SCALE, Action.RESTART) : List.of(Action.SCALE, Action.RESTART, Action.UPGRADE);
            case "Machine" -> List.of(Action.DELETE_MACHINE, Action.MARK_REMEDIATION,
                    node.object().annotations().containsKey(HealthChecks.SKIP_REMEDIATION)
                            ? Action.ALLOW_REMEDIATION : Action.SKIP_REMEDIATION);
            case "MachineHealthCheck" -> List.of(node.object().annotations().containsKey(HealthChecks.PAUSED)
                    ? Action.RESUME_REMEDIATION : Action.PAUSE_REMEDIATION);
            default -> List.of();
        };
    }

    public void scale(TreeNode node, int replicas) {
        plan(objects -> node.kind().equals("KubeadmControlPlane")
                ? ChangePlanner.scaleControlPlane(objects.cluster(), objects.controlPlane(), replicas)
                : ChangePlanner.scaleMachineDeployment(objects.cluster(), objects.machineDeployment(node.name()),
                replicas));
    }

    public void restart(TreeNode node) {
        plan(objects -> ChangePlanner.rolloutRestart(objects.cluster(), node.kind().equals("KubeadmControlPlane")
                ? objects.controlPlane() : objects.machineDeployment(node.name()), Instant.now()));
    }

    /** The cluster (topology or control plane) or, on a MachineDeployment row of a plain cluster, its machines. */
    public void upgrade(TreeNode node, String version) {
        if (node.kind().equals("MachineDeployment")) {
            plan(objects -> ChangePlanner.upgradeMachineDeployment(objects.machineDeployment(node.name()),
                    objects.controlPlane() == null ? "" : objects.controlPlane().text("spec", "version"), version));
        } else {
            plan(objects -> ChangePlanner.upgrade(objects.cluster(), objects.controlPlane(), version));
        }
    }

    public void pause(boolean pause) {
        plan(objects -> ChangePlanner.pause(objects.cluster(), pause));
    }

    public void deleteMachine(TreeNode node) {
        plan(objects -> ChangePlanner.deleteMachine(objects.machine(node.name()), objects.controlPlaneMachines()));
    }

    public void markForRemediation(TreeNode node) {
        plan(objects -> RemediationPlanner.markForRemediation(objects.machine(node.name()),
                objects.machineHealthChecks()));
    }

    public void skipRemediation(TreeNode node, boolean skip) {
        plan(objects -> RemediationPlanner.skipRemediation(objects.machine(node.name()), skip));
    }

    public void pauseRemediation(TreeNode node, boolean pause) {
        plan(objects -> RemediationPlanner.pauseRemediation(objects.machineHealthCheck(node.name()), pause));
    }

    public void deleteCluster() {
        plan(objects -> ChangePlanner.deleteCluster(objects.cluster()));
    }

    /** A change of the chained-upgrade planner, worked out from the Cluster's objects and class read fresh. */
    public void planUpgrade(Function<UpgradeState, Change> planner) {
        propose((client, selected) -> planner.apply(UpgradeState.read(client, selected.namespace(),
                selected.name())));
    }

    private void plan(Function<ClusterObjects, Change> planner) {
        propose((client, selected) -> planner.apply(ClusterObjects.read(client, selected.namespace(),
                selected.name())));
    }

    private void propose(BiFunction<KubernetesClient, ClusterSummary, Change> planner) {
        ManagementCluster management = connected.get();
        ClusterSummary selected = cluster.get();
        if (management == null || selected == null) {
            message.set(Texts.get("clusters.operations.selectCluster"));
            return;
        }
        busy.set(true);
        message.set(Texts.get("clusters.operations.reading", selected.namespace(), selected.name()));
        Supplier<Change> read = () -> planner.apply(management.client(), selected);
        BackgroundTask.of(read::get).onSuccess(change -> {
            busy.set(false);
            message.set("");
            replan = read;
            proposal.set(change);
        }).onFailure(e -> done(Texts.get(e instanceof OperationRefused ? "clusters.operations.notDone"
                : "clusters.operations.cannotRead", e.getMessage()))).runWith(tasks);
    }

    /** Makes the proposed change (after the operator said yes). */
    public void confirm() {
        Change change = proposal.get();
        Supplier<Change> again = replan;
        proposal.set(null);
        ManagementCluster management = connected.get();
        if (change == null || management == null) {
            return;
        }
        busy.set(true);
        message.set(change.summary() + "…");
        BackgroundTask.of(() -> ChangeApplier.applyReviewed(management.client(), change, again))
                .onSuccess(applied -> done(Texts.get("clusters.operations.done", change.summary())))
                .onFailure(e -> {
                    if (e instanceof ChangeFailed failed && failed.replanned() != null) {
                        busy.set(false);
                        message.set(Texts.get("clusters.operations.changedMeanwhile"));
                        proposal.set(failed.replanned());
                    } else if (e instanceof ChangeFailed failed) {
                        done(Texts.get(failed.conflict() ? "clusters.operations.conflict" : "clusters.operations.refused",
                                e.getMessage()));
                    } else {
                        done(Texts.get("clusters.operations.failed", e.getMessage()));
                    }
                }).runWith(tasks);
    }

    // ---- object inspector: events and edits

    /** Reads the events of the selected tree object in the background. */
    public void loadEvents(TreeNode node) {
        events.clear();
        ManagementCluster management = connected.get();
        if (node == null || node.object() == null || management == null) {
            eventsNote.set("");
            return;
        }
        CapiObject object = node.object();
        eventsNote.set(Texts.get("clusters.events.reading"));
        BackgroundTask.of(() -> ObjectEvents.read(management.client(), object, Instant.now())).onSuccess(rows -> {
            events.setAll(rows);
            eventsNote.set(rows.isEmpty() ? Texts.get("clusters.events.none", object.kind(), object.name()) : "");
        }).onFailure(e -> eventsNote.set(Texts.get("clusters.events.failed", e.getMessage()))).runWith(tasks);
    }

    /** Applies a reviewed edit; the outcome arrives in {@link #editResultProperty()}. */
    public void applyEdit(ObjectEdit edit, boolean takeOver, CapiObject original) {
        ManagementCluster management = connected.get();
        if (management == null) {
            return;
        }
        editResult.set(null);
        BackgroundTask.of(() -> EditApplier.apply(management.client(), edit, takeOver, original))
                .onSuccess(editResult::set)
                .onFailure(e -> editResult.set(new EditApplier.Outcome(ChangeFailed.Reason.REFUSED,
                        Texts.get("clusters.operations.failed", e.getMessage()), List.of(), null)))
                .runWith(tasks);
    }

    public ObservableList<EventRow> events() {
        return events;
    }

    public ReadOnlyStringProperty eventsNoteProperty() {
        return eventsNote.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<EditApplier.Outcome> editResultProperty() {
        return editResult.getReadOnlyProperty();
    }

    public void cancel() {
        proposal.set(null);
        message.set(Texts.get("clusters.operations.nothingChanged"));
    }

    private void done(String text) {
        busy.set(false);
        message.set(text);
    }

    public ReadOnlyObjectProperty<Change> proposalProperty() {
        return proposal.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }
}
