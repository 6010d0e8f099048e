package dev.capiconsole.install;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.capiconsole.cli.CapiConsoleCommand;
import dev.capiconsole.clusterctl.ClusterctlEnvironment;
import dev.capiconsole.lab.LabFixture;
import dev.capiconsole.testing.Await;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * {@code init list-images}, the {@code images:} overrides and {@code delete providers} against clusterctl v1.14 on
 * two fresh API servers of the lab (apiserver-only): clusterctl works on one, this console on the other, from the
 * same local repository and clusterctl config file; after each step both clusters must hold the same objects.
 * cert-manager is the API-only stand-in with two Deployments added, so that its images are listed and overridden.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ProviderDeletionIT {

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
    private static final String IMAGES = """
            images:
              all:
                repository: mirror.example.com/capi/
              infrastructure-docker:
                tag: v1.14.2-mirrored
              cert-manager/cert-manager-webhook:
                repository: hooks.example.com/jetstack
                tag: v1.21.1-patched
            """;

    private static Path work;
    private static ClusterctlPeer peer;
    private static LabFixture byClusterctl;
    private static LabFixture byConsole;
    private static Path plainConfig;
    private static Path imagesConfig;

    @BeforeAll
    static void setUp() throws Exception {
        work = Files.createTempDirectory("capi-console-delete-it");
        peer = ClusterctlPeer.prepare(work);
        Path certManager = work.resolve("cert-manager-with-images/cert-manager")
                .resolve(ClusterctlPeer.CERT_MANAGER).resolve("cert-manager.yaml");
        Files.createDirectories(certManager.getParent());
        try (InputStream in = ProviderDeletionIT.class.getResourceAsStream("/install/cert-manager-api-only.yaml")) {
            Files.writeString(certManager, new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    + deployment("cert-manager", "quay.io/jetstack/cert-manager-controller")
                    + deployment("cert-manager-webhook", "quay.io/jetstack/cert-manager-webhook"));
        }
        plainConfig = peer.writeConfig(work.resolve("plain.yaml"), certManager, "");
        imagesConfig = peer.writeConfig(work.resolve("images.yaml"), certManager, IMAGES);
        byClusterctl = LabFixture.apiServerOnly(work.resolve("clusterctl"));
        byConsole = LabFixture.apiServerOnly(work.resolve("console"));
    }

    @AfterAll
    static void tearDown() {
        if (byClusterctl != null) {
            byClusterctl.close();
        }
        if (byConsole != null) {
            byConsole.close();
        }
    }

    private static String deployment(String name, String image) {
        return "---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: " + name + "\n  namespace: cert-manager\n"
                + "spec:\n  selector:\n    matchLabels: {app: " + name + "}\n  template:\n    metadata:\n      labels: "
                + "{app: " + name + "}\n    spec:\n      containers:\n      - name: " + name + "\n        image: " + image
                + ":" + ClusterctlPeer.CERT_MANAGER + "\n";
    }

    private static InitSetup setup(Path config) {
        Path home = work.resolve("home");
        ClusterctlEnvironment environment = ClusterctlEnvironment.load(Map.of("XDG_CONFIG_HOME",
                home.resolve(".config").toString(), "CLUSTER_TOPOLOGY", "true"), home, config);
        return new InitSetup(environment, List.of(), null);
    }

    private static List<String> clusterctl(LabFixture lab, Path config, String... args) throws Exception {
        ClusterctlPeer.Run run = peer.run(lab, config, args);
        assertThat(run.exit()).as("clusterctl " + String.join(" ", args) + ":\n" + run.output()).isZero();
        return run.output().lines().filter(l -> !l.isBlank()).toList();
    }

    private static List<String> consoleCli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = CapiConsoleCommand.commandLine(new PrintWriter(out), new PrintWriter(err)).execute(args);
        assertThat(exit).as(String.join(" ", args) + ":\n" + out + err).isZero();
        return out.toString().lines().filter(l -> !l.isBlank()).toList();
    }

    /** clusterctl's and the console's init list-images for the same providers, on the console's cluster. */
    private static void sameImageLists(Path config, String... providers) throws Exception {
        String[] clusterctlArgs = new String[providers.length + 2];
        clusterctlArgs[0] = "init";
        clusterctlArgs[1] = "list-images";
        System.arraycopy(providers, 0, clusterctlArgs, 2, providers.length);
        List<String> expected = clusterctl(byConsole, config, clusterctlArgs);
        String[] consoleArgs = new String[providers.length + 6];
        System.arraycopy(new String[] {"init", "list-images", "--kubeconfig", byConsole.kubeconfig().toString(),
            "--config", config.toString()}, 0, consoleArgs, 0, 6);
        System.arraycopy(providers, 0, consoleArgs, 6, providers.length);
        assertThat(consoleCli(consoleArgs)).containsExactlyElementsOf(expected);
    }

    /** Every object with clusterctl's label, and every CRD, with a mark for those being deleted. */
    private static TreeSet<String> objects(KubernetesClient client) {
        TreeSet<String> objects = new TreeSet<>();
        for (String[] kind : KINDS) {
            List<GenericKubernetesResource> items;
            try {
                items = "CustomResourceDefinition".equals(kind[1])
                        ? client.genericKubernetesResources(kind[0], kind[1]).list().getItems()
                        : client.genericKubernetesResources(kind[0], kind[1]).inAnyNamespace()
                                .withLabel(ProviderComponents.CLUSTERCTL_LABEL).list().getItems();
            } catch (RuntimeException e) {
                continue; // the kind's CRD was deleted
            }
            for (GenericKubernetesResource item : items) {
                objects.add(kind[1] + " " + (item.getMetadata().getNamespace() == null ? ""
                        : item.getMetadata().getNamespace() + "/") + item.getMetadata().getName()
                        + (item.getMetadata().getDeletionTimestamp() == null ? "" : " (terminating)"));
            }
        }
        return objects;
    }

    private static Map<String, List<String>> deploymentImages(KubernetesClient client) {
        Map<String, List<String>> images = new TreeMap<>();
        client.apps().deployments().inAnyNamespace().withLabel(ProviderComponents.CLUSTERCTL_LABEL).list().getItems()
                .forEach(d -> images.put(d.getMetadata().getNamespace() + "/" + d.getMetadata().getName(),
                        d.getSpec().getTemplate().getSpec().getContainers().stream().map(c -> c.getImage()).toList()));
        return images;
    }

    private static void deleteOnBoth(ProviderDeletion.Request request, String... clusterctlArgs) throws Exception {
        String[] args = new String[clusterctlArgs.length + 1];
        args[0] = "delete";
        System.arraycopy(clusterctlArgs, 0, args, 1, clusterctlArgs.length);
        ClusterctlPeer.Run run = peer.run(byClusterctl, plainConfig, args);
        // clusterctl lists each provider's objects after deleting the previous provider's CRDs; when discovery still
        // serves a kind whose CRD is gone, it fails ("no matches for kind", or "could not find the requested
        // resource" when the list itself is refused) and running it again finishes the job. The console plans every
        // provider before deleting anything, so it does not meet that race.
        for (int attempt = 1; run.exit() != 0 && discoveryRace(run.output()) && attempt < 4; attempt++) {
            Inventory.sleep(Duration.ofSeconds(2));
            run = peer.run(byClusterctl, plainConfig, args);
        }
        assertThat(run.exit()).as(String.join(" ", args) + ":\n" + run.output()).isZero();
        ProviderDeletion deletion = new ProviderDeletion(byConsole.client());
        deletion.apply(deletion.plan(request), line -> { });
        for (LabFixture lab : List.of(byClusterctl, byConsole)) {
            // Only namespaces stay terminating here (no namespace controller without kube-controller-manager).
            Await.until(Duration.ofSeconds(60), "deleted CRDs gone", () -> objects(lab.client()).stream()
                    .noneMatch(o -> o.endsWith("(terminating)") && !o.startsWith("Namespace ")));
        }
        assertThat(objects(byConsole.client())).containsExactlyElementsOf(objects(byClusterctl.client()));
    }

    private static boolean discoveryRace(String output) {
        return output.contains("no matches for kind") || output.contains("could not find the requested resource");
    }

    private static ProviderDeletion.Request request(boolean all, String core, List<String> infrastructure,
            boolean includeNamespace, boolean includeCrd) {
        return new ProviderDeletion.Request(all, core, List.of(), List.of(), infrastructure, List.of(),
                includeNamespace, includeCrd);
    }

    private static void initBoth(Path config) throws Exception {
        clusterctl(byClusterctl, config, "init", "--infrastructure", "docker");
        peer.finalizeProbeNamespace(byClusterctl);
        setup(config).init(byConsole.client()).run(new InitRequest(null, List.of(), List.of(), List.of("docker"),
                List.of(), null, Map.of(), false, Duration.ofMinutes(1), Duration.ofSeconds(30), null),
                InitProgress.NONE);
    }

    @Test
    @Order(1)
    void listImagesPrintsWhatClusterctlPrintsWithAndWithoutOverridesThenInitWritesTheOverriddenImages()
            throws Exception {
        sameImageLists(plainConfig, "--infrastructure", "docker");
        sameImageLists(imagesConfig, "--infrastructure", "docker");
        List<String> overridden = consoleCli("init", "list-images", "--kubeconfig", byConsole.kubeconfig().toString(),
                "--config", imagesConfig.toString(), "-i", "docker");
        assertThat(overridden).contains("mirror.example.com/capi/capd-manager:v1.14.2-mirrored",
                "hooks.example.com/jetstack/cert-manager-webhook:v1.21.1-patched",
                "mirror.example.com/capi/cert-manager-controller:v1.21.1");

        initBoth(imagesConfig);
        Map<String, List<String>> expected = deploymentImages(byClusterctl.client());
        assertThat(expected).containsEntry("capd-system/capd-controller-manager",
                List.of("mirror.example.com/capi/capd-manager:v1.14.2-mirrored")).hasSize(6);
        assertThat(deploymentImages(byConsole.client())).isEqualTo(expected);
        assertThat(objects(byConsole.client())).containsExactlyElementsOf(objects(byClusterctl.client()));

        // Installed now: no cert-manager images, and only the providers asked for.
        sameImageLists(imagesConfig, "--infrastructure", "docker");
        sameImageLists(imagesConfig, "--bootstrap", "kubeadm", "--core", "cluster-api");
    }

    @Test
    @Order(2)
    void refusesWhatClusterctlRefusesAndChangesNothing() throws Exception {
        for (LabFixture lab : List.of(byClusterctl, byConsole)) {
            lab.client().admissionRegistration().v1().validatingWebhookConfigurations()
                    .withName("capd-validating-webhook-configuration").delete();
            lab.client().admissionRegistration().v1().mutatingWebhookConfigurations()
                    .withName("capd-mutating-webhook-configuration").delete();
            lab.client().genericKubernetesResources("infrastructure.cluster.x-k8s.io/v1beta2", "DockerCluster")
                    .inNamespace("default").resource(new GenericKubernetesResourceBuilder()
                            .withApiVersion("infrastructure.cluster.x-k8s.io/v1beta2").withKind("DockerCluster")
                            .withNewMetadata().withName("keep-me").withNamespace("default").endMetadata().build())
                    .create();
        }
        TreeSet<String> before = objects(byConsole.client());
        ProviderDeletion deletion = new ProviderDeletion(byConsole.client());
        for (String[] refused : List.of(new String[] {"--infrastructure", "docker", "--include-crd"},
                new String[] {"--infrastructure", "docker:v1.0.0"}, new String[] {"--infrastructure", "aws"})) {
            String[] args = new String[refused.length + 1];
            args[0] = "delete";
            System.arraycopy(refused, 0, args, 1, refused.length);
            assertThat(peer.run(byClusterctl, plainConfig, args).exit()).as(String.join(" ", args)).isNotZero();
        }
        assertThatThrownBy(() -> deletion.plan(request(false, null, List.of("docker"), false, true)))
                .hasMessageContaining("found existing objects for provider CRDs \"infrastructure-docker\"")
                .hasMessageContaining("dockerclusters.infrastructure.cluster.x-k8s.io");
        assertThatThrownBy(() -> deletion.plan(request(false, null, List.of("docker:v1.0.0"), false, false)))
                .hasMessageContaining("failed to identify the provider \"docker\" with version \"v1.0.0\"");
        assertThatThrownBy(() -> deletion.plan(request(false, null, List.of("aws"), false, false)))
                .hasMessageContaining("failed to identify the namespace for the \"aws\" provider");
        assertThatThrownBy(() -> deletion.plan(request(true, null, List.of("docker"), false, false)))
                .hasMessageContaining("The --all flag can't be used in combination");
        assertThat(objects(byConsole.client())).isEqualTo(before)
                .containsExactlyElementsOf(objects(byClusterctl.client()));
    }

    @Test
    @Order(3)
    void deletingOneInfrastructureProviderLeavesWhatClusterctlLeaves() throws Exception {
        ProviderDeletion.Plan plan = new ProviderDeletion(byConsole.client())
                .plan(request(false, null, List.of("docker"), false, false));
        assertThat(plan.providers()).singleElement().satisfies(p -> {
            assertThat(p.deleted()).extracting(Object::toString).contains(
                    "Deployment capd-system/capd-controller-manager", "Provider capd-system/infrastructure-docker",
                    "Issuer capd-system/capd-selfsigned-issuer").doesNotContain("Namespace capd-system");
            assertThat(p.kept()).containsKey(new ProviderDeletion.ObjectRef("v1", "Namespace", "namespaces", "",
                    "capd-system"));
        });
        assertThat(plan.warnings()).anyMatch(w -> w.startsWith("CRDs are kept"));
        List<String> dryRun = consoleCli("delete", "providers", "--kubeconfig", byConsole.kubeconfig().toString(),
                "-i", "docker", "--dry-run");
        assertThat(dryRun).contains("    - Deployment capd-system/capd-controller-manager",
                "Dry run: nothing was deleted.");

        deleteOnBoth(request(false, null, List.of("docker"), false, false), "--infrastructure", "docker");
        assertThat(objects(byConsole.client())).contains("Namespace capd-system",
                "CustomResourceDefinition dockerclusters.infrastructure.cluster.x-k8s.io")
                .doesNotContain("Deployment capd-system/capd-controller-manager",
                        "Provider capd-system/infrastructure-docker");
    }

    @Test
    @Order(4)
    void theCoreWhileOthersRemainThenAllAsClusterctlDoes() throws Exception {
        ProviderDeletion.Plan core = new ProviderDeletion(byConsole.client())
                .plan(request(false, "cluster-api", List.of(), false, false));
        assertThat(core.warnings()).anyMatch(w -> w.startsWith("The core provider is deleted while "
                + "bootstrap-kubeadm, control-plane-kubeadm remain"));
        deleteOnBoth(request(false, "cluster-api", List.of(), false, false), "--core", "cluster-api");
        deleteOnBoth(request(true, null, List.of(), false, false), "--all");
        assertThat(objects(byConsole.client())).noneMatch(o -> o.startsWith("Provider "))
                .contains("Namespace capi-system");
    }

    @Test
    @Order(5)
    void allWithCrdsAndNamespacesLeavesWhatClusterctlLeaves() throws Exception {
        for (LabFixture lab : List.of(byClusterctl, byConsole)) {
            lab.client().genericKubernetesResources("infrastructure.cluster.x-k8s.io/v1beta2", "DockerCluster")
                    .inNamespace("default").withName("keep-me").delete();
        }
        // The console's init refuses a cluster whose Cluster API CRDs stayed without an inventory (its own guard
        // against installers other than clusterctl), so clusterctl installs both again here.
        for (LabFixture lab : List.of(byClusterctl, byConsole)) {
            clusterctl(lab, plainConfig, "init", "--infrastructure", "docker");
            peer.finalizeProbeNamespace(lab);
        }
        ProviderDeletion.Plan plan = new ProviderDeletion(byConsole.client())
                .plan(request(true, null, List.of(), true, true));
        assertThat(plan.warnings()).anyMatch(w -> w.contains("CRD(s) are removed"))
                .anyMatch(w -> w.startsWith("Namespace capd-system is deleted with all"));
        deleteOnBoth(request(true, null, List.of(), true, true), "--all", "--include-crd", "--include-namespace");
        TreeSet<String> left = objects(byConsole.client());
        assertThat(left).contains("Namespace capd-system (terminating)")
                .noneMatch(o -> o.startsWith("CustomResourceDefinition clusters.cluster.x-k8s.io"));
        CustomResourceDefinition inventory = byConsole.client().apiextensions().v1().customResourceDefinitions()
                .withName(Inventory.CRD_NAME).get();
        assertThat(inventory).isNotNull();
    }
}
