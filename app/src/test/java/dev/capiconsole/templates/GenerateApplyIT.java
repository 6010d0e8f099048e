package dev.capiconsole.templates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.capiconsole.clusterctl.ClusterctlEnvironment;
import dev.capiconsole.lab.Lab;
import dev.capiconsole.lab.LabClusters;
import dev.capiconsole.lab.LabFixture;
import dev.capiconsole.lab.LabOptions;
import dev.capiconsole.templates.ClusterApplier.ObjectResult;
import dev.capiconsole.templates.ClusterApplier.Outcome;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built-in in-memory template, generated with the management cluster in view and applied with server-side
 * apply to the lab: a missing namespace is refused until creation is allowed, the cluster becomes ready, applying
 * again changes nothing, the ClusterClass is not brought twice, and a webhook rejection is reported per object.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GenerateApplyIT {

    private static final String NS = "wizard-team";

    @TempDir
    static Path data;

    private static LabFixture lab;
    private static KubernetesClient client;
    private static ClusterGenerator generator;

    @BeforeAll
    static void startLab() {
        lab = LabFixture.full(data);
        client = lab.client();
        ClusterctlEnvironment environment = ClusterctlEnvironment.load(Map.of(), data.resolve("home"), null);
        generator = new ClusterGenerator(TemplateFetcher.of(environment, client, () -> System.in),
                new ManagementClusterLookup(client));
    }

    @AfterAll
    static void stopLab() {
        if (lab != null) {
            lab.close();
        }
    }

    private static GeneratedCluster generate(String name, long workers) {
        GenerateRequest request = new GenerateRequest(name, NS, "v1.33.0", 1L, workers,
                new TemplateSource.BuiltIn(BuiltInTemplates.find("docker", "in-memory").orElseThrow()), Map.of());
        return generator.generate(request, VariableValues.none());
    }

    @Test
    @Order(1)
    void aMissingNamespaceIsRefusedBeforeAnythingIsApplied() {
        GeneratedCluster generated = generate("first", 2);
        assertThat(generated.addedClusterClasses()).containsExactly(NS + "/in-memory");
        ClusterApplier applier = new ClusterApplier(client);
        assertThatThrownBy(() -> applier.apply(generated.objects(), false, r -> { }))
                .isInstanceOfSatisfying(ClusterApplier.MissingNamespacesException.class,
                        e -> assertThat(e.namespaces()).containsExactly(NS))
                .hasMessageContaining("namespace " + NS + " does not exist");
        assertThat(client.namespaces().withName(NS).get()).isNull();
    }

    @Test
    @Order(2)
    void theBuiltInInMemoryTemplateAppliesAndBecomesReady() {
        GeneratedCluster generated = generate("first", 2);
        List<ObjectResult> seen = new ArrayList<>();
        List<ObjectResult> results = new ClusterApplier(client).apply(generated.objects(), true, seen::add);
        assertThat(seen).isEqualTo(results);
        assertThat(results).allSatisfy(r -> assertThat(r.outcome()).as(r.label() + " " + r.message())
                .isEqualTo(Outcome.CREATED));
        assertThat(results.get(0).label()).isEqualTo("Namespace " + NS);
        assertThat(results).extracting(ObjectResult::kind).contains("ClusterClass", "Cluster", "DevClusterTemplate");

        lab.clusters().awaitReady("first", NS, 2, Duration.ofMinutes(4));
    }

    @Test
    @Order(3)
    void applyingAgainChangesNothingAndTheClassIsNotBroughtTwice() {
        GeneratedCluster again = generate("first", 2);
        List<ObjectResult> results = new ClusterApplier(client).apply(again.objects(), false, r -> { });
        assertThat(results).allSatisfy(r -> assertThat(r.outcome().ok()).as(r.label() + " " + r.message()).isTrue());
        assertThat(results).filteredOn(r -> r.kind().equals("Cluster")).singleElement()
                .satisfies(r -> assertThat(r.outcome()).isEqualTo(Outcome.UNCHANGED));

        GeneratedCluster second = generate("second", 1);
        assertThat(second.addedClusterClasses()).as("the class is in the cluster now").isEmpty();
        assertThat(second.objects()).extracting(o -> o.get("kind")).containsExactly("Cluster");
    }

    @Test
    @Order(4)
    void aWebhookRejectionIsReportedForThatObjectOnly() {
        GeneratedCluster generated = generate("rejected", 1);
        Map<String, Object> cluster = generated.objects().get(0);
        @SuppressWarnings("unchecked")
        Map<String, Object> topology = (Map<String, Object>) ((Map<String, Object>) cluster.get("spec")).get("topology");
        topology.put("version", "one-point-thirty-three");
        List<ObjectResult> results = new ClusterApplier(client).apply(generated.objects(), false, r -> { });
        assertThat(results).singleElement().satisfies(r -> {
            assertThat(r.outcome()).isEqualTo(Outcome.FAILED);
            assertThat(r.message()).containsIgnoringCase("version");
        });
        assertThat(client.genericKubernetesResources("cluster.x-k8s.io/v1beta2", "Cluster").inNamespace(NS)
                .withName("rejected").get()).isNull();
    }

    @Test
    @Order(5)
    void theCliAppliesToo() {
        SideBySide cli = new SideBySide(data.resolve("cli-home"));
        Map<String, String> env = Map.of("KUBECONFIG", lab.kubeconfig().toString());
        SideBySide.Result refused = cli.console(env, "generate", "cluster", "cli-made", "-n", "cli-team",
                "--infrastructure", "docker", "--flavor", "in-memory", "--built-in", "--kubernetes-version",
                "v1.33.0", "--apply");
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).contains("namespace cli-team does not exist").contains("add --create-namespace");

        SideBySide.Result applied = cli.console(env, "generate", "cluster", "cli-made", "-n", "cli-team",
                "--infrastructure", "docker", "--flavor", "in-memory", "--built-in", "--kubernetes-version",
                "v1.33.0", "--apply", "--create-namespace");
        assertThat(applied.exitCode()).as(applied.err()).isZero();
        assertThat(applied.out()).contains("Namespace cli-team: created").contains("ClusterClass cli-team/in-memory: "
                + "created").contains("Cluster cli-team/cli-made: created");
        assertThat(client.genericKubernetesResources("cluster.x-k8s.io/v1beta2", "Cluster").inNamespace("cli-team")
                .withName("cli-made").get()).isNotNull();
    }

    @Test
    @Order(6)
    void aTemplateInAConfigMapGivesWhatClusterctlGives() throws Exception {
        String template = BuiltInTemplates.find("docker", "in-memory").orElseThrow().text();
        client.configMaps().inNamespace("cli-team").resource(new io.fabric8.kubernetes.api.model.ConfigMapBuilder()
                .withNewMetadata().withName("templates").endMetadata().addToData("template", template).build())
                .create();
        SideBySide peers = new SideBySide(data.resolve("cm-home"));
        Map<String, String> env = Map.of("KUBECONFIG", lab.kubeconfig().toString());
        String[] args = {"generate", "cluster", "cm-made", "-n", "cli-team", "--from-config-map", "templates",
            "--from-config-map-namespace", "cli-team", "--kubernetes-version", "v1.33.0",
            "--worker-machine-count", "2"};
        SideBySide.Result theirs = peers.clusterctl(env, args);
        SideBySide.Result ours = peers.console(env, args);
        assertThat(theirs.exitCode()).as(theirs.err()).isZero();
        assertThat(ours.exitCode()).as(ours.err()).isZero();
        assertThat(ours.out()).contains("kind: Cluster").isEqualTo(theirs.out());

        SideBySide.Result wrongKey = peers.console(env, "generate", "cluster", "cm-made", "-n", "cli-team",
                "--from-config-map", "templates", "--from-config-map-namespace", "cli-team", "--from-config-map-key",
                "nope", "--kubernetes-version", "v1.33.0");
        assertThat(wrongKey.exitCode()).isEqualTo(1);
        assertThat(wrongKey.err()).contains("has no key \"nope\"").contains("its keys: template");
        SideBySide.Result missing = peers.console(env, "generate", "cluster", "cm-made", "-n", "cli-team",
                "--from-config-map", "absent", "--kubernetes-version", "v1.33.0");
        assertThat(missing.err()).contains("there is no ConfigMap absent in namespace default");
    }
}
