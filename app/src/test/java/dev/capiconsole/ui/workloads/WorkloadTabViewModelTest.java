package dev.capiconsole.ui.workloads;

import static dev.capiconsole.workload.StandInApiServer.CLUSTER;
import static dev.capiconsole.workload.StandInApiServer.NAMESPACE;
import static dev.capiconsole.workload.StandInApiServer.pod;
import static org.assertj.core.api.Assertions.assertThat;

import dev.capiconsole.connection.ManagementCluster;
import dev.capiconsole.ui.common.TaskExecutor;
import dev.capiconsole.workload.PodRow;
import dev.capiconsole.workload.StandInApiServer;
import dev.capiconsole.workload.WorkloadConnection;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A workload tab without a window, against a stand-in API server: work runs on the test's thread. */
class WorkloadTabViewModelTest {

    private StandInApiServer server;
    private ManagementCluster management;
    private WorkloadTabViewModel tab;

    @BeforeEach
    void start() throws IOException {
        server = new StandInApiServer();
        management = server.management();
        server.pods(pod("shop", "web-1", "Running"), pod("kube-system", "dns", "Running"),
                pod("shop", "web-2", "Pending"));
    }

    @AfterEach
    void stop() {
        tab.close();
        management.close();
        server.close();
    }

    private WorkloadTabViewModel open(TaskExecutor tasks) {
        tab = new WorkloadTabViewModel(NAMESPACE, CLUSTER, "kind-mgmt",
                new WorkloadConnection(management.client(), NAMESPACE, CLUSTER), tasks, Duration.ZERO);
        return tab;
    }

    @Test
    void showsThePodsAndNodesLive() {
        open(TaskExecutor.sameThread());

        assertThat(tab.stateProperty().get()).isEqualTo("Live from " + server.url() + ": 1 node, 3 pods");
        assertThat(tab.connectedProperty().get()).isTrue();
        assertThat(tab.pods()).extracting(PodRow::name).containsExactly("dns", "web-1", "web-2");
        assertThat(tab.nodes()).hasSize(1);
        assertThat(tab.podNamespaces()).containsExactly("kube-system", "shop");
    }

    @Test
    void waitsForTheSecretWhileTheClusterIsBeingCreated() {
        server.secretMissingFor(1);
        QueuedTaskExecutor tasks = new QueuedTaskExecutor();
        open(tasks);
        assertThat(tab.stateProperty().get()).isEqualTo("Reading the kubeconfig Secret…");

        tasks.runNext();
        assertThat(tab.stateProperty().get()).startsWith("there is no Secret default/web-kubeconfig yet")
                .endsWith(". Trying again every 0 s.");
        assertThat(tab.connectedProperty().get()).isFalse();

        tasks.runNext(); // the pause
        tasks.runNext(); // the second try
        assertThat(tab.stateProperty().get()).startsWith("Live from ");
        assertThat(tab.connectedProperty().get()).isTrue();
        assertThat(server.secretReads()).isEqualTo(2);
    }

    @Test
    void closingTheTabWhileItWaitsStopsTheRetries() {
        server.secretMissingFor(1);
        QueuedTaskExecutor tasks = new QueuedTaskExecutor();
        open(tasks);
        tasks.runNext();

        tab.close();
        tasks.runNext();

        assertThat(tasks.waiting()).as("no new try").isZero();
        assertThat(server.secretReads()).isEqualTo(1);
    }

    @Test
    void aRefusedSecretSaysWhyAndNothingElseIsTried() {
        server.forbidSecret();
        open(TaskExecutor.sameThread());

        assertThat(tab.stateProperty().get()).startsWith("Cannot open default/web: not allowed to read Secret "
                + "default/web-kubeconfig");
        tab.selectPod(PodRow.of(pod("shop", "web-1", "Running"), Instant.now()));
        assertThat(tab.detailsStateProperty().get()).isEqualTo("Not connected to the workload cluster yet.");
        tab.saveKubeconfig(Path.of("never-written"));
        assertThat(tab.exportMessageProperty().get()).isEqualTo("The kubeconfig has not been read yet.");
        assertThat(Path.of("never-written")).doesNotExist();
    }

