package dev.capiconsole.ui.clusterclasses;

import dev.capiconsole.clusterclass.ClusterClassModel;
import dev.capiconsole.clusterclass.ClusterClasses;
import dev.capiconsole.connection.ManagementCluster;
import dev.capiconsole.live.KindWatch;
import dev.capiconsole.ui.common.BusyWork;
import dev.capiconsole.ui.common.ConnectionWatch;
import dev.capiconsole.ui.common.TaskExecutor;
import dev.capiconsole.ui.common.Texts;
import java.util.List;
import java.util.function.BiConsumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The ClusterClass browser: every ClusterClass of the management cluster with its variables, control-plane and worker
 * classes, Kubernetes versions and the Clusters using it, live (classes and Clusters are watched, and any change
 * reads the page again); the selected class can be handed to the wizard.
 */
public final class ClusterClassesViewModel {

    private static final List<KindWatch.Kind> WATCHED = List.of(
            new KindWatch.Kind("cluster.x-k8s.io/v1beta2", "ClusterClass"),
            new KindWatch.Kind("cluster.x-k8s.io/v1beta2", "Cluster"));

    private final ObservableList<ClusterClassModel> classes = FXCollections.observableArrayList();
    private final ObjectProperty<ClusterClassModel> selected = new SimpleObjectProperty<>();
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final StringProperty error = new SimpleStringProperty("");
    private final StringProperty status = new SimpleStringProperty("");

    private final ObjectProperty<ManagementCluster> connected;
    private final BusyWork pageWork;
    private final ConnectionWatch<KindWatch> watch;
    private final BiConsumer<String, String> createFromClass;

    /** @param createFromClass opens the wizard on a class, given its namespace and name */
    public ClusterClassesViewModel(ObjectProperty<ManagementCluster> connected, TaskExecutor tasks,
            BiConsumer<String, String> createFromClass) {
        this.connected = connected;
        this.createFromClass = createFromClass;
        TaskExecutor lane = tasks.serial();
        this.pageWork = new BusyWork(lane, busy, status, error);
        this.watch = new ConnectionWatch<>(connected, lane, "the ClusterClasses",
                cluster -> KindWatch.start(cluster.client(), WATCHED, 500, () -> lane.onUiThread(this::refresh)));
        connected.addListener((obs, old, now) -> {
            watch.stop();
            refresh();
            if (now != null) {
                watch.start(now);
            }
        });
    }

    /** Stops watching now (the window is closing). */
    public void shutdown() {
        watch.shutdown();
    }

    /** Reads every class of every namespace; the selection follows the same class in the new reading. */
    public void refresh() {
        ManagementCluster cluster = connected.get();
        if (cluster == null) {
            classes.clear();
            selected.set(null);
            return;
        }
        pageWork.run(Texts.get("clusterclasses.status.reading"), () -> new ClusterClasses(cluster.client()).list(null),
                read -> {
                    ClusterClassModel before = selected.get();
                    classes.setAll(read);
                    selected.set(before == null ? null : read.stream().filter(c -> c.namespace()
                            .equals(before.namespace()) && c.name().equals(before.name())).findFirst().orElse(null));
                    status.set(Texts.get("clusterclasses.status.count", read.size()));
                });
    }

    /** Opens the wizard on the selected class. */
    public void createFromSelected() {
        ClusterClassModel chosen = selected.get();
        if (chosen != null) {
            createFromClass.accept(chosen.namespace(), chosen.name());
        }
    }

    public ObservableList<ClusterClassModel> classes() {
        return classes;
    }

    public ObjectProperty<ClusterClassModel> selectedProperty() {
        return selected;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status;
    }
}
