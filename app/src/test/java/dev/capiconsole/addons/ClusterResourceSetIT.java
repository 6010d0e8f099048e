package dev.capiconsole.addons;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capiconsole.cli.CliRunner;
import dev.capiconsole.lab.LabFixture;
import dev.capiconsole.testing.Await;
import dev.capiconsole.workload.WorkloadKubeconfig;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * ClusterResourceSets on the lab: which kinds the in-memory workload API server takes, an add-on of an accepted
 * kind reaching the workload cluster ({@code ResourcesApplied=True}), and one of a refused kind whose condition
 * message {@code get crs} shows.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterResourceSetIT {

    private static final String CLUSTER = "addons";
    private static final Duration APPLIED = Duration.ofMinutes(3);

    /** One object of each kind to try, as a CNI manifest would carry them. */
    private static final Map<String, String> CANDIDATES = candidates();

    @TempDir
    static Path data;

    private static LabFixture fixture;
    private static KubernetesClient workload;
    private static final Map<String, String> OUTCOMES = new LinkedHashMap<>();

    @BeforeAll
    static void labWithACluster() throws Exception {
        fixture = LabFixture.withReadyCluster(data, CLUSTER, 1, 0);
        workload = WorkloadKubeconfig.read(fixture.client(), "default", CLUSTER).client();
    }

    @AfterAll
    static void stopLab() {
        if (workload != null) {
            workload.close();
        }
        if (fixture != null) {
            fixture.close();
        }
    }

    @Test
    @Order(1)
    void theInMemoryWorkloadApiServerTakesSomeKinds() {
        CANDIDATES.forEach((kind, yaml) -> {
            try {
                workload.resource((HasMetadata) Serialization.unmarshal(yaml)).create();
                OUTCOMES.put(kind, "accepted");
            } catch (KubernetesClientException e) {
                OUTCOMES.put(kind, "refused (" + e.getCode() + " " + (e.getStatus() == null ? e.getMessage()
                        : e.getStatus().getReason() + ": " + e.getStatus().getMessage()) + ")");
            }
        });
        System.out.println("In-memory workload API server: " + OUTCOMES);

        assertThat(OUTCOMES).containsEntry("ConfigMap", "accepted").containsEntry("Namespace", "accepted")
                .containsEntry("DaemonSet", "accepted").containsEntry("CustomResourceDefinition", "accepted");
        assertThat(OUTCOMES).containsEntry("PodDisruptionBudget", "accepted");
        assertThat(OUTCOMES.get("StorageClass")).startsWith("refused (500");
        assertThat(OUTCOMES.get("NetworkPolicy")).startsWith("refused (500");
    }

    @Test
    @Order(2)
    void anAcceptedAddonReachesTheWorkloadCluster() throws Exception {
        Path manifest = Files.writeString(data.resolve("greeting.yaml"), """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: crs-greeting
                  namespace: default
                data:
                  hello: from a ClusterResourceSet
                """);
        long start = System.nanoTime();
        CliRunner.Result created = fixture.cli("crs", "create", "greeting", "-n", "default", "--cluster-selector",
                "addon-greeting=yes", "--from", manifest.toString(), "--label-clusters", CLUSTER);
        assertThat(created.exitCode()).as(created.err()).isZero();
        assertThat(created.out()).contains("ConfigMap default/greeting-greeting").contains("Selects: " + CLUSTER);

        ResourceSetRow row = Await.value(APPLIED, "ResourcesApplied=True on ClusterResourceSet greeting",
                () -> row("greeting").filter(r -> r.appliedStatus().equals("True")));
        System.out.printf("ClusterResourceSet greeting applied after %d ms%n", (System.nanoTime() - start) / 1_000_000);

        assertThat(workload.configMaps().inNamespace("default").withName("crs-greeting").get().getData())
                .containsEntry("hello", "from a ClusterResourceSet");
        assertThat(row.clusters()).singleElement().satisfies(c -> assertThat(c.state()).isEqualTo("applied (1/1)"));
        CliRunner.Result tree = fixture.cli("describe", "cluster", CLUSTER, "-n", "default", "--show-resourcesets");
        assertThat(tree.out()).as("the describe tree lists the set the page lists").contains("ClusterResourceSets")
                .contains("ClusterResourceSet default/greeting");
        CliRunner.Result listed = fixture.cli("get", "crs", "-n", "default");
        assertThat(listed.out()).containsPattern("greeting +addon-greeting=yes +ApplyOnce +ConfigMap/greeting-greeting"
                + " +" + CLUSTER + " applied \\(1/1\\) +True");
    }

    @Test
    @Order(3)
    void thePinnedFlannelOfTheLabBuildReachesTheWorkloadClusterOffline() {
        CliRunner.Result listed = CliRunner.run("addons", "list", "--offline");
        assertThat(listed.exitCode()).as(listed.err()).isZero();
        String file = listed.out().lines().filter(l -> l.startsWith("flannel ")).findFirst().orElseThrow()
                .replaceAll(".*overrides folder (\\S+).*", "$1");
        Path manifest = Path.of(file);
        assertThat(manifest).as(listed.out()).isRegularFile();

        long start = System.nanoTime();
        CliRunner.Result created = fixture.cli("crs", "create", "flannel", "-n", "default", "--cluster-selector",
                "cni=flannel", "--from", manifest.toString(), "--label-clusters", CLUSTER);
        assertThat(created.exitCode()).as(created.err()).isZero();
        Await.value(APPLIED, "ResourcesApplied=True on ClusterResourceSet flannel",
                () -> row("flannel").filter(r -> r.appliedStatus().equals("True")));
        System.out.printf("ClusterResourceSet flannel applied after %d ms%n", (System.nanoTime() - start) / 1_000_000);
        assertThat(workload.apps().daemonSets().inNamespace("kube-flannel").withName("kube-flannel-ds").get())
                .isNotNull();
    }

    @Test
    @Order(4)
    void aRefusedKindLeavesTheConditionFalseWithItsMessageShown() throws Exception {
        String refused = OUTCOMES.entrySet().stream().filter(e -> !e.getValue().equals("accepted"))
                .map(Map.Entry::getKey).findFirst().orElseThrow();
        Path manifest = Files.writeString(data.resolve("refused.yaml"), CANDIDATES.get(refused)
                .replace("name: probe", "name: crs-refused"));
        CliRunner.Result created = fixture.cli("crs", "create", "refused", "-n", "default", "--cluster-selector",
                "addon-refused=yes", "--from", manifest.toString(), "--label-clusters", CLUSTER);
        assertThat(created.exitCode()).as(created.err()).isZero();

        ResourceSetRow row = Await.value(APPLIED, "ResourcesApplied=False on ClusterResourceSet refused",
                () -> row("refused").filter(r -> r.appliedStatus().equals("False") && !r.appliedMessage().isEmpty()));
        System.out.println("Refused " + refused + ": " + row.appliedReason() + ": " + row.appliedMessage());

        String firstLine = row.appliedMessage().lines().findFirst().orElseThrow();
        assertThat(fixture.cli("get", "crs", "-n", "default").out()).contains("False")
                .contains(firstLine.substring(0, Math.min(40, firstLine.length())));

        CliRunner.Result deleted = fixture.cli("crs", "delete", "refused", "-n", "default");
        assertThat(deleted.exitCode()).as(deleted.err()).isZero();
        Await.until(Duration.ofSeconds(30), "ClusterResourceSet refused gone (after the controller's finalizer)",
                () -> row("refused").isEmpty());
        assertThat(fixture.cli("crs", "create", "nobody", "-n", "default", "--cluster-selector", "no=one", "--from",
                manifest.toString()).err()).contains("matches no Cluster in default");
    }

    private static Optional<ResourceSetRow> row(String name) {
        List<ResourceSetRow> rows = new ClusterResourceSets(fixture.client()).list("default");
        return rows.stream().filter(r -> r.name().equals(name)).findFirst();
    }

    private static Map<String, String> candidates() {
        Map<String, String> kinds = new LinkedHashMap<>();
        kinds.put("Namespace", "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: probe\n");
        kinds.put("ConfigMap", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: probe\n  namespace: default\n"
                + "data:\n  a: b\n");
        kinds.put("Secret", "apiVersion: v1\nkind: Secret\nmetadata:\n  name: probe\n  namespace: default\n"
                + "stringData:\n  a: b\n");
        kinds.put("ServiceAccount", "apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: probe\n"
                + "  namespace: default\n");
        kinds.put("Service", "apiVersion: v1\nkind: Service\nmetadata:\n  name: probe\n  namespace: default\n"
                + "spec:\n  ports:\n  - port: 80\n");
        kinds.put("ClusterRole", "apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata:\n"
                + "  name: probe\nrules: []\n");
        kinds.put("ClusterRoleBinding", "apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRoleBinding\n"
                + "metadata:\n  name: probe\nroleRef:\n  apiGroup: rbac.authorization.k8s.io\n  kind: ClusterRole\n"
                + "  name: probe\nsubjects: []\n");
        kinds.put("Deployment", "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: probe\n"
                + "  namespace: default\nspec:\n  selector:\n    matchLabels:\n      app: probe\n  template:\n"
                + "    metadata:\n      labels:\n        app: probe\n    spec:\n      containers:\n"
                + "      - name: probe\n        image: registry.k8s.io/pause:3.10\n");
        kinds.put("DaemonSet", "apiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: probe\n"
                + "  namespace: default\nspec:\n  selector:\n    matchLabels:\n      app: probe\n  template:\n"
                + "    metadata:\n      labels:\n        app: probe\n    spec:\n      containers:\n"
                + "      - name: probe\n        image: registry.k8s.io/pause:3.10\n");
        kinds.put("CustomResourceDefinition", "apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\n"
                + "metadata:\n  name: probes.example.com\nspec:\n  group: example.com\n  names:\n    kind: Probe\n"
                + "    plural: probes\n  scope: Namespaced\n  versions:\n  - name: v1\n    served: true\n"
                + "    storage: true\n    schema:\n      openAPIV3Schema:\n        type: object\n");
        kinds.put("StorageClass", "apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata:\n  name: probe\n"
                + "provisioner: example.com/none\n");
        kinds.put("PriorityClass", "apiVersion: scheduling.k8s.io/v1\nkind: PriorityClass\nmetadata:\n"
                + "  name: probe\nvalue: 1000\n");
        kinds.put("NetworkPolicy", "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n"
                + "  name: probe\n  namespace: default\nspec:\n  podSelector: {}\n");
        kinds.put("Job", "apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: probe\n  namespace: default\n"
                + "spec:\n  template:\n    spec:\n      restartPolicy: Never\n      containers:\n"
                + "      - name: probe\n        image: registry.k8s.io/pause:3.10\n");
        kinds.put("PodDisruptionBudget", "apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata:\n"
                + "  name: probe\n  namespace: default\nspec:\n  maxUnavailable: 1\n  selector:\n"
                + "    matchLabels:\n      app: probe\n");
        return kinds;
    }
}
