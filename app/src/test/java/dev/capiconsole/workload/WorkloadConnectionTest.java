package dev.capiconsole.workload;

import static dev.capiconsole.workload.StandInApiServer.CLUSTER;
import static dev.capiconsole.workload.StandInApiServer.NAMESPACE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.capiconsole.connection.ManagementCluster;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One workload client for the life of the connection; the Secret is read again only for rejected credentials. */
class WorkloadConnectionTest {

    private StandInApiServer server;
    private ManagementCluster management;
    private WorkloadConnection connection;

    @BeforeEach
    void start() throws IOException {
        server = new StandInApiServer();
        management = server.management();
        connection = new WorkloadConnection(management.client(), NAMESPACE, CLUSTER);
    }

    @AfterEach
    void stop() {
        connection.close();
        management.close();
        server.close();
    }

    @Test
    void everyRequestUsesTheOneClientAndTheSecretIsReadOnce() {
        KubernetesClient first = connection.request(client -> client);
        KubernetesClient second = connection.request(client -> {
            client.nodes().list();
            return client;
        });

        assertThat(second).isSameAs(first);
        assertThat(server.secretReads()).isEqualTo(1);
    }

    @Test
    void rotatedCredentialsAreReadAgainFromTheSecretAndTheRequestSucceeds() {
        KubernetesClient before = connection.request(client -> client);
        server.rotateCredentials("token-2");

        int nodes = connection.request(client -> client.nodes().list().getItems().size());

        KubernetesClient after = connection.request(client -> client);
        assertThat(nodes).isEqualTo(1);
        assertThat(server.secretReads()).isEqualTo(2);
        assertThat(after).isNotSameAs(before);
    }

    @Test
    void credentialsStillRejectedAfterReadingTheSecretAgainFailWithTheServersAnswer() {
        connection.request(client -> client);
        server.acceptOnly("token-the-secret-does-not-have");

        assertThatThrownBy(() -> connection.request(client -> client.nodes().list()))
                .isInstanceOf(WorkloadException.class).hasMessageContaining("refused");
        assertThat(server.secretReads()).as("one renewal, no loop").isEqualTo(2);
    }

    @Test
    void theWatchMovesToTheRenewedClient() {
        server.pods(StandInApiServer.pod("shop", "web-1", "Running"));
        List<WorkloadWatch.Snapshot> snapshots = new CopyOnWriteArrayList<>();
        connection.watch(snapshots::add);
        assertThat(snapshots).hasSize(1);
        server.rotateCredentials("token-2");

        connection.request(client -> client.nodes().list());

        assertThat(connection.isWatching()).isTrue();
        assertThat(snapshots).as("the new watch's first snapshot").hasSizeGreaterThanOrEqualTo(2);
        assertThat(snapshots.get(snapshots.size() - 1).pods()).extracting(PodRow::name).containsExactly("web-1");
    }

    @Test
    void aClosedConnectionRefusesWorkAndStopsWatching() {
        connection.watch(snapshot -> { });
        connection.close();

        assertThat(connection.isWatching()).isFalse();
        assertThatThrownBy(() -> connection.request(client -> client)).isInstanceOf(WorkloadException.class)
                .hasMessageContaining("closed");
    }

    @Test
    void clusterExistsAsksTheManagementCluster() {
        assertThat(connection.clusterExists()).isTrue();
        server.deleteCluster();
        assertThat(connection.clusterExists()).isFalse();
    }

    @Test
    void aMissingSecretSaysTheClusterIsNotReadyYet() {
        server.secretMissingFor(1);

        assertThatThrownBy(() -> connection.request(client -> client)).isInstanceOf(WorkloadException.NotYet.class);
        KubernetesClient once = connection.request(client -> client);
        assertThat(once).isNotNull();
    }
}
