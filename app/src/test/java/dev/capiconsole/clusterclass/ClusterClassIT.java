package dev.capiconsole.clusterclass;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capiconsole.cli.CliRunner;
import dev.capiconsole.lab.LabClusters;
import dev.capiconsole.lab.LabFixture;
import dev.capiconsole.templates.ClusterApplier;
import dev.capiconsole.templates.TemplateObjects;
import dev.capiconsole.testing.Await;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The test ClusterClass on the lab: listed by {@code get clusterclasses}; the console's verdict on generated
 * variable values (valid ones, and ones broken at one place) compared with the server's dry-run verdict; a Cluster
 * made with {@code generate cluster --class ... --apply} becomes Available with the patched values in its objects;
 * the built-in in-memory class (no variables) goes through the same path.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterClassIT {

    private static final String NS = "classes";
    private static final int CASES = 60;

    @TempDir
    static Path data;

    private static LabFixture lab;
    private static KubernetesClient client;

    @BeforeAll
    static void startLabAndInstallTheClass() throws IOException {
        lab = LabFixture.full(data);
        client = lab.client();
        client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(NS).endMetadata().build())
                .create();
        List<Map<String, Object>> objects = new ArrayList<>(TestClass.objects(NS));
        objects.addAll(builtInClass());
        List<ClusterApplier.ObjectResult> results = new ClusterApplier(client).apply(objects, false, r -> { });
        assertThat(results).allSatisfy(r -> assertThat(r.outcome().ok()).as(r.label() + " " + r.message()).isTrue());
        for (String name : List.of(TestClass.NAME, "in-memory")) {
            Await.until(Duration.ofMinutes(1), "ClusterClass " + name + " VariablesReady", () ->
                    LabClusters.conditionTrue(client.genericKubernetesResources("cluster.x-k8s.io/v1beta2",
                            "ClusterClass").inNamespace(NS).withName(name).get(), "VariablesReady"));
        }
    }

    @AfterAll
    static void stopLab() {
        if (lab != null) {
            lab.close();
        }
    }

    @Test
    @Order(1)
    void getClusterClassesListsTheClassAndItsVariables() {
        CliRunner.Result table = lab.cli("get", "clusterclasses", "-n", NS);
        CliRunner.Result details = lab.cli("get", "clusterclasses", TestClass.NAME, "-n", NS);

        assertThat(table.exitCode()).as(table.err()).isZero();
        assertThat(table.out()).startsWith("NAME ").contains("VARIABLES", "CONTROL PLANE", "WORKER CLASSES",
                "VERSIONS", "CLUSTERS");
        assertThat(table.out().lines().filter(l -> l.startsWith(TestClass.NAME + " ")).findFirst().orElseThrow())
                .contains(NS, "10 (1 required)", "KubeadmControlPlaneTemplate + DevMachineTemplate",
                        "default-worker,large-worker", "v1.34.0,v1.35.0,v1.36.0", "<none>");
        assertThat(table.out()).contains("in-memory ");
        assertThat(details.exitCode()).as(details.err()).isZero();
        assertThat(details.out()).contains("Versions:       v1.34.0, v1.35.0, v1.36.0")
                .containsPattern("environment +string enum\\(dev\\|staging\\|prod\\) +yes")
                .containsPattern("  audit\\.enabled +boolean +yes")
                .contains("worker-node-pool: KubeadmConfigTemplate /spec/template/spec/preKubeadmCommands (template)");
        System.out.println(details.out());
    }

    @Test
    @Order(2)
    void theConsoleAndTheServerAgreeOnGeneratedValues() {
        ClusterClassModel model = new ClusterClasses(client).get(NS, TestClass.NAME).orElseThrow();
        TopologyClusterBuilder builder = new TopologyClusterBuilder(model);
        List<TopologyRequest> cases = new ArrayList<>(trickyCases());
        Random random = new Random(19);
        for (int i = 0; i < CASES; i++) {
            cases.add(generated(model, random, "gen-" + i, i % 3 != 0));
        }
        int agreed = 0;
        int invalidCases = 0;
        int sameVariables = 0;
        List<String> disagreements = new ArrayList<>();
        for (TopologyRequest request : cases) {
            List<SchemaError> local = builder.check(request);
            List<SchemaError> server = new ServerDryRun(client).create(builder.unchecked(request));
            boolean verdictAgrees = local.isEmpty() == server.isEmpty();
            if (verdictAgrees) {
                agreed++;
            } else {
                disagreements.add(request.name() + " " + request.variables() + " " + workersOf(request)
                        + "\n    console: " + local + "\n    server:  " + server);
            }
            if (!local.isEmpty() && !server.isEmpty()) {
                if (invalidCases < 3) {
                    System.out.println(request.name() + "\n    console: " + local + "\n    server:  " + server);
                }
                invalidCases++;
                if (variables(local).equals(variables(server))) {
                    sameVariables++;
                } else {
                    disagreements.add(request.name() + ": other variables named\n    console: " + local
                            + "\n    server:  " + server);
                }
            }
        }
        System.out.printf("console vs server dry-run: %d of %d verdicts agree (%d invalid for both; the same "
                + "variables named in %d of them)%n", agreed, cases.size(), invalidCases, sameVariables);
        disagreements.forEach(System.out::println);
        assertThat(cases.size()).isGreaterThanOrEqualTo(30);
        assertThat(invalidCases).isGreaterThanOrEqualTo(15);
        assertThat(disagreements).isEmpty();
    }

    @Test
    @Order(3)
    void localProblemsStopTheCommandAndTheServerDryRunAcceptsAGoodCluster() {
        CliRunner.Result refused = lab.cli("generate", "cluster", "bad", "--class", TestClass.NAME, "-n", NS,
                "--set", "environment=qa", "--set", "maxPods=5", "--kubernetes-version", "v1.33.0", "--apply");
        CliRunner.Result dryRun = lab.cli("generate", "cluster", "good", "--class", TestClass.NAME, "-n", NS,
                "--set", "environment=dev", "--dry-run-server");
        CliRunner.Result plainTemplate = lab.cli("generate", "cluster", "x", "--set", "a=b", "-n", NS);

        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).contains("3 problems", "spec.topology.version:",
                "spec.topology.variables[environment].value: unsupported value \"qa\"",
                "spec.topology.variables[maxPods].value: should be greater than or equal to 10");
        assertThat(client.genericKubernetesResources("cluster.x-k8s.io/v1beta2", "Cluster").inNamespace(NS)
                .withName("bad").get()).isNull();
        assertThat(dryRun.exitCode()).as(dryRun.err()).isZero();
        assertThat(dryRun.out()).contains("The server accepts Cluster " + NS + "/good");
        assertThat(client.genericKubernetesResources("cluster.x-k8s.io/v1beta2", "Cluster").inNamespace(NS)
                .withName("good").get()).isNull();
        assertThat(plainTemplate.exitCode()).isEqualTo(1);
        assertThat(plainTemplate.err()).contains("go with --class");
    }

    @Test
    @Order(4)
    void theBuiltInInMemoryClassWithoutVariablesGoesThroughTheSamePath() {
        CliRunner.Result dryRun = lab.cli("generate", "cluster", "plain", "--class", "in-memory", "-n", NS,
                "--kubernetes-version", "v1.36.0", "--worker", "default-worker:md-0:1", "--dry-run-server");
        CliRunner.Result variables = lab.cli("generate", "cluster", "plain", "--class", "in-memory", "-n", NS,
                "--list-variables");

        assertThat(dryRun.exitCode()).as(dryRun.err()).isZero();
        assertThat(variables.out()).contains("Variables: none");
    }

    @Test
    @Order(5)
    @SuppressWarnings("unchecked")
    void aClusterFromTheClassBecomesAvailableWithThePatchedValues() {
        CliRunner.Result applied = lab.cli("generate", "cluster", "demo", "--class", TestClass.NAME, "-n", NS,
                "--kubernetes-version", "v1.35.0", "--control-plane-machine-count", "1",
                "--set", "environment=staging", "--set", "maxPods=120", "--set", "audit.enabled=true",
                "--set-json", "extraLabels={\"team\":\"blue\"}", "--set", "ntpServers=[time.example.org]",
                "--worker", "default-worker:md-0:1", "--worker-set", "md-0:nodePool=gpu", "--apply");
        assertThat(applied.exitCode()).as(applied.out() + applied.err()).isZero();
        assertThat(applied.out()).contains("Cluster " + NS + "/demo: created");

        Await.until(Duration.ofMinutes(5), "Cluster demo Available", () ->
                LabClusters.conditionTrue(lab.clusters().cluster("demo", NS), "Available"));

        GenericKubernetesResource controlPlane = one("controlplane.cluster.x-k8s.io/v1beta2", "KubeadmControlPlane");
        Map<String, Object> kubeadm = (Map<String, Object>) ((Map<String, Object>) controlPlane
                .getAdditionalProperties().get("spec")).get("kubeadmConfigSpec");
        assertPatched(kubeadm);
        GenericKubernetesResource machineBootstrap = client.genericKubernetesResources(
                "bootstrap.cluster.x-k8s.io/v1beta2", "KubeadmConfig").inNamespace(NS)
                .withLabel("cluster.x-k8s.io/control-plane").list().getItems().get(0);
        assertPatched((Map<String, Object>) machineBootstrap.getAdditionalProperties().get("spec"));
        GenericKubernetesResource workerBootstrap = one("bootstrap.cluster.x-k8s.io/v1beta2", "KubeadmConfigTemplate",
                "topology.cluster.x-k8s.io/deployment-name", "md-0");
        Map<String, Object> workerSpec = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>)
                workerBootstrap.getAdditionalProperties().get("spec")).get("template")).get("spec");
        assertThat((List<Object>) workerSpec.get("preKubeadmCommands")).containsExactly("echo node-pool=gpu");

        CliRunner.Result listed = lab.cli("get", "clusterclasses", "-n", NS);
        assertThat(listed.out().lines().filter(l -> l.startsWith(TestClass.NAME + " ")).findFirst().orElseThrow())
                .endsWith("demo");
    }

    /** The values set on the command line, in a control plane's kubeadm configuration. */
    @SuppressWarnings("unchecked")
    private static void assertPatched(Map<String, Object> kubeadm) {
        Map<String, Object> init = (Map<String, Object>) kubeadm.get("initConfiguration");
        Map<String, Object> registration = (Map<String, Object>) init.get("nodeRegistration");
        assertThat((List<Object>) registration.get("kubeletExtraArgs")).containsExactly(Map.of("name", "node-labels",
                "value", "capi-console.dev/environment=staging,capi-console.dev/cluster=demo,team=blue"));
        Map<String, Object> clusterConfiguration = (Map<String, Object>) kubeadm.get("clusterConfiguration");
        assertThat(clusterConfiguration.get("imageRepository")).isEqualTo("registry.k8s.io");
        assertThat((List<Object>) ((Map<String, Object>) clusterConfiguration.get("apiServer")).get("extraArgs"))
                .containsExactly(Map.of("name", "audit-log-maxage", "value", "30"));
        assertThat((List<Object>) kubeadm.get("preKubeadmCommands")).containsExactly("echo max-pods=120",
                "echo ntp=time.example.org");
        assertThat((List<Map<String, Object>>) kubeadm.get("files")).extracting(f -> f.get("path") + "=" + f.get(
                "content")).containsExactly("/etc/capi-console/environment=staging", "/etc/capi-console/audit-mode=log");
    }

    private static GenericKubernetesResource one(String apiVersion, String kind, String... label) {
        var objects = client.genericKubernetesResources(apiVersion, kind).inNamespace(NS)
                .withLabel("cluster.x-k8s.io/cluster-name", "demo");
        if (label.length == 2) {
            objects = client.genericKubernetesResources(apiVersion, kind).inNamespace(NS)
                    .withLabel("cluster.x-k8s.io/cluster-name", "demo").withLabel(label[0], label[1]);
        }
        List<GenericKubernetesResource> items = objects.list().getItems();
        assertThat(items).as(kind + " of demo").hasSize(1);
        return items.get(0);
    }

    /** Values where a form typically goes wrong, each with the verdict the server must agree with. */
    private static List<TopologyRequest> trickyCases() {
        List<TopologyRequest> cases = new ArrayList<>();
        cases.add(request("t-int-as-float", Map.of("environment", "dev", "maxPods", 120.0d)));
        cases.add(request("t-int-fraction", Map.of("environment", "dev", "maxPods", 120.5d)));
        cases.add(request("t-int-as-text", Map.of("environment", "dev", "maxPods", "120")));
        cases.add(request("t-bool-as-text", Map.of("environment", "dev", "audit", Map.of("enabled", "true"))));
        cases.add(request("t-bool-missing", Map.of("environment", "dev", "audit", Map.of("mode", "log"))));
        cases.add(request("t-nested-default", Map.of("environment", "dev", "audit", Map.of("enabled", false))));
        Map<String, Object> nullDefault = new LinkedHashMap<>();
        nullDefault.put("environment", "dev");
        nullDefault.put("imageRepository", null);
        cases.add(request("t-null-defaulted", nullDefault));
        Map<String, Object> nullRequired = new LinkedHashMap<>();
        nullRequired.put("environment", null);
        cases.add(request("t-null-required", nullRequired));
        cases.add(request("t-pattern-newline", Map.of("environment", "dev", "imageRepository", "registry.k8s.io\n")));
        cases.add(request("t-pattern-unanchored", Map.of("environment", "dev", "extraFiles",
                List.of(Map.of("path", "/ok", "content", "x", "permissions", "0644")))));
        cases.add(request("t-exclusive-min", Map.of("environment", "dev", "cpuRatio", 0L)));
        cases.add(request("t-number-int", Map.of("environment", "dev", "cpuRatio", 4L)));
        cases.add(request("t-unique", Map.of("environment", "dev", "ntpServers", List.of("a.example", "a.example"))));
        cases.add(request("t-hostname", Map.of("environment", "dev", "ntpServers", List.of("not a host"))));
        cases.add(request("t-uri-relative", Map.of("environment", "dev", "proxyUrl", "proxy:3128")));
        cases.add(request("t-uri", Map.of("environment", "dev", "proxyUrl", "http://proxy:3128")));
        cases.add(request("t-unknown-field", Map.of("environment", "dev", "audit", Map.of("enabled", true,
                "level", "all"))));
        cases.add(request("t-map-value-type", Map.of("environment", "dev", "extraLabels", Map.of("a", 1L))));
        cases.add(request("t-missing-required", Map.of("maxPods", 100L)));
        cases.add(request("t-undefined-variable", Map.of("environment", "dev", "nosuch", 1L)));
        cases.add(request("t-length-chars", Map.of("environment", "dev", "extraLabels",
                Map.of("x", "a".repeat(63)))));
        return cases;
    }

    private static TopologyRequest request(String name, Map<String, Object> variables) {
        return new TopologyRequest(name, NS, TestClass.NAME, "", "v1.36.0", 1, List.of(), variables);
    }

    /** Valid values for the required variables and a random few others; broken at one place when asked. */
    private static TopologyRequest generated(ClusterClassModel model, Random random, String name, boolean broken) {
        SchemaValues values = new SchemaValues(random);
        Map<String, Object> variables = new LinkedHashMap<>();
        for (ClassVariable variable : model.variables()) {
            if (variable.required() || random.nextInt(3) == 0) {
                variables.put(variable.name(), values.valid(variable.schema()));
            }
        }
        Map<String, Object> overrides = new LinkedHashMap<>();
        ClassVariable nodePool = model.variable("nodePool").orElseThrow();
        if (random.nextBoolean()) {
            overrides.put("nodePool", values.valid(nodePool.schema()));
        }
        if (broken) {
            List<String> names = new ArrayList<>(variables.keySet());
            names.add("nodePool (override)");
            String target = names.get(random.nextInt(names.size()));
            if (target.startsWith("nodePool (")) {
                Object valid = values.valid(nodePool.schema());
                values.broken(nodePool.schema(), valid).ifPresent(b -> overrides.put("nodePool", b.value()));
            } else {
                VariableSchema schema = model.variable(target).orElseThrow().schema();
                Optional<SchemaValues.Broken> change = values.broken(schema, variables.get(target));
                change.ifPresent(b -> variables.put(target, b.value()));
            }
        }
        return new TopologyRequest(name, NS, TestClass.NAME, "", "v1.36.0", 1,
                List.of(new WorkerTopology("default-worker", "md-0", 1, null, overrides)), variables);
    }

    private static Set<String> variables(List<SchemaError> errors) {
        Set<String> names = new TreeSet<>();
        errors.forEach(e -> names.add(ServerDryRun.variableOf(e).orElse(e.path())));
        return names;
    }

    private static String workersOf(TopologyRequest request) {
        return request.workers().isEmpty() ? "" : "overrides " + request.workers().get(0).overrides();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> builtInClass() throws IOException {
        try (InputStream in = ClusterClassIT.class.getResourceAsStream("/templates/docker/clusterclass-in-memory.yaml")) {
            List<Map<String, Object>> objects = TemplateObjects.parse(new String(in.readAllBytes(),
                    StandardCharsets.UTF_8), "clusterclass-in-memory.yaml");
            objects.forEach(o -> ((Map<String, Object>) o.get("metadata")).put("namespace", NS));
            return objects;
        }
    }
}
