package dev.capiconsole.topology;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capiconsole.cli.CliRunner;
import dev.capiconsole.lab.LabFixture;
import dev.capiconsole.testing.Await;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

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

    private static LabFixture lab;
    private static KubernetesClient client;

    @BeforeAll
    static void startLabWithACluster() throws Exception {
        lab = LabFixture.full(data);
        client = lab.client();
        lab.clusters().create(CLUSTER, NS, 1, 3);
        Await.until(Duration.ofMinutes(4), "Cluster " + CLUSTER + " Available",
                () -> InMemoryConditions.isTrue(cluster(), "Available"));
    }

    @AfterAll
    static void stopLab() {
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
        assertSameAsClusterctl("--v1beta2=false");
        assertSameAsClusterctl("--v1beta2=false", "--show-conditions", "all");
        assertSameAsClusterctl("--v1beta2=false", "--echo", "--grouping=false", "--show-machinesets");
        assertSameAsClusterctl("--v1beta2=false", "--show-conditions", "Machine+,KubeadmControlPlane");
    }

    /**
     * A management cluster that serves the core kinds only as v1beta1 (Cluster API before v1.11): the lab serves
     * both, so reading v1beta1 objects (converted by the real conversion webhook) and converting them ourselves
     * must give the tree that reading v1beta2 gives, in both describe modes.
     */
    @Test
    @Order(1)
    void v1beta1ObjectsGiveTheSameTree() throws InterruptedException {
        for (DescribeOptions options : List.of(DescribeOptions.defaults(),
                DescribeOptions.defaults().withShowConditions("all").withGrouping(false).withEcho(true),
                DescribeOptions.defaults().withV1Beta1(true).withShowConditions("all"))) {
            String fromV1Beta2 = "";
            String fromV1Beta1 = "";
            for (int attempt = 0; attempt < 10 && (fromV1Beta1.isEmpty() || !fromV1Beta1.equals(fromV1Beta2));
                    attempt++) {
                Thread.sleep(attempt * 500L);
                Instant now = Instant.now();
                fromV1Beta2 = describe(new ApiObjectSource(client, "v1beta2"), options, now);
                fromV1Beta1 = describe(new ApiObjectSource(client, "v1beta1"), options, now);
            }
            assertThat(fromV1Beta1).as("%s", options).isEqualTo(fromV1Beta2).contains("MachineDeployment");
        }
    }

    private static String describe(ObjectSource source, DescribeOptions options, Instant now) {
        return DescribeTable.format(DescribeTable.rows(DescribeTreeBuilder.build(
                new SnapshotReader(source).read(NS, CLUSTER), options, now), now));
    }

    @Test
    @Order(2)
    void aClusterScalingUp() throws Exception {
        patchCluster("{\"spec\":{\"topology\":{\"workers\":{\"machineDeployments\":[{\"class\":\"default-worker\","
                + "\"name\":\"md-0\",\"replicas\":5}]}}}}");
        Await.until(Duration.ofSeconds(30), "more than 4 Machines after the scale-up", () -> client
                .genericKubernetesResources(SnapshotReader.CORE, "Machine").inNamespace(NS)
                .withLabel("cluster.x-k8s.io/cluster-name", CLUSTER).list().getItems().size() > 4);
        assertSameAsClusterctl();
        assertSameAsClusterctl("--show-conditions", "all", "--grouping=false");
        assertSameAsClusterctl("--v1beta2=false", "--show-conditions", "all");
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
        Await.until(Duration.ofSeconds(30), "Paused condition True", () -> InMemoryConditions.isTrue(cluster(),
                "Paused"));
        try {
            assertSameAsClusterctl();
            assertSameAsClusterctl("--show-conditions", "all");
            assertSameAsClusterctl("--grouping=false", "--show-conditions", "Cluster,Machine/" + machineName);
            assertSameAsClusterctl("--v1beta2=false", "--show-conditions", "all");
            String svg = diagram("svg", "-");
            assertThat(nodeOf(svg, "Machine/" + NS + "/" + machineName)).contains(">deleting, paused</text>");
            assertThat(nodeOf(svg, "Cluster/" + NS + "/" + CLUSTER)).contains(">paused</text>");
        } finally {
            client.genericKubernetesResources(SnapshotReader.CORE, "Machine").inNamespace(NS).withName(machineName)
                    .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"metadata\":{\"finalizers\":null}}");
            patchCluster("{\"spec\":{\"paused\":false}}");
        }
    }

    /** Our extension: the same cluster drawn as a diagram by {@code describe cluster --output}. */
    @Test
    @Order(4)
    void theDiagramOfTheClusterFromTheCommandLine() throws Exception {
        int machines = client.genericKubernetesResources(SnapshotReader.CORE, "Machine").inNamespace(NS)
                .withLabel("cluster.x-k8s.io/cluster-name", CLUSTER).list().getItems().size();
        String svg = diagram("svg", "-", "--diagram-extras");
        assertThat(svg).startsWith("<?xml").endsWith("</svg>\n");
        assertThat(svg.split("<g id=\"Machine/", -1)).as("one node per Machine").hasSize(machines + 1);
        assertThat(svg).contains("<g id=\"KubeadmControlPlane/" + NS + "/", "<g id=\"ClusterClass/" + NS
                + "/in-memory\">", ">control plane</text>", ">template</text>");

        Path png = data.resolve("parity.png");
        diagram("png", png.toString());
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isGreaterThan(400);

        CliRunner.Result refused = CliRunner.run("describe", "cluster", CLUSTER, "-n", NS, "--kubeconfig",
                lab.kubeconfig().toString(), "--output", "jpg", "parity.jpg");
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err()).contains("--output takes svg or png");
    }

    private static String diagram(String format, String file, String... options) {
        List<String> args = new ArrayList<>(List.of("describe", "cluster", CLUSTER, "-n", NS, "--kubeconfig",
                lab.kubeconfig().toString(), "--output", format, file));
        args.addAll(List.of(options));
        CliRunner.Result result = CliRunner.run(args.toArray(String[]::new));
        assertThat(result.exitCode()).as(result.err()).isZero();
        return result.out();
    }

    /** The SVG group of one node, from its opening tag to its end. */
    private static String nodeOf(String svg, String id) {
        int start = svg.indexOf("<g id=\"" + id + "\">");
        assertThat(start).as("node %s in the SVG", id).isNotNegative();
        return svg.substring(start, svg.indexOf("</g>", start));
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
            expected = DescribeText.cellsWithoutSince(lab.clusters().clusterctl(theirs.toArray(String[]::new)));
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
}
