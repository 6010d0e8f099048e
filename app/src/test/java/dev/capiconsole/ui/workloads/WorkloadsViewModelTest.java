package dev.capiconsole.ui.workloads;

import static dev.capiconsole.workload.StandInApiServer.CLUSTER;
import static dev.capiconsole.workload.StandInApiServer.NAMESPACE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.capiconsole.connection.ManagementCluster;
import dev.capiconsole.topology.ClusterSummary;
import dev.capiconsole.ui.common.TaskExecutor;
import dev.capiconsole.workload.StandInApiServer;
import java.io.IOException;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The open workload tabs without a window: work runs at once on the test's thread, against a stand-in server. */
class WorkloadsViewModelTest {

    private StandInApiServer server;
    private ManagementCluster management;
    private final ObjectProperty<ManagementCluster> connected = new SimpleObjectProperty<>();
    private final ObservableList<ClusterSummary> clusters = FXCollections.observableArrayList();
    private WorkloadsViewModel workloads;

    @BeforeEach
    void start() throws IOException {
        server = new StandInApiServer();
        management = server.management();
        workloads = new WorkloadsViewModel(TaskExecutor.sameThread(), connected, clusters);
        connected.set(management);
        clusters.setAll(summary("Provisioned"));
    }

    @AfterEach
    void stop() {
        workloads.shutdown();
        management.close();
        server.close();
    }

    private static ClusterSummary summary(String phase) {
        return new ClusterSummary(NAMESPACE, CLUSTER, phase, "True", "", "1/1", "2/2", "v1.34.0", "docker", "quick",
                "5m", false, "Deleting".equals(phase));
    }

    @Test
    void openingAClusterAgainShowsItsOneTab() {
        workloads.open(NAMESPACE, CLUSTER);
        WorkloadTabViewModel tab = workloads.selectedProperty().get();
        workloads.selectedProperty().set(null);

        workloads.open(NAMESPACE, CLUSTER);

        assertThat(workloads.tabs()).containsExactly(tab);
        assertThat(workloads.selectedProperty().get()).isSameAs(tab);
        assertThat(tab.stateProperty().get()).startsWith("Live from ");
        assertThat(server.secretReads()).isEqualTo(1);
    }

    @Test
    void closingATabRemovesAndStopsIt() {
        workloads.open(NAMESPACE, CLUSTER);
        WorkloadTabViewModel tab = workloads.tabs().get(0);

        workloads.close(tab);

        assertThat(workloads.tabs()).isEmpty();
        assertThat(tab.isClosed()).isTrue();
    }

    @Test
    void aStoppedTabIsReplacedWhenTheClusterIsOpenedAgain() {
        workloads.open(NAMESPACE, CLUSTER);
        WorkloadTabViewModel stopped = workloads.tabs().get(0);
        stopped.close();

        workloads.open(NAMESPACE, CLUSTER);

        assertThat(workloads.tabs()).hasSize(1).doesNotContain(stopped);
        assertThat(workloads.tabs().get(0).isClosed()).isFalse();
    }

    @Test
    void nothingOpensWithoutAManagementCluster() {
        connected.set(null);

        workloads.open(NAMESPACE, CLUSTER);

        assertThat(workloads.tabs()).isEmpty();
        assertThat(server.secretReads()).isZero();
    }

    @Test
    void aClusterGoneFromTheListAndFromTheManagementClusterStopsItsTab() {
        workloads.open(NAMESPACE, CLUSTER);
        WorkloadTabViewModel tab = workloads.tabs().get(0);
        server.deleteCluster();

        clusters.clear();

        assertThat(tab.isClosed()).isTrue();
        assertThat(tab.clusterStateProperty().get()).contains("was deleted from the management cluster");
        assertThat(workloads.tabs()).as("the tab stays, saying why it stopped").containsExactly(tab);
    }

    @Test
    void aListThatEmptiesWhileTheClusterStillExistsKeepsTheTab() {
        workloads.open(NAMESPACE, CLUSTER);
        WorkloadTabViewModel tab = workloads.tabs().get(0);

        clusters.clear();

        assertThat(tab.isClosed()).isFalse();
        assertThat(tab.clusterStateProperty().get()).isEmpty();
    }

    @Test
    void aClusterBeingDeletedSaysSoAndKeepsWatching() {
        workloads.open(NAMESPACE, CLUSTER);
        WorkloadTabViewModel tab = workloads.tabs().get(0);

        clusters.setAll(summary("Deleting"));

        assertThat(tab.clusterStateProperty().get())
                .isEqualTo("Cluster default/web is being deleted on the management cluster.");
        assertThat(tab.isClosed()).isFalse();
    }

    @Test
    void switchingManagementClusterClosesEveryTab() {
        workloads.open(NAMESPACE, CLUSTER);
        WorkloadTabViewModel tab = workloads.tabs().get(0);

        connected.set(null);

        assertThat(workloads.tabs()).isEmpty();
        assertThat(tab.isClosed()).isTrue();
    }
}