    @Test
    void aWorkloadApiServerThatStopsAnsweringMarksTheRowsAsLastSeenUntilItIsBack() {
        open(TaskExecutor.sameThread());
        assertThat(tab.staleProperty().get()).isFalse();

        server.failPodLists(true);
        server.pods(pod("shop", "web-1", "Running"));
        await(() -> tab.staleProperty().get());
        assertThat(tab.stateProperty().get()).startsWith("Lost the API server of workload cluster default/web: ")
                .contains("ServiceUnavailable").contains("not live").endsWith("Trying again every 10 s.");
        assertThat(tab.pods()).as("as last seen").hasSize(3);
        assertThat(tab.connectedProperty().get()).isTrue();

        server.failPodLists(false);
        server.pods(pod("shop", "web-1", "Running"));
        await(() -> !tab.staleProperty().get());
        assertThat(tab.stateProperty().get()).isEqualTo("Live from " + server.url() + ": 1 node, 1 pod");
        assertThat(tab.pods()).extracting(PodRow::name).containsExactly("web-1");
    }

    @Test
    void theSelectedPodIsFollowedByItsNameAndClearedWhenItIsGone() {
        open(TaskExecutor.sameThread());
        PodRow web1 = tab.pods().stream().filter(p -> p.name().equals("web-1")).findFirst().orElseThrow();

        tab.selectPod(web1);
        assertThat(tab.detailsProperty().get().phase()).isEqualTo("Running");
        assertThat(tab.selectedPodProperty().get()).isSameAs(web1);

        server.pods(pod("shop", "web-1", "Failed"), pod("shop", "web-2", "Pending"));
        await(() -> "Failed".equals(tab.detailsProperty().get().phase()));
        assertThat(tab.selectedPodProperty().get().status()).isEqualTo("Failed");

        server.pods(pod("shop", "web-2", "Pending"));
        await(() -> tab.selectedPodProperty().get() == null);
        assertThat(tab.detailsProperty().get()).isNull();
        assertThat(tab.podNamespaces()).containsExactly("shop");
    }

    @Test
    void aDeletedClusterStopsTheTabWhichKeepsWhatItShowed() {
        open(TaskExecutor.sameThread());
        tab.checkClusterStillThere();
        assertThat(tab.isClosed()).as("still there").isFalse();

        server.deleteCluster();
        tab.checkClusterStillThere();

        assertThat(tab.isClosed()).isTrue();
        assertThat(tab.clusterStateProperty().get()).isEqualTo("Cluster default/web was deleted from the "
                + "management cluster. This tab stopped watching it; what it shows is how it was last seen.");
        assertThat(tab.stateProperty().get()).isEqualTo("Stopped.");
        assertThat(tab.connectedProperty().get()).isFalse();
        assertThat(tab.pods()).hasSize(3);
        tab.selectPod(tab.pods().get(0));
        assertThat(tab.detailsStateProperty().get()).startsWith("This tab stopped: Cluster default/web was deleted");
    }

    @Test
    void savesTheKubeconfigWithMode0600AndTheKubectlCommandUsesIt(@TempDir Path folder) throws IOException {
        open(TaskExecutor.sameThread());
        assertThat(tab.kubectlCommand()).isEqualTo(
                "kubectl --kubeconfig <(capi-console get kubeconfig web -n default --context kind-mgmt) get pods -A");
        Path file = folder.resolve("web.kubeconfig");

        tab.saveKubeconfig(file);

        assertThat(tab.exportMessageProperty().get()).isEqualTo("Saved the kubeconfig of default/web to " + file
                + " (mode 0600).");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(Files.readString(file)).contains("server: " + server.url());
        assertThat(tab.kubectlCommand()).isEqualTo("kubectl --kubeconfig " + file + " get pods -A");
    }

    @Test
    void shellQuotingKeepsOddCharactersLiteral() {
        open(TaskExecutor.sameThread());
        assertThat(WorkloadTabViewModel.shellQuote("kind-mgmt")).isEqualTo("kind-mgmt");
        assertThat(WorkloadTabViewModel.shellQuote("it's mine")).isEqualTo("'it'\\''s mine'");
    }

    /** Snapshots after the first come from the watch's own thread. */
    private static void await(BooleanSupplier condition) {
        Instant deadline = Instant.now().plusSeconds(15);
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("waited 15 s").isBefore(deadline);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
    }
}
