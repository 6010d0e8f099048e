package dev.capiconsole.install;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.capiconsole.cli.CliRunner;
import dev.capiconsole.clusterctl.ClusterctlEnvironment;
import dev.capiconsole.lab.LabFixture;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Files;
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

/**
 * Provider upgrade against two API servers of the lab (apiserver-only) where clusterctl v1.14 installed the older
 * release the lab build lays out ({@value #FROM}): the plan's text is clusterctl's, then clusterctl upgrades one
 * and this console the other (interrupted after its first provider, then run again) to {@value #TO}, and both end
 * with the same objects and inventory. Both read the same clusterctl config file: a local repository holding both
 * releases, and the cert-manager stand-in.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class UpgradeIT {

    static final String FROM = "v1.14.0";
    private static final String TO = ClusterctlPeer.VERSION;

    private static Path work;
    private static ClusterctlPeer peer;
    private static LabFixture byClusterctl;
    private static LabFixture byConsole;

    @BeforeAll
    static void setUp() throws Exception {
        work = Files.createTempDirectory("capi-console-upgrade-it");
        peer = ClusterctlPeer.prepare(work);
        byClusterctl = LabFixture.apiServerOnly(work.resolve("clusterctl"));
        byConsole = LabFixture.apiServerOnly(work.resolve("console"));
        for (LabFixture lab : List.of(byClusterctl, byConsole)) {
            installOlderRelease(peer, lab);
        }
    }

    static void installOlderRelease(ClusterctlPeer peer, LabFixture lab) throws Exception {
        ClusterctlPeer.Run run = peer.init(lab, "--core", "cluster-api:" + FROM, "-b", "kubeadm:" + FROM, "-c",
                "kubeadm:" + FROM, "-i", "docker:" + FROM);
        assertThat(run.exit()).as("clusterctl init output:\n" + run.output()).isZero();
        peer.finalizeProbeNamespace(lab);
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

    static InitSetup setup(ClusterctlPeer peer, Path work) throws Exception {
        Path home = work.resolve("home");
        Files.createDirectories(home);
        return new InitSetup(ClusterctlEnvironment.load(Map.of("XDG_CONFIG_HOME", home.resolve(".config").toString()),
                home, peer.config()), List.of(), null);
    }

    @Test
    @Order(1)
    void planTextIsClusterctls() throws Exception {
        ClusterctlPeer.Run reference = peer.upgrade(byConsole, "plan");
        assertThat(reference.exit()).as(reference.output()).isZero();

        CliRunner.Result ours = CliRunner.run("upgrade", "plan", "--kubeconfig", byConsole.kubeconfig().toString(),
                "--config", peer.config().toString());

        assertThat(ours.exitCode()).as(ours.err()).isZero();
        assertThat(ours.out()).isEqualTo(reference.output());
        assertThat(ours.out()).contains("Cert-Manager is already up to date")
                .containsPattern("cluster-api +capi-system +CoreProvider +" + FROM + " +" + TO)
                .contains("clusterctl upgrade apply --contract v1beta2");
    }

    @Test
    @Order(2)
    void dryRunPreviewsEachProviderAndChangesNothing() throws Exception {
        Map<String, String> before = InitIT.resourceVersions(byConsole.client());

        CliRunner.Result ours = CliRunner.run("upgrade", "apply", "--contract", "v1beta2", "--dry-run",
                "--kubeconfig", byConsole.kubeconfig().toString(), "--config", peer.config().toString());

        assertThat(ours.exitCode()).as(ours.err()).isZero();
        assertThat(ours.out()).contains("cert-manager: already up to date (" + ClusterctlPeer.CERT_MANAGER + ")")
                .contains("cluster-api " + FROM + " -> " + TO + " (namespace capi-system): 0 added, ")
                .contains("infrastructure-docker " + FROM + " -> " + TO)
                .contains("  ~ Deployment capi-system/capi-controller-manager")
                .contains("-        image: registry.k8s.io/cluster-api/cluster-api-controller:" + FROM)
                .contains("+        image: registry.k8s.io/cluster-api/cluster-api-controller:" + TO)
                .contains("Dry run: nothing was changed.");
        assertThat(InitIT.resourceVersions(byConsole.client())).isEqualTo(before);
    }

    @Test
    @Order(3)
    void upgradeInterruptedAfterItsFirstProviderThenRunAgainEndsAsClusterctls() throws Exception {
        ClusterctlPeer.Run reference = peer.upgrade(byClusterctl, "apply", "--contract", "v1beta2");
        assertThat(reference.exit()).as(reference.output()).isZero();

        KubernetesClient client = byConsole.client();
        client.configMaps().inNamespace("capd-system").resource(new ConfigMapBuilder().withNewMetadata()
                .withName("operator-notes").endMetadata().addToData("note", "keep me").build()).create();
        InitSetup setup = setup(peer, work);
        ProviderUpgrade upgrade = setup.providerUpgrade(client);
        ProviderUpgrade.Prepared first = upgrade.prepare(setup.upgradePlanner(client).forContract("v1beta2"));
        assertThat(first.providers()).hasSize(4);
        List<String> lines = new ArrayList<>();
        assertThatThrownBy(() -> upgrade.apply(first, false, Duration.ofMinutes(1), new ProviderUpgrade.Progress() {
            @Override
            public void line(String text) {
                lines.add(text);
            }

            @Override
            public void providerUpgraded(UpgradePlan.Item item) {
                throw new IllegalStateException("aborted after " + item.provider().name());
            }
        })).hasMessage("aborted after cluster-api");
        assertThat(new Inventory(client).list()).extracting(InstalledProvider::version)
                .containsExactly(TO, FROM, FROM, FROM);

        CliRunner.Result again = CliRunner.run("upgrade", "apply", "--contract", "v1beta2", "--yes", "--kubeconfig",
                byConsole.kubeconfig().toString(), "--config", peer.config().toString());

        assertThat(again.exitCode()).as(again.out() + again.err()).isZero();
        assertThat(again.out()).contains("bootstrap-kubeadm " + FROM + " -> " + TO)
                .doesNotContain("cluster-api " + FROM + " -> ").contains("Upgrade complete.");
        assertThat(new Inventory(client).list()).extracting(InstalledProvider::version).containsOnly(TO).hasSize(4);
        Map<String, Map<String, Object>> expected = InitIT.snapshot(byClusterctl.client());
        Map<String, Map<String, Object>> actual = InitIT.snapshot(client);
        assertThat(expected).hasSizeGreaterThan(60);
        assertThat(actual.keySet()).containsExactlyElementsOf(expected.keySet());
        List<String> differing = new ArrayList<>();
        expected.forEach((key, object) -> {
            if (!object.equals(actual.get(key))) {
                differing.add(key + "\n  clusterctl: " + object + "\n  console:    " + actual.get(key));
            }
        });
        assertThat(differing).as("objects that differ from clusterctl's").isEmpty();
        assertThat(client.configMaps().inNamespace("capd-system").withName("operator-notes").get().getData())
                .containsEntry("note", "keep me");

        CliRunner.Result plan = CliRunner.run("upgrade", "plan", "--kubeconfig", byConsole.kubeconfig().toString(),
                "--config", peer.config().toString());
        assertThat(plan.out()).isEqualTo(peer.upgrade(byClusterctl, "plan").output()).contains("You are already up "
                + "to date!");
    }

    @Test
    @Order(4)
    void refusesWhatClusterctlRefuses() throws Exception {
        CliRunner.Result both = CliRunner.run("upgrade", "apply", "--contract", "v1beta2", "-i", "docker:" + TO,
                "--kubeconfig", byConsole.kubeconfig().toString(), "--config", peer.config().toString());
        assertThat(both.err()).contains("The --contract flag can't be used in combination with --core");
        CliRunner.Result other = CliRunner.run("upgrade", "apply", "--contract", "v1beta1", "--kubeconfig",
                byConsole.kubeconfig().toString(), "--config", peer.config().toString());
        assertThat(other.err()).contains("could only upgrade to v1beta2 contract, requested v1beta1");
        CliRunner.Result unknown = CliRunner.run("upgrade", "apply", "-i", "docker:v9.9.9", "--kubeconfig",
                byConsole.kubeconfig().toString(), "--config", peer.config().toString());
        assertThat(unknown.err()).contains("does not match any release series");
    }
}
