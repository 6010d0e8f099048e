package dev.capiconsole.ui.resourcesets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capiconsole.clusterctl.ClusterctlEnvironment;
import dev.capiconsole.connection.ManagementCluster;
import dev.capiconsole.ui.common.TaskExecutor;
import java.nio.file.Path;
import java.util.Map;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.Test;

/** The Resource sets page's form without a window or a management cluster. */
class ResourceSetsViewModelTest {

    private final ResourceSetsViewModel model = new ResourceSetsViewModel(
            new SimpleObjectProperty<ManagementCluster>(), TaskExecutor.sameThread(),
            () -> ClusterctlEnvironment.load(Map.of(), Path.of("/nonexistent"), null));

    @Test
    void withoutAConnectionNothingIsCreatedAndTheReasonIsShown() {
        model.nameProperty().set("calico");
        model.selectorProperty().set("cni=calico");
        model.locationProperty().set("calico.yaml");

        model.create();

        assertThat(model.errorProperty().get()).isEqualTo("Connect to a management cluster first.");
        assertThat(model.confirmationProperty().get()).isEmpty();
        assertThat(model.rows()).isEmpty();
    }

    @Test
    void theSelectorIsKeyValuePairs() {
        assertThat(ResourceSetsViewModel.labels("cni=calico, tier = gold")).containsExactly(
                Map.entry("cni", "calico"), Map.entry("tier", "gold"));
        assertThat(ResourceSetsViewModel.labels("cni")).isEmpty();
        assertThat(ResourceSetsViewModel.labels("cni=")).isEmpty();
    }
}
