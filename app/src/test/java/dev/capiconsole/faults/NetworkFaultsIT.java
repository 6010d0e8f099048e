package dev.capiconsole.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capiconsole.connection.ClusterProbe;
import dev.capiconsole.connection.ManagementCluster;
import dev.capiconsole.lab.LabFixture;
import dev.capiconsole.topology.ClusterSummary;
import dev.capiconsole.ui.clusters.ClustersViewModel;
import dev.capiconsole.ui.common.TestUiThread;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Network faults between the console and the management cluster's API server, on one lab: the Clusters page's
 * view-model (as the window uses it) connects through a {@link FaultProxy}; each case breaks the connection while
 * objects change, then checks that the overview and the describe tree equal a fresh list from the API server,
 * that the page said the watch was lost while it lasted, and reports how long recovery took.
 */
@Tag("fault")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NetworkFaultsIT {

    private static final String CLUSTER = "net";
    private static final String NAMESPACE = "default";
    private static final String CORE = "cluster.x-k8s.io/v1beta2";
    private static final Duration RECOVERY_LIMIT = Duration.ofSeconds(90);
    private static final Duration OUTAGE = Duration.ofSeconds(30);
    private static final Duration REVOKED_WINDOW = Duration.ofSeconds(60);
    private static final String LOST = "Lost the watch on ";
    private static final String REJECTED = "rejected the credentials";

    @TempDir
    static Path data;
    private LabFixture fixture;
    private KubernetesClient admin;
    private FaultProxy proxy;
    private ManagementCluster management;
    private final TestUiThread ui = new TestUiThread();
    private ClustersViewModel model;
    private final List<String> states = Collections.synchronizedList(new ArrayList<>());
    private final List<String> results = new ArrayList<>();

    @BeforeAll
    void consoleThroughAProxy() throws Exception {
        fixture = LabFixture.withReadyCluster(data, CLUSTER, 1, 2);
        admin = fixture.client();
        proxy = FaultProxy.to("127.0.0.1", URI.create(fixture.serverUrl()).getPort());
        Path kubeconfig = write("proxied.kubeconfig", Files.readString(fixture.kubeconfig())
                .replace(fixture.serverUrl(), "https://127.0.0.1:" + proxy.port()));
        management = ClusterProbe.probe(kubeconfig);
        model = watch(management, states);
    }

    /** A Clusters page view-model connected to {@code cluster}, showing the test cluster's full tree. */
    private ClustersViewModel watch(ManagementCluster cluster, List<String> seenStates) {
        SimpleObjectProperty<ManagementCluster> connected = new SimpleObjectProperty<>();
        ClustersViewModel clusters = ui.read(() -> {
            ClustersViewModel created = new ClustersViewModel(connected, ui);
            created.stateProperty().addListener((obs, old, now) -> seenStates.add(now));
            created.optionsProperty().set(created.optionsProperty().get().withGrouping(false));
            connected.set(cluster);
            return created;
        });
        ui.await("the overview lists " + CLUSTER, RECOVERY_LIMIT, () -> clusters.clusters().stream()
                .anyMatch(c -> c.name().equals(CLUSTER)));
        ui.read(() -> {
            clusters.selectedProperty().set(clusters.clusters().stream().filter(c -> c.name().equals(CLUSTER))
                    .findFirst().orElseThrow());
            return null;
        });
        awaitEqual(clusters, "the first view");
        return clusters;
    }

    @AfterAll
    void close() throws IOException {
        if (model != null) {
            model.shutdown();
        }
        if (management != null) {
            management.close();
        }
        if (proxy != null) {
            proxy.close();
        }
        ui.shutdown();
        if (fixture != null) {
            fixture.close();
        }
        if (!results.isEmpty()) {
            Path file = Path.of("target", "fault-results.txt");
            Files.createDirectories(file.getParent());
            Files.write(file, results, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
    }

    @Test
    @Order(1)
    void connectionsResetAndRefusedFor30Seconds() {
        createPausedCluster("doomed-a");
        awaitEqual(model, "doomed-a shown before the fault");
        states.clear();
        proxy.resetFor(OUTAGE);
        long faultStart = System.nanoTime();
        scaleWorkers(3);
        label("a");
        createPausedCluster("ghost-a");
        delete("doomed-a");
        ui.await("the page says the watch is lost", Duration.ofSeconds(15),
                () -> model.stateProperty().get().startsWith(LOST));
        sleepUntil(faultStart + OUTAGE.toNanos());
        proxy.restore();
        double recovery = awaitEqual(model, "the view after 30 s of resets");
        ui.await("the page says it is watching again", Duration.ofSeconds(10),
                () -> model.stateProperty().get().startsWith("Watching "));
        assertToldWhileItLasted();
        record("connection-reset-30s", recovery, "proxy reset all connections, refused new ones for 30 s; "
                + proxy.refusedConnections() + " connections refused");
    }

    @Test
    @Order(2)
    void apiServerRestartedWhileObjectsChange() {
        createPausedCluster("doomed-b");
        awaitEqual(model, "doomed-b shown before the fault");
        states.clear();
        fixture.lab().stop("kube-apiserver");
        ui.await("the page says the watch is lost", Duration.ofSeconds(30),
                () -> model.stateProperty().get().startsWith(LOST));
        fixture.lab().startAgain("kube-apiserver");
        long back = System.nanoTime();
        // The changes land while the console is still reconnecting (its informers back off while the server is down).
        delete("doomed-b");
        scaleWorkers(2);
        label("b");
        createPausedCluster("ghost-b");
        double recovery = awaitEqual(model, "the view after the API server restarted", back);
        ui.await("the page says it is watching again", Duration.ofSeconds(10),
                () -> model.stateProperty().get().startsWith("Watching "));
        assertToldWhileItLasted();
        record("apiserver-restart", recovery, "kube-apiserver stopped (SIGTERM) and started again; changes made "
                + "as soon as it was ready, while the console reconnected");
    }

    @Test
    @Order(3)
    void watchExpiredByCompactionRelistsWithoutStaleRows() throws Exception {
        createPausedCluster("doomed-c");
        awaitEqual(model, "doomed-c shown before the fault");
        String seen = admin.genericKubernetesResources(CORE, "Cluster").inAnyNamespace().list().getMetadata()
                .getResourceVersion();
        states.clear();
        proxy.refuse();
        proxy.resetAll();
        delete("doomed-c");
        label("c");
        createPausedCluster("ghost-c");
        ui.await("the page says the watch is lost", Duration.ofSeconds(15),
                () -> model.stateProperty().get().startsWith(LOST));
        EtcdGateway etcd = EtcdGateway.of(fixture.lab().dataDir());
        long revision = etcd.compactToCurrent();
        String how = "etcd compacted to revision " + revision + " through its v3 JSON gateway";
        if (!watchGone(seen)) {
            // The API server serves watches from its watch cache, which still holds the events; a restart drops it.
            fixture.lab().stop("kube-apiserver");
            fixture.lab().startAgain("kube-apiserver");
            how += ", then kube-apiserver restarted to drop its watch cache";
        }
        assertThat(watchGone(seen)).as("a watch from resourceVersion " + seen + " is refused as expired (410)")
                .isTrue();
        proxy.restore();
        double recovery = awaitEqual(model, "the view after the watch expired");
        ui.await("the page says it is watching again", Duration.ofSeconds(10),
                () -> model.stateProperty().get().startsWith("Watching "));
        assertToldWhileItLasted();
        record("watch-expired-410", recovery, how + "; console cut off by the proxy meanwhile, then restored");
    }

    @Test
    @Order(4)
    void revokedCredentialsAreReportedWithoutARetryStorm() throws Exception {
        String token = ServiceAccounts.clusterAdminToken(admin, NAMESPACE, "fault-revoked");
        String ca = java.util.Base64.getEncoder().encodeToString(Files.readAllBytes(fixture.lab().dataDir()
                .resolve("pki/ca.crt")));
        List<String> revokedStates = Collections.synchronizedList(new ArrayList<>());
        try (FaultProxy counted = FaultProxy.to("127.0.0.1", URI.create(fixture.serverUrl()).getPort())) {
            Path kubeconfig = write("revoked.kubeconfig", ServiceAccounts.kubeconfig(
                    "https://127.0.0.1:" + counted.port(), ca, token));
            ManagementCluster revoked = ClusterProbe.probe(kubeconfig);
            ClustersViewModel revokedModel = watch(revoked, revokedStates);
            try {
                ServiceAccounts.revoke(admin, NAMESPACE, "fault-revoked");
                // The API server caches a token's success for 10 s: wait until it answers 401 to the token.
                ServiceAccounts.awaitRejected(fixture.serverUrl(), ca, token, Duration.ofSeconds(30));
                double failuresBefore = ApiServerMetrics.authenticationFailures(admin);
                counted.resetAll(); // the watches re-connect and authenticate again, as after a routine watch timeout
                long revokedAt = System.nanoTime();
                long connectionsBefore = counted.connections() + counted.refusedConnections();
                ui.await("the page says the credentials were rejected", Duration.ofSeconds(30),
                        () -> revokedModel.stateProperty().get().contains(REJECTED));
                double told = seconds(System.nanoTime() - revokedAt);
                sleepUntil(revokedAt + Duration.ofSeconds(10).toNanos());
                long connectionsSettled = counted.connections();
                long bytesSettled = counted.bytesUp();
                sleepUntil(revokedAt + REVOKED_WINDOW.toNanos());
                long connections = counted.connections() - connectionsBefore;
                double failures = ApiServerMetrics.authenticationFailures(admin) - failuresBefore;
                assertThat(ui.read(revokedModel.stateProperty()::get)).contains(REJECTED);
                assertThat(counted.connections()).as("no new connection after the first 10 s").isEqualTo(
                        connectionsSettled);
                assertThat(counted.bytesUp()).as("nothing sent after the first 10 s").isEqualTo(bytesSettled);
                assertThat(connections).as("connections in 60 s after revocation").isLessThanOrEqualTo(30);
                if (failures >= 0) {
                    assertThat(failures).as("requests rejected by authentication in 60 s").isLessThanOrEqualTo(60);
                }
                assertThat(ui.read(() -> revokedModel.clusters().isEmpty())).as("the overview keeps what it showed")
                        .isFalse();
                record("credentials-revoked", told, String.format(Locale.ROOT, "ServiceAccount deleted, its connections"
                        + " reset; console told in %.1f s, then %d connections and %s authentication failures in 60 s",
                        told, connections, failures < 0 ? "n/a" : String.format(Locale.ROOT, "%.0f", failures)));
            } finally {
                revokedModel.shutdown();
                revoked.close();
            }
        }
    }

    private void assertToldWhileItLasted() {
        assertThat(List.copyOf(states)).as("states shown during the fault")
                .anySatisfy(s -> assertThat(s).startsWith(LOST));
    }

    /** Whether the API server refuses a watch of Clusters from {@code resourceVersion} as expired. */
    private boolean watchGone(String resourceVersion) throws Exception {
        CompletableFuture<Boolean> gone = new CompletableFuture<>();
        try (var ignored = admin.genericKubernetesResources(CORE, "Cluster").inAnyNamespace()
                .withResourceVersion(resourceVersion).watch(new Watcher<GenericKubernetesResource>() {
                    @Override
                    public void eventReceived(Action action, GenericKubernetesResource resource) {
                        gone.complete(false);
                    }

                    @Override
                    public void onClose(WatcherException cause) {
                        gone.complete(cause != null && cause.isHttpGone());
                    }
                })) {
            return gone.get(10, TimeUnit.SECONDS);
        } catch (KubernetesClientException e) {
            return e.getCode() == 410;
        } catch (java.util.concurrent.TimeoutException e) {
            return false;
        }
    }

    /** Waits until the console shows what the API server has; returns the seconds since {@code since}. */
    private double awaitEqual(ClustersViewModel clusters, String what, long since) {
        long deadline = since + RECOVERY_LIMIT.toNanos();
        ConsoleView shown = null;
        ConsoleView fresh = null;
        while (System.nanoTime() - deadline < 0) {
            try {
                shown = ui.read(() -> ConsoleView.of(List.<ClusterSummary>copyOf(clusters.clusters()),
                        clusters.treeProperty().get() == null ? null : clusters.treeProperty().get().root()));
                fresh = ConsoleView.fresh(admin, NAMESPACE, CLUSTER);
                if (shown.equals(fresh)) {
                    return seconds(System.nanoTime() - since);
                }
            } catch (KubernetesClientException e) {
                // the API server is not back yet: the fresh list cannot be read
            }
            sleep(100);
        }
        throw new AssertionError("Not recovered within " + RECOVERY_LIMIT.toSeconds() + " s: " + what + ": "
                + (shown == null || fresh == null ? "nothing read" : shown.difference(fresh)));
    }

    private double awaitEqual(ClustersViewModel clusters, String what) {
        return awaitEqual(clusters, what, System.nanoTime());
    }

    private void record(String fault, double recoverySeconds, String how) {
        String line = String.format(Locale.ROOT, "FAULT %s recovered in %.1f s (%s)", fault, recoverySeconds, how);
        System.out.println(line);
        results.add(line);
    }

    private void createPausedCluster(String name) {
        GenericKubernetesResource cluster = new GenericKubernetesResource();
        cluster.setApiVersion(CORE);
        cluster.setKind("Cluster");
        cluster.setMetadata(new io.fabric8.kubernetes.api.model.ObjectMetaBuilder().withName(name)
                .withNamespace(NAMESPACE).build());
        // The webhook wants a reference; paused, no controller follows it, so it may name nothing.
        Map<String, Object> reference = new java.util.HashMap<>(infrastructureRef());
        reference.put("name", name);
        cluster.setAdditionalProperty("spec", Map.of("paused", true, "infrastructureRef", reference));
        admin.resource(cluster).create();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> infrastructureRef() {
        Map<String, Object> spec = (Map<String, Object>) admin.genericKubernetesResources(CORE, "Cluster")
                .inNamespace(NAMESPACE).withName(CLUSTER).get().getAdditionalProperties().get("spec");
        return (Map<String, Object>) spec.get("infrastructureRef");
    }

    private void delete(String name) {
        admin.genericKubernetesResources(CORE, "Cluster").inNamespace(NAMESPACE).withName(name).delete();
    }

    private void label(String value) {
        admin.genericKubernetesResources(CORE, "Cluster").inNamespace(NAMESPACE).withName(CLUSTER)
                .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"metadata\":{\"labels\":{\""
                        + ConsoleView.CASE_LABEL + "\":\"" + value + "\"}}}");
    }

    private void scaleWorkers(int replicas) {
        GenericKubernetesResource deployment = admin.genericKubernetesResources(CORE, "MachineDeployment")
                .inNamespace(NAMESPACE).withLabel("cluster.x-k8s.io/cluster-name", CLUSTER).list().getItems().get(0);
        admin.genericKubernetesResources(CORE, "MachineDeployment").inNamespace(NAMESPACE)
                .withName(deployment.getMetadata().getName())
                .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"spec\":{\"replicas\":" + replicas + "}}");
    }

    private Path write(String name, String content) throws IOException {
        Path file = data.resolve(name);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, content);
        return file;
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    private static void sleepUntil(long nanoTime) {
        long left = nanoTime - System.nanoTime();
        if (left > 0) {
            sleep(TimeUnit.NANOSECONDS.toMillis(left));
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
