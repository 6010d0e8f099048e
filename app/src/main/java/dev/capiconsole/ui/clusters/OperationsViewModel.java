package dev.capiconsole.ui.clusters;

import dev.capiconsole.connection.FieldManager;
import dev.capiconsole.connection.ManagementCluster;
import dev.capiconsole.events.EventRow;
import dev.capiconsole.operations.Change;
import dev.capiconsole.operations.ChangeApplier;
import dev.capiconsole.operations.ChangeFailed;
import dev.capiconsole.operations.ChangePlanner;
import dev.capiconsole.operations.ClusterObjects;
import dev.capiconsole.operations.ObjectEdit;
import dev.capiconsole.operations.ObjectEvents;
import dev.capiconsole.operations.OperationRefused;
import dev.capiconsole.topology.CapiObject;
import dev.capiconsole.topology.ClusterSummary;
import dev.capiconsole.topology.TreeNode;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Function;
import javafx.application.Platform;
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
    public enum Action { SCALE, RESTART, UPGRADE, PAUSE, RESUME, DELETE_MACHINE, DELETE_CLUSTER }

    private final ObjectProperty<ManagementCluster> connected;
    private final ObjectProperty<ClusterSummary> cluster;
    private final Executor background;
    private final ReadOnlyObjectWrapper<Change> proposal = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ObservableList<EventRow> events = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper eventsNote = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<EditResult> editResult = new ReadOnlyObjectWrapper<>();
    private volatile java.util.function.Supplier<Change> replan;

    OperationsViewModel(ObjectProperty<ManagementCluster> connected, ObjectProperty<ClusterSummary> cluster,
                        Executor background) {
        this.connected = connected;
        this.cluster = cluster;
        this.background = background;
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
            case "Machine" -> List.of(Action.DELETE_MACHINE);
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

    public void deleteCluster() {
        plan(objects -> ChangePlanner.deleteCluster(objects.cluster()));
    }

    /** The versions an upgrade of the selected cluster may go to (read from what the tree shows). */
    public static List<String> nextVersions(String current) {
        return ChangePlanner.nextVersions(current);
    }

    private void plan(Function<ClusterObjects, Change> planner) {
        ManagementCluster management = connected.get();
        ClusterSummary selected = cluster.get();
        if (management == null || selected == null) {
            message.set("Select a cluster first.");
            return;
        }
        busy.set(true);
        message.set("Reading " + selected.namespace() + "/" + selected.name() + "…");
        background.execute(() -> {
            try (KubernetesClient client = client(management)) {
                Change change = planner.apply(ClusterObjects.read(client, selected.namespace(), selected.name()));
                Platform.runLater(() -> {
                    busy.set(false);
                    message.set("");
                    replan = () -> {
                        try (KubernetesClient again = client(management)) {
                            return planner.apply(ClusterObjects.read(again, selected.namespace(), selected.name()));
                        }
                    };
                    proposal.set(change);
                });
            } catch (OperationRefused e) {
                done("Not done: " + e.getMessage());
            } catch (KubernetesClientException e) {
                done("Cannot read the cluster: " + e.getMessage());
            }
        });
    }

    /** Makes the proposed change (after the operator said yes). */
    public void confirm() {
        Change change = proposal.get();
        java.util.function.Supplier<Change> again = replan;
        proposal.set(null);
        ManagementCluster management = connected.get();
        if (change == null || management == null) {
            return;
        }
        busy.set(true);
        message.set(change.summary() + "…");
        background.execute(() -> {
            try (KubernetesClient client = client(management)) {
                ChangeApplier.applyReviewed(client, change, again);
                done("Done: " + change.summary() + ". The tree follows it live.");
            } catch (ChangeFailed e) {
                if (e.replanned() != null) {
                    Platform.runLater(() -> {
                        busy.set(false);
                        message.set("It changed meanwhile: review the change again.");
                        proposal.set(e.replanned());
                    });
                    return;
                }
                done((e.conflict() ? "Conflict: " : "Refused: ") + e.getMessage());
            } catch (KubernetesClientException e) {
                done("Failed: " + e.getMessage());
            }
        });
    }

    // ---- object inspector: events and edits

    /** How an edit ended; on a conflict, the diff from where the edit began to the object as it is now. */
    public record EditResult(ChangeFailed.Reason failure, String message, List<String> diff, CapiObject live) {
        public boolean applied() {
            return failure == null;
        }
    }

    /** Reads the events of the selected tree object in the background. */
    public void loadEvents(TreeNode node) {
        events.clear();
        ManagementCluster management = connected.get();
        if (node == null || node.object() == null || management == null) {
            eventsNote.set("");
            return;
        }
        CapiObject object = node.object();
        eventsNote.set("Reading events…");
        background.execute(() -> {
            try (KubernetesClient client = client(management)) {
                List<EventRow> rows = ObjectEvents.read(client, object, Instant.now());
                Platform.runLater(() -> {
                    events.setAll(rows);
                    eventsNote.set(rows.isEmpty() ? "No events for " + object.kind() + " " + object.name()
                            + " (events expire after an hour)." : "");
                });
            } catch (KubernetesClientException e) {
                Platform.runLater(() -> eventsNote.set("Cannot read events: " + e.getMessage()));
            }
        });
    }

    /** Applies a reviewed edit; the outcome arrives in {@link #editResultProperty()}. */
    public void applyEdit(ObjectEdit edit, boolean takeOver, CapiObject original) {
        ManagementCluster management = connected.get();
        if (management == null) {
            return;
        }
        editResult.set(null);
        background.execute(() -> {
            try (KubernetesClient client = client(management)) {
                try {
                    // Controllers bump the resourceVersion with every status update: what matters is whether the
                    // fields the edit sets moved. If they did, show how; if not, apply against the live object.
                    var found = client.genericKubernetesResources(edit.target().apiVersion(), edit.target().kind())
                            .inNamespace(edit.target().namespace()).withName(edit.target().name()).get();
                    if (found == null) {
                        throw new ChangeFailed(edit.target().display() + " no longer exists", 404,
                                ChangeFailed.Reason.REFUSED);
                    }
                    @SuppressWarnings("unchecked")
                    java.util.Map<String, Object> liveRaw = io.fabric8.kubernetes.client.utils.Serialization
                            .jsonMapper().convertValue(found, java.util.Map.class);
                    if (!edit.stillApplies(original.raw(), liveRaw)) {
                        throw new ChangeFailed(edit.target().display() + " changed while you edited it, in fields your "
                                + "edit sets; nothing was applied", 409, ChangeFailed.Reason.CHANGED);
                    }
                    ChangeApplier.apply(client, edit.at(found.getMetadata().getResourceVersion()), takeOver);
                    Platform.runLater(() -> editResult.set(new EditResult(null, "Applied to "
                            + edit.target().display() + " as field manager " + FieldManager.NAME
                            + (takeOver ? ", taking over the conflicting fields." : "."), List.of(), null)));
                } catch (ChangeFailed e) {
                    CapiObject live = null;
                    List<String> diff = List.of();
                    if (e.reason() == ChangeFailed.Reason.CHANGED) {
                        var found = client.genericKubernetesResources(edit.target().apiVersion(), edit.target().kind())
                                .inNamespace(edit.target().namespace()).withName(edit.target().name()).get();
                        if (found != null) {
                            @SuppressWarnings("unchecked")
                            java.util.Map<String, Object> raw = io.fabric8.kubernetes.client.utils.Serialization
                                    .jsonMapper().convertValue(found, java.util.Map.class);
                            live = CapiObject.unstructured(raw);
                            diff = ObjectEdit.diff(ObjectEdit.editableYaml(original), ObjectEdit.editableYaml(raw),
                                    edit.target().display() + " as the edit began / now");
                        }
                    }
                    CapiObject now = live;
                    List<String> changes = diff;
                    Platform.runLater(() -> editResult.set(new EditResult(e.reason(), e.getMessage(), changes, now)));
                }
            } catch (KubernetesClientException e) {
                Platform.runLater(() -> editResult.set(new EditResult(ChangeFailed.Reason.REFUSED,
                        "Failed: " + e.getMessage(), List.of(), null)));
            }
        });
    }

    public ObservableList<EventRow> events() {
        return events;
    }

    public ReadOnlyStringProperty eventsNoteProperty() {
        return eventsNote.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<EditResult> editResultProperty() {
        return editResult.getReadOnlyProperty();
    }

    public void cancel() {
        proposal.set(null);
        message.set("Nothing was changed.");
    }

    private void done(String text) {
        Platform.runLater(() -> {
            busy.set(false);
            message.set(text);
        });
    }

    private static KubernetesClient client(ManagementCluster management) {
        return new KubernetesClientBuilder().withConfig(Config.fromKubeconfig(management.name(),
                management.kubeconfig(), null)).build();
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
