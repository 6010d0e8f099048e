package dev.capiconsole.topology;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capiconsole.cli.CliRunner;
import dev.capiconsole.lab.Lab;
import dev.capiconsole.lab.LabOptions;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The console's {@code describe cluster} against the lab's clusterctl v1.14 on the same real cluster, in several
 * states and with every option: same rows, same cells, SINCE excepted. Because the two tools read the cluster a
 * moment apart, a comparison is retried while the cluster is changing.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DescribeParityIT {

    private static final String NS = "default";
    private static final String CLUSTER = "parity";

    @TempDir
    static Path data;

    private static Lab lab;
    private static KubernetesClient client;

    @BeforeAll
    static void startLabWithACluster() throws Exception {
        lab = Lab.start(LabOptions.defaults().withDataDir(data.resolve("lab")), line -> { });
        client = lab.client();
        Path templates = lab.binaries().source("CAPD_TEMPLATES_DIR");
        apply(Files.readString(templates.resolve("clusterclass-in-memory.yaml")));
        apply(run(clusterctl("generate", "cluster", CLUSTER, "--from",
                templates.resolve("cluster-template-in-memory.yaml").toString(), "--kubernetes-version", "v1.36.0",
                "--control-plane-machine-count", "1", "--worker-machine-count", "3", "--target-namespace", NS)));
        await(Duration.ofMinutes(4), () -> {
            GenericKubernetesResource cluster = cluster();
            return cluster != null && InMemoryConditions.isTrue(cluster, "Available");
        });
    }

    @AfterAll
    static void stopLab() {
        if (client != null) {
            client.close();
        }
        if (lab != null) {
            lab.close();
        }
    }

    @Test
    @Order(1)
    void aHealthyClusterWithEveryOption() throws Exception {
        assertSameAsClusterctl();
        assertSameAsClusterctl("--show-machinesets");
        assertSameAsClusterctl("--show-conditions", "all");
        assertSameAsClusterctl("--show-conditions", "Machine+,KubeadmControlPlane");
        assertSameAsClusterctl("--echo");
        assertSameAsClusterctl("--grouping=false");
        assertSameAsClusterctl("--show-templates");
        assertSameAsClusterctl("--show-resourcesets");
        assertSameAsClusterctl("--show-machinesets", "--grouping=false", "--echo", "--show-conditions", "all+");
    }

    @Test
    @Order(2)
    void aClusterScalingUp() throws Exception {
        patchCluster("{\"spec\":{\"topology\":{\"workers\":{\"machineDeployments\":[{\"class\":\"default-worker\","
                + "\"name\":\"md-0\",\"replicas\":5}]}}}}");
        await(Duration.ofSeconds(30), () -> client.genericKubernetesResources(SnapshotReader.CORE, "Machine")
                .inNamespace(NS).withLabel("cluster.x-k8s.io/cluster-name", CLUSTER).list().getItems().size() > 4);
        assertSameAsClusterctl();
        assertSameAsClusterctl("--show-conditions", "all", "--grouping=false");
    }

    @Test
    @Order(3)
    void aPausedClusterWithADeletingMachine() throws Exception {
        GenericKubernetesResource machine = client.genericKubernetesResources(SnapshotReader.CORE, "Machine")
                .inNamespace(NS).withLabel("cluster.x-k8s.io/deployment-name").list().getItems().get(0);
        String machineName = machine.getMetadata().getName();
        client.genericKubernetesResources(SnapshotReader.CORE, "Machine").inNamespace(NS).withName(machineName)
                .patch(PatchContext.of(PatchType.JSON_MERGE),
                        "{\"metadata\":{\"finalizers\":[\"capi-console.test/hold\"]}}");
        patchCluster("{\"spec\":{\"paused\":true}}");
        client.genericKubernetesResources(SnapshotReader.CORE, "Machine").inNamespace(NS).withName(machineName)
                .delete();
        await(Duration.ofSeconds(30), () -> InMemoryConditions.isTrue(cluster(), "Paused"));
        try {
            assertSameAsClusterctl();
            assertSameAsClusterctl("--show-conditions", "all");
            assertSameAsClusterctl("--grouping=false", "--show-conditions", "Cluster,Machine/" + machineName);
        } finally {
            client.genericKubernetesResources(SnapshotReader.CORE, "Machine").inNamespace(NS).withName(machineName)
                    .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"metadata\":{\"finalizers\":null}}");
            patchCluster("{\"spec\":{\"paused\":false}}");
        }
    }

    private static void assertSameAsClusterctl(String... options) throws Exception {
        List<String> ours = new ArrayList<>(List.of("describe", "cluster", CLUSTER, "-n", NS,
                "--kubeconfig", lab.kubeconfig().toString()));
        ours.addAll(List.of(options));
        List<String> theirs = new ArrayList<>(List.of("describe", "cluster", CLUSTER, "-n", NS));
        theirs.addAll(List.of(options));
        List<List<String>> expected = null;
        List<List<String>> actual = null;
        for (int attempt = 0; attempt < 20; attempt++) {
            expected = DescribeText.cellsWithoutSince(run(clusterctl(theirs.toArray(String[]::new))));
            CliRunner.Result result = CliRunner.run(ours.toArray(String[]::new));
            assertThat(result.exitCode()).as(result.err()).isZero();
            actual = DescribeText.cellsWithoutSince(result.out());
            if (actual.equals(expected)) {
                assertThat(actual).hasSizeGreaterThan(3);
                return;
            }
            Thread.sleep(1000);
        }
        assertThat(DescribeText.lines(actual)).as("describe %s", String.join(" ", options))
                .containsExactlyElementsOf(DescribeText.lines(expected));
    }

    private static GenericKubernetesResource cluster() {
        return client.genericKubernetesResources(SnapshotReader.CORE, "Cluster").inNamespace(NS).withName(CLUSTER)
                .get();
    }

    private static void patchCluster(String mergePatch) {
        client.genericKubernetesResources(SnapshotReader.CORE, "Cluster").inNamespace(NS).withName(CLUSTER)
                .patch(PatchContext.of(PatchType.JSON_MERGE), mergePatch);
    }

    private static List<String> clusterctl(String... args) throws IOException {
        Path config = data.resolve("clusterctl.yaml");
        if (!Files.exists(config)) {
            Files.writeString(config, "");
        }
        List<String> command = new ArrayList<>(List.of(lab.binaries().binary("clusterctl").toString()));
        command.addAll(List.of(args));
        command.addAll(List.of("--kubeconfig", lab.kubeconfig().toString(), "--config", config.toString()));
        return command;
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        Path err = data.resolve("clusterctl.err");
        Process process = new ProcessBuilder(command).redirectError(err.toFile()).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(Files.readString(err)).isZero();
        return out;
    }

    private static void apply(String yaml) {
        for (Object document : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(yaml)) {
            if (document instanceof Map<?, ?>) {
                GenericKubernetesResource resource =
                        Serialization.unmarshal(Serialization.asJson(document), GenericKubernetesResource.class);
                client.resource(resource).inNamespace(NS).fieldManager("capi-console-test").forceConflicts()
                        .serverSideApply();
            }
        }
    }

    private static void await(Duration timeout, BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("waited %s", timeout).isBefore(deadline);
            Thread.sleep(500);
        }
    }
}
