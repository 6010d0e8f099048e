package dev.capiconsole.ui.clusterclasses;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capiconsole.clusterclass.ClusterClassModel;
import dev.capiconsole.clusterclass.ControlPlaneClass;
import dev.capiconsole.connection.ManagementCluster;
import dev.capiconsole.ui.common.TaskExecutor;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.Test;

/** The browser without a management cluster: nothing listed, and the wizard opened on the selected class only. */
class ClusterClassesViewModelTest {

    private final List<String> opened = new ArrayList<>();
    private final ClusterClassesViewModel model = new ClusterClassesViewModel(
            new SimpleObjectProperty<ManagementCluster>(), TaskExecutor.sameThread(),
            (namespace, name) -> opened.add(namespace + "/" + name));

    @Test
    void withoutAConnectionNothingIsListedOrSelected() {
        model.classes().add(classNamed("stale"));
        model.selectedProperty().set(model.classes().get(0));

        model.refresh();

        assertThat(model.classes()).isEmpty();
        assertThat(model.selectedProperty().get()).isNull();
        assertThat(model.errorProperty().get()).isEmpty();
    }

    @Test
    void createOpensTheWizardOnTheSelectedClass() {
        model.createFromSelected();
        assertThat(opened).as("nothing selected").isEmpty();

        model.selectedProperty().set(classNamed("quick-start"));
        model.createFromSelected();

        assertThat(opened).containsExactly("team-a/quick-start");
    }

    private static ClusterClassModel classNamed(String name) {
        return new ClusterClassModel("team-a", name, "cluster.x-k8s.io/v1beta2", List.of(),
                new ControlPlaneClass("KubeadmControlPlaneTemplate", name, "DevMachineTemplate"), List.of(),
                List.of(), List.of());
    }
}
