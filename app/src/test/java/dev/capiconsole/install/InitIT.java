package dev.capiconsole.install;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.capiconsole.clusterctl.ClusterctlEnvironment;
import dev.capiconsole.lab.Lab;
import dev.capiconsole.lab.LabFixture;
import dev.capiconsole.lab.LabOptions;
import dev.capiconsole.lab.LabProgress;
import dev.capiconsole.testing.Await;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.apps.DeploymentConditionBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * {@code init} against two fresh API servers of the lab (apiserver-only: no kubelets, no controllers): clusterctl
 * v1.14 installs into one from a local repository, this console into the other from a loopback HTTP server laid
 * out as GitHub releases. Both read the component files the lab build makes from the pinned Cluster API sources,
 * and a cert-manager stand-in that has only its API (nothing can run cert-manager's pods here). Deployments never
 * become available without kubelets, so waiting is tested by writing their status.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
public class InitIT {

    private static final String VERSION = ClusterctlPeer.VERSION;
    private static final String CERT_MANAGER = ClusterctlPeer.CERT_MANAGER;
    private static final List<String[]> KINDS = List.of(
            new String[] {"v1", "Namespace"}, new String[] {"v1", "ServiceAccount"}, new String[] {"v1", "Service"},
            new String[] {"v1", "ConfigMap"}, new String[] {"v1", "Secret"}, new String[] {"apps/v1", "Deployment"},
            new String[] {"rbac.authorization.k8s.io/v1", "Role"},
            new String[] {"rbac.authorization.k8s.io/v1", "RoleBinding"},
            new String[] {"rbac.authorization.k8s.io/v1", "ClusterRole"},
            new String[] {"rbac.authorization.k8s.io/v1", "ClusterRoleBinding"},
            new String[] {"apiextensions.k8s.io/v1", "CustomResourceDefinition"},
            new String[] {"admissionregistration.k8s.io/v1", "MutatingWebhookConfiguration"},
            new String[] {"admissionregistration.k8s.io/v1", "ValidatingWebhookConfiguration"},
            new String[] {"cert-manager.io/v1", "Issuer"}, new String[] {"cert-manager.io/v1", "Certificate"},
            new String[] {Inventory.API_VERSION, "Provider"});

    private static Path work;
    private static ClusterctlPeer peer;
    private static Path components;
    private static LabFixture byClusterctl;
    private static LabFixture byConsole;
    private static HttpServer releases;
    private static String releasesUrl;

    @BeforeAll
    static void setUp() throws Exception {
        work = Files.createTempDirectory("capi-console-init-it");
        peer = ClusterctlPeer.prepare(work);
        components = peer.components();
        byClusterctl = LabFixture.apiServerOnly(work.resolve("clusterctl"));
        byConsole = LabFixture.apiServerOnly(work.resolve("console"));
        releases = releaseServer();
        releasesUrl = "http://127.0.0.1:" + releases.getAddress().getPort();
    }

    @AfterAll
    static void tearDown() {
        if (releases != null) {
            releases.stop(0);
        }
        if (byClusterctl != null) {
            byClusterctl.close();
        }
        if (byConsole != null) {
            byConsole.close();
        }
    }

    /** GitHub's layout: /releases/latest redirects to the tag; files under /releases/download/<tag>/. */
    private static HttpServer releaseServer() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            byte[] body = null;
            int status = 404;
            if (path.equals("/kubernetes-sigs/cluster-api/releases/latest")) {
                exchange.getResponseHeaders().add("Location",
                        "/kubernetes-sigs/cluster-api/releases/tag/" + VERSION);
                status = 302;
            } else if (path.startsWith("/kubernetes-sigs/cluster-api/releases/download/" + VERSION + "/")) {
                String file = path.substring(path.lastIndexOf('/') + 1);
                try (Stream<Path> found = Files.walk(components)) {
                    Path match = found.filter(p -> p.getFileName().toString().equals(file)).findFirst().orElse(null);
                    if (match != null) {
                        body = Files.readAllBytes(match);
                        status = 200;
                    }
                }
            } else if (path.equals("/cert-manager/cert-manager/releases/download/" + CERT_MANAGER
                    + "/cert-manager.yaml")) {
                body = Files.readAllBytes(peer.certManagerFile());
                status = 200;
            }
            exchange.sendResponseHeaders(status, body == null ? -1 : body.length);
            if (body != null) {
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        });
        server.start();
        return server;
    }

    /** An infrastructure provider with a short cert-manager timeout: a broken probe fails fast here. */
    private static InitRequest infra(String provider) {
        return new InitRequest(null, List.of(), List.of(), List.of(provider), List.of(), null, Map.of(), false,
                Duration.ofMinutes(1), Duration.ofSeconds(30), null);
    }

    private static InitSetup setup(String githubUrl, Path offline, Path... extraOverrides) throws IOException {
        Path home = work.resolve("home");
        Files.createDirectories(home);
        ClusterctlEnvironment environment = ClusterctlEnvironment.load(Map.of(
                ClusterctlEnvironment.GITHUB_URL_VARIABLE, githubUrl, "XDG_CONFIG_HOME", home.resolve(".config")
                        .toString(), "CLUSTER_TOPOLOGY", "true"), home, null);
        return new InitSetup(environment, List.of(extraOverrides), offline);
    }

    private static List<String> runClusterctl(LabFixture fixture, String... args) throws Exception {
        ClusterctlPeer.Run run = peer.init(fixture, args);
        assertThat(run.exit()).as("clusterctl init output:\n" + run.output()).isZero();
        peer.finalizeProbeNamespace(fixture);
        return run.output().lines().toList();
    }

    /** Every object carrying clusterctl's label, without what the server alone decides. */
    public static Map<String, Map<String, Object>> snapshot(KubernetesClient client) {
        Map<String, Map<String, Object>> objects = new TreeMap<>();
        KubernetesSerialization serialization = new KubernetesSerialization();
        for (String[] kind : KINDS) {
            for (GenericKubernetesResource item : client.genericKubernetesResources(kind[0], kind[1]).inAnyNamespace()
                    .withLabel(ProviderComponents.CLUSTERCTL_LABEL).list().getItems()) {
                @SuppressWarnings("unchecked")
                Map<String, Object> object = serialization.convertValue(item, Map.class);
                object.remove("status");
                @SuppressWarnings("unchecked")
                Map<String, Object> metadata = (Map<String, Object>) object.get("metadata");
                for (String key : List.of("uid", "resourceVersion", "creationTimestamp", "managedFields",
                        "generation")) {
                    metadata.remove(key);
                }
                if (metadata.get("annotations") instanceof Map<?, ?> annotations) {
                    annotations.remove("deployment.kubernetes.io/revision");
                    if (annotations.isEmpty()) {
                        metadata.remove("annotations");
                    }
                }
                if ("Service".equals(kind[1]) && object.get("spec") instanceof Map<?, ?> spec) {
                    spec.remove("clusterIP");
                    spec.remove("clusterIPs");
                }
                objects.put(kind[1] + " " + (item.getMetadata().getNamespace() == null ? ""
                        : item.getMetadata().getNamespace() + "/") + item.getMetadata().getName(), object);
            }
        }
        return objects;
    }

    @Test
    @Order(1)
    void writesTheSameObjectsAndInventoryAsClusterctlInit() throws Exception {
        List<String> clusterctlOutput = runClusterctl(byClusterctl, "--infrastructure", "docker");
        assertThat(clusterctlOutput).anyMatch(l -> l.contains("Installing cert-manager"));

        List<String> lines = new ArrayList<>();
        Init.Result result = setup(releasesUrl, null).init(byConsole.client())
                .run(infra("docker"), recorder(lines));

        assertThat(result.firstRun()).isTrue();
        assertThat(result.certManager()).isEqualTo(CertManager.Outcome.INSTALLED);
        assertThat(result.providers()).extracting(o -> o.provider().toString()).containsExactly(
                "cluster-api:" + VERSION, "bootstrap-kubeadm:" + VERSION, "control-plane-kubeadm:" + VERSION,
                "infrastructure-docker:" + VERSION);
        assertThat(lines).anyMatch(l -> l.contains("GitHub release kubernetes-sigs/cluster-api " + VERSION));

        Map<String, Map<String, Object>> expected = snapshot(byClusterctl.client());
        Map<String, Map<String, Object>> actual = snapshot(byConsole.client());
        assertThat(expected).hasSizeGreaterThan(60);
        assertThat(actual.keySet()).containsExactlyElementsOf(expected.keySet());
        List<String> differing = new ArrayList<>();
        expected.forEach((key, object) -> {
            if (!object.equals(actual.get(key))) {
                differing.add(key);
            }
        });
        assertThat(differing).as("objects that differ from clusterctl's").isEmpty();
        assertThat(expected).containsKeys("Provider capd-system/infrastructure-docker",
                "Provider capi-system/cluster-api", "Namespace cert-manager",
                "CustomResourceDefinition clusters.cluster.x-k8s.io");
    }

    @Test
    @Order(2)
    void eachRecognisesWhatTheOtherInstalledAndRunningAgainChangesNothing() throws Exception {
        // The console on clusterctl's install, offline (no repository reachable): everything is already there.
        Map<String, String> before = resourceVersions(byClusterctl.client());
        Init.Result result = setup("http://127.0.0.1:9", components).init(byClusterctl.client())
                .run(infra("docker"), InitProgress.NONE);
        assertThat(result.firstRun()).isFalse();
        assertThat(result.certManager()).isEqualTo(CertManager.Outcome.ALREADY_INSTALLED);
        assertThat(result.providers()).extracting(Init.ProviderOutcome::kind)
                .containsOnly(Init.ProviderOutcome.Kind.ALREADY_INSTALLED).hasSize(1);
        assertThat(resourceVersions(byClusterctl.client())).isEqualTo(before);

        // clusterctl on the console's install: it skips what is installed.
        Map<String, String> ours = resourceVersions(byConsole.client());
        List<String> output = runClusterctl(byConsole, "--infrastructure", "docker");
        assertThat(output).anyMatch(l -> l.contains("Skipping installing cert-manager as it is already installed"));
        assertThat(output).noneMatch(l -> l.contains("Installing provider") || l.contains("\"Installing\""));
        assertThat(resourceVersions(byConsole.client())).isEqualTo(ours);
    }

    @Test
    @Order(3)
    void aHalfFinishedInstallIsCompletedAndNothingElseIsRemoved() throws Exception {
        KubernetesClient client = byConsole.client();
        client.configMaps().inNamespace("capd-system").resource(new ConfigMapBuilder().withNewMetadata()
                .withName("operator-notes").endMetadata().addToData("note", "keep me").build()).create();
        client.apps().deployments().inNamespace("capd-system").withName("capd-controller-manager").delete();
        client.rbac().clusterRoles().withName("capd-manager-role").delete();
        Await.until(Duration.ofSeconds(30), "Deployment capd-system/capd-controller-manager deleted",
                () -> client.apps().deployments().inNamespace("capd-system").withName("capd-controller-manager")
                        .get() == null);

        List<String> lines = new ArrayList<>();
        Init.Result result = setup(releasesUrl, null).init(client).run(infra("docker"),
                recorder(lines));

        assertThat(result.providers()).hasSize(1);
        assertThat(result.providers().get(0).kind()).isEqualTo(Init.ProviderOutcome.Kind.COMPLETED);
        assertThat(result.providers().get(0).detail()).contains("2 missing object(s) created");
        assertThat(lines).anyMatch(l -> l.contains("created missing Deployment capd-system/capd-controller-manager"));
        assertThat(client.apps().deployments().inNamespace("capd-system").withName("capd-controller-manager").get())
                .isNotNull();
        assertThat(client.rbac().clusterRoles().withName("capd-manager-role").get()).isNotNull();
        assertThat(client.configMaps().inNamespace("capd-system").withName("operator-notes").get().getData())
                .containsEntry("note", "keep me");
    }

    @Test
    @Order(4)
    void refusesAnotherVersionAnotherNamespaceAndAnUnreachableRepository() throws Exception {
        KubernetesClient client = byConsole.client();
        Map<String, String> before = resourceVersions(client);
        InitSetup setup = setup(releasesUrl, components);
        assertThatThrownBy(() -> setup.init(client).run(infra("docker:v1.14.1"),
                InitProgress.NONE)).isInstanceOf(InstallException.class);
        // The offline files hold only v1.14.2, so ask for what is there but pretend the cluster has another.
        client.genericKubernetesResources(Inventory.API_VERSION, "Provider").inNamespace("capd-system")
                .withName("infrastructure-docker").edit(p -> {
                    p.setAdditionalProperty("version", "v1.14.1");
                    return p;
                });
        assertThatThrownBy(() -> setup.init(client).run(infra("docker:" + VERSION),
                InitProgress.NONE)).isInstanceOf(InstallException.class)
                .hasMessageContaining("infrastructure-docker is already installed at v1.14.1 in namespace capd-system")
                .hasMessageContaining("init does not upgrade providers");
        client.genericKubernetesResources(Inventory.API_VERSION, "Provider").inNamespace("capd-system")
                .withName("infrastructure-docker").edit(p -> {
                    p.setAdditionalProperty("version", VERSION);
                    return p;
                });

        InitRequest elsewhere = new InitRequest(null, List.of(), List.of(), List.of("docker"), List.of(), "capd-two",
                Map.of(), false, Duration.ofMinutes(1), Duration.ofSeconds(30), null);
        assertThatThrownBy(() -> setup.init(client).run(elsewhere, InitProgress.NONE))
                .hasMessageContaining("there is already an instance of the \"infrastructure-docker\" provider "
                        + "installed in the \"capd-system\" namespace");

        InitSetup unreachable = setup("http://127.0.0.1:9", null);
        List<String> lines = new ArrayList<>();
        assertThatThrownBy(() -> unreachable.init(client).run(infra("aws"), recorder(lines)))
                .hasMessageContaining("cannot reach 127.0.0.1")
                .hasMessageContaining("--offline")
                .hasMessageContaining("infrastructure-aws/<version>/infrastructure-components.yaml");
        assertThat(lines).contains("✗ Fetch components");
        assertThat(client.namespaces().withName("capd-two").get()).isNull();
        Map<String, String> after = resourceVersions(client);
        after.keySet().removeIf(k -> k.contains("Provider capd-system/infrastructure-docker"));
        before.keySet().removeIf(k -> k.contains("Provider capd-system/infrastructure-docker"));
        assertThat(after).isEqualTo(before);
    }

    @Test
    @Order(4)
    void refusesATerminatingNamespaceAndAProviderOfAnotherContract() throws Exception {
        KubernetesClient client = byConsole.client();
        Path overrides = work.resolve("aws-overrides");
        Path release = overrides.resolve("infrastructure-aws/v9.9.9");
        Files.createDirectories(release);
        Files.writeString(release.resolve("infrastructure-components.yaml"), """
                apiVersion: v1
                kind: Namespace
                metadata:
                  name: capa-system
                ---
                apiVersion: v1
                kind: ServiceAccount
                metadata:
                  name: capa-controller-manager
                  namespace: capa-system
                """);
        Files.writeString(release.resolve("metadata.yaml"), "releaseSeries:\n- major: 9\n  minor: 9\n"
                + "  contract: v1alpha4\n");
        InitSetup setup = setup("http://127.0.0.1:9", null, overrides);
        assertThatThrownBy(() -> setup.init(client).run(infra("aws:v9.9.9"), InitProgress.NONE))
                .hasMessageContaining("detected contract version v1alpha4 for provider infrastructure-aws");

        Files.writeString(release.resolve("metadata.yaml"), "releaseSeries:\n- major: 9\n  minor: 9\n"
                + "  contract: v1beta2\n");
        // Without a namespace controller (no kube-controller-manager in the lab) a deleted namespace stays
        // Terminating: what a namespace being deleted looks like on a real cluster for a while.
        client.namespaces().resource(new io.fabric8.kubernetes.api.model.NamespaceBuilder().withNewMetadata()
                .withName("doomed").endMetadata().build()).create();
        client.namespaces().withName("doomed").delete();
        InitRequest intoDoomed = new InitRequest(null, List.of(), List.of(), List.of("aws:v9.9.9"), List.of(), "doomed",
                Map.of(), false, Duration.ofMinutes(1), Duration.ofSeconds(30), null);
        assertThatThrownBy(() -> setup.init(client).run(intoDoomed, InitProgress.NONE))
                .hasMessageContaining("the namespace doomed is being deleted");
        assertThat(client.serviceAccounts().inNamespace("doomed").withName("capa-controller-manager").get()).isNull();
        assertThat(client.namespaces().withName("capa-system").get()).isNull();
    }

    @Test
    @Order(5)
    void waitsForManagersAndSaysWhichAreNotAvailable() throws Exception {
        KubernetesClient client = byConsole.client();
        InitSetup setup = setup(releasesUrl, null);
        InitRequest waiting = new InitRequest(null, List.of(), List.of(), List.of("docker"), List.of(), null,
                Map.of(), true, Duration.ofSeconds(3), Duration.ofSeconds(30), null);
        assertThatThrownBy(() -> setup.init(client).run(waiting, InitProgress.NONE))
                .hasMessageContaining("providers not available after 3s")
                .hasMessageContaining("capd-system/capd-controller-manager 0/1 available (no conditions yet")
                .hasMessageNotContaining("capi-system");

        Thread writer = new Thread(() -> {
            // As clusterctl does, init waits only for the providers it was asked to install.
            for (String[] deployment : List.<String[]>of(new String[] {"capd-system", "capd-controller-manager"})) {
                Inventory.sleep(Duration.ofMillis(700));
                client.apps().deployments().inNamespace(deployment[0]).withName(deployment[1]).editStatus(d -> {
                    d.setStatus(new DeploymentStatusBuilder().withReplicas(1).withAvailableReplicas(1)
                            .withReadyReplicas(1).withConditions(new DeploymentConditionBuilder().withType("Available")
                                    .withStatus("True").withReason("MinimumReplicasAvailable").build()).build());
                    return d;
                });
            }
        });
        writer.start();
        List<String> lines = new ArrayList<>();
        InitRequest patient = new InitRequest(null, List.of(), List.of(), List.of("docker"), List.of(), null,
                Map.of(), true, Duration.ofSeconds(60), Duration.ofSeconds(30), null);
        new Init(client, setup.repository(), name -> null, setup.certManager(), Duration.ofMillis(200))
                .run(patient, recorder(lines));
        writer.join();
        assertThat(lines).contains("Deployment capd-system/capd-controller-manager is available",
                "✓ Wait for providers: 1 manager Deployment(s) available");
    }

    @Test
    @Order(6)
    void aCertManagerWhoseApiNeverWorksTimesOutNamingWhatIsMissing() throws Exception {
        KubernetesClient client = byConsole.client();
        String yaml;
        try (InputStream in = InitIT.class.getResourceAsStream("/install/cert-manager-webhook-unreachable.yaml")) {
            yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<Map<String, Object>> broken = dev.capiconsole.templates.TemplateObjects.parse(yaml, "fixture");
        ObjectWriter writer = new ObjectWriter(client);
        broken.forEach(writer::write);
        try {
            long start = System.nanoTime();
            assertThatThrownBy(() -> new CertManager(client, Duration.ofMillis(500))
                    .awaitReady(Duration.ofSeconds(4), line -> { }))
                    .hasMessageContaining("cert-manager did not become ready within 4s")
                    .hasMessageContaining("webhook.cert-manager.io")
                    .hasMessageContaining("cert-manager/cert-manager-webhook 0/1 available");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(30));
        } finally {
            client.admissionRegistration().v1().validatingWebhookConfigurations().withName("cert-manager-webhook")
                    .delete();
        }
    }

    @Test
    @Order(7)
    void theCliInstallsOfflineThenFindsEverythingInstalledAndExplainsBadInput() throws Exception {
        try (LabFixture fresh = LabFixture.apiServerOnly(work.resolve("cli"))) {
            String kubeconfig = fresh.kubeconfig().toString();
            String certManagerOverrides = peer.certManagerOverrides().toString();
            String[] common = {"init", "--kubeconfig", kubeconfig, "--offline", "--overrides", certManagerOverrides,
                "--config", work.resolve("empty-clusterctl.yaml").toString(), "--cert-manager-timeout", "30s"};
            Files.writeString(work.resolve("empty-clusterctl.yaml"), "{}\n");

            Cli first = cli(common, "-i", "docker", "--set", "CLUSTER_TOPOLOGY=true");
            assertThat(first.exit()).as(first.err()).isZero();
            assertThat(first.out()).contains("✓ Inventory CRD: installed; 0 provider(s) installed")
                    .contains("cert-manager is not working yet: the API server does not serve cert-manager.io/v1 "
                            + "Issuer and Certificate (cert-manager is not installed)")
                    .contains("✓ cert-manager: installed " + CERT_MANAGER)
                    .contains("infrastructure-docker (capd-system): installed " + VERSION)
                    .contains("✓ Apply components and inventory: 4 installed")
                    .contains("- Wait for providers: not asked to wait")
                    .contains("Your management cluster has been initialized successfully!");
            assertThat(first.out()).contains("Fetched cluster-api:" + VERSION + " from overrides folder "
                    + components.resolve("cluster-api").resolve(VERSION));
            assertThat(fresh.client().apps().deployments().inNamespace("capd-system")
                    .withName("capd-controller-manager").get().getSpec().getTemplate().getSpec().getContainers()
                    .get(0).getArgs()).anyMatch(a -> a.contains("ClusterTopology=true"));

            Cli again = cli(common, "-i", "docker");
            assertThat(again.exit()).as(again.err()).isZero();
            assertThat(again.out()).contains("cert-manager: already installed")
                    .contains("infrastructure-docker (capd-system): already installed")
                    .doesNotContain("initialized successfully");

            Cli listed = cli(new String[] {"get", "providers", "--kubeconfig", kubeconfig, "--available", "--offline"});
            assertThat(listed.exit()).as(listed.err()).isZero();
            assertThat(listed.out().lines().toList()).hasSize(5);
            assertThat(listed.out()).containsPattern("NAMESPACE +NAME +TYPE +PROVIDER +VERSION +AVAILABLE")
                    .containsPattern("capd-system +infrastructure-docker +InfrastructureProvider +docker +"
                            + VERSION.replace(".", "\\.") + " +" + VERSION.replace(".", "\\."));

            Cli badTimeout = cli(new String[] {"init", "--kubeconfig", kubeconfig, "--wait-provider-timeout",
                "soon"});
            assertThat(badTimeout.exit()).isEqualTo(1);
            assertThat(badTimeout.err()).contains("--wait-provider-timeout \"soon\" is not a duration");

            Cli badNamespace = cli(common, "-i", "docker", "--target-namespace", "Capd_System");
            assertThat(badNamespace.exit()).isEqualTo(1);
            assertThat(badNamespace.out()).contains("✗ Check versions and namespaces");
            assertThat(badNamespace.err()).contains("\"Capd_System\" is not a valid namespace name");

            Cli unknown = cli(common, "-i", "dockerr");
            assertThat(unknown.exit()).isEqualTo(1);
            assertThat(unknown.err()).contains("there is no InfrastructureProvider named \"dockerr\"");

            // Cluster API present without clusterctl's inventory and without its label (as in the embedded lab, or
            // from another installer): nothing is overwritten. With the label it would be an init cut off before its
            // inventory, which init completes (InterruptedInitIT).
            fresh.client().genericKubernetesResources(Inventory.API_VERSION, "Provider").inNamespace("capi-system")
                    .withName("cluster-api").delete();
            fresh.client().apiextensions().v1().customResourceDefinitions().withName("clusters.cluster.x-k8s.io")
                    .edit(crd -> {
                        crd.getMetadata().getLabels().remove(ProviderComponents.CLUSTERCTL_LABEL);
                        return crd;
                    });
            String before = fresh.client().apiextensions().v1().customResourceDefinitions()
                    .withName("clusters.cluster.x-k8s.io").get().getMetadata().getResourceVersion();
            Cli foreign = cli(common, "-i", "docker");
            assertThat(foreign.exit()).isEqualTo(1);
            assertThat(foreign.err()).contains("Cluster API is already installed here, but not by clusterctl");
            assertThat(fresh.client().apiextensions().v1().customResourceDefinitions()
                    .withName("clusters.cluster.x-k8s.io").get().getMetadata().getResourceVersion())
                    .isEqualTo(before);
        }
    }

    @Test
    @Order(8)
    void metalLbGetsAnAddressPoolOnTheNodesNetwork() throws Exception {
        KubernetesClient client = byConsole.client();
        client.nodes().resource(new io.fabric8.kubernetes.api.model.NodeBuilder().withNewMetadata()
                .withName("kind-control-plane").endMetadata().build()).create();
        client.nodes().withName("kind-control-plane").editStatus(node -> {
            node.setStatus(new io.fabric8.kubernetes.api.model.NodeStatusBuilder().addNewAddress()
                    .withType("InternalIP").withAddress("172.18.0.2").endAddress().addNewAddress()
                    .withType("Hostname").withAddress("kind-control-plane").endAddress().build());
            return node;
        });
        Path overrides = work.resolve("metallb-overrides");
        Path manifest = overrides.resolve("metallb").resolve(MetalLb.DEFAULT_VERSION).resolve("metallb-native.yaml");
        Files.createDirectories(manifest.getParent());
        try (InputStream in = InitIT.class.getResourceAsStream("/install/metallb-api-only.yaml")) {
            Files.write(manifest, in.readAllBytes());
        }
        InitRequest request = new InitRequest(null, List.of(), List.of(), List.of("docker"), List.of(), null,
                Map.of(), false, Duration.ofMinutes(1), Duration.ofSeconds(30), MetalLb.DEFAULT_VERSION);
        List<String> lines = new ArrayList<>();
        setup("http://127.0.0.1:9", components, overrides).init(client).run(request, recorder(lines));

        assertThat(lines).contains("✓ MetalLB: address pool 172.18.255.200-172.18.255.250");
        GenericKubernetesResource pool = client.genericKubernetesResources("metallb.io/v1beta1", "IPAddressPool")
                .inNamespace("metallb-system").withName("capi-ip-pool").get();
        assertThat(pool.get("spec").toString()).contains("172.18.255.200-172.18.255.250");
        assertThat(client.genericKubernetesResources("metallb.io/v1beta1", "L2Advertisement")
                .inNamespace("metallb-system").withName("capi-l2").get().get("spec").toString())
                .contains("capi-ip-pool");
    }

    private record Cli(int exit, String out, String err) {
    }

    private static Cli cli(String[] common, String... more) {
        List<String> args = new ArrayList<>(List.of(common));
        args.addAll(List.of(more));
        java.io.StringWriter out = new java.io.StringWriter();
        java.io.StringWriter err = new java.io.StringWriter();
        int exit = dev.capiconsole.cli.CapiConsoleCommand.commandLine(new java.io.PrintWriter(out),
                new java.io.PrintWriter(err)).execute(args.toArray(String[]::new));
        return new Cli(exit, out.toString(), err.toString());
    }

    static Map<String, String> resourceVersions(KubernetesClient client) {
        Map<String, String> versions = new TreeMap<>();
        for (String[] kind : KINDS) {
            for (GenericKubernetesResource item : client.genericKubernetesResources(kind[0], kind[1]).inAnyNamespace()
                    .withLabel(ProviderComponents.CLUSTERCTL_LABEL).list().getItems()) {
                versions.put(kind[1] + " " + item.getMetadata().getNamespace() + "/" + item.getMetadata().getName(),
                        item.getMetadata().getResourceVersion());
            }
        }
        return versions;
    }

    private static InitProgress recorder(List<String> lines) {
        return new InitProgress() {
            @Override
            public void step(Step step, State state, String detail) {
                synchronized (lines) {
                    lines.add(state.mark() + " " + step.title() + (detail.isEmpty() || state == State.FAILED ? ""
                            : ": " + detail));
                }
            }

            @Override
            public void line(String text) {
                synchronized (lines) {
                    lines.add(text);
                }
            }
        };
    }
}
