package dev.capiconsole.ui.clusters;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capiconsole.connection.ManagementCluster;
import dev.capiconsole.ui.common.TaskExecutor;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.Test;

/** The Clusters page's state without a window and without a management cluster (ClustersViewModelIT has one). */
class ClustersViewModelTest {

    private final SimpleObjectProperty<ManagementCluster> connected = new SimpleObjectProperty<>();
    private final ClustersViewModel model = new ClustersViewModel(connected, TaskExecutor.sameThread());

    @Test
    void beforeAnyConnectionThereIsNothingToShow() {
        assertThat(model.stateProperty().get()).isEqualTo("Not connected.");
        assertThat(model.clusters()).isEmpty();
        assertThat(model.treeProperty().get()).isNull();
    }

    @Test
    void anOperationWithoutASelectedClusterAsksForOne() {
        model.operations().pause(true);
        assertThat(model.operations().messageProperty().get()).isEqualTo("Select a cluster first.");
        assertThat(model.operations().proposalProperty().get()).isNull();
        assertThat(model.operations().busyProperty().get()).isFalse();
    }

    @Test
    void cancellingAReviewChangesNothing() {
        model.operations().cancel();
        assertThat(model.operations().messageProperty().get()).isEqualTo("Nothing was changed.");
    }

    @Test
    void openingAWorkloadNeedsASelectedCluster() {
        List<String> opened = new ArrayList<>();
        model.setOpenWorkload((namespace, name) -> opened.add(namespace + "/" + name));
        model.openSelectedWorkload();
        assertThat(opened).isEmpty();
    }

    @Test
    void eventsOfNoObjectAreNone() {
        model.operations().loadEvents(null);
        assertThat(model.operations().events()).isEmpty();
        assertThat(model.operations().eventsNoteProperty().get()).isEmpty();
    }
}
