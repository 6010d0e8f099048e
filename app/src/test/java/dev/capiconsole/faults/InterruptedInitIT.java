package dev.capiconsole.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capiconsole.install.CertManager;
import dev.capiconsole.install.InitIT;
import dev.capiconsole.install.Inventory;
import dev.capiconsole.lab.LabFixture;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code capi-console init} killed with SIGKILL once Cluster API's first objects are written (before its inventory
 * object), on an API-server-only lab with its own free ports; the same command run again must complete, and leave
 * exactly what an init that was never interrupted leaves on a second such lab: the same objects, the same inventory,
 * each provider once.
 */
@Tag("fault")
class InterruptedInitIT {

    @TempDir
    static Path work;

    @Test
    void initKilledMidwayThenRunAgainLeavesWhatAnUninterruptedInitLeaves() throws Exception {
        Path certManagerOverrides = certManagerStandIn();
        Path config = work.resolve("empty-clusterctl.yaml");
        Files.writeString(config, "{}\n");
        try (LabFixture whole = LabFixture.apiServerOnly(work.resolve("whole"));
             LabFixture interrupted = LabFixture.apiServerOnly(work.resolve("interrupted"));
             KubernetesClient wholeClient = whole.client();
             KubernetesClient client = interrupted.client()) {
            Instant started = Instant.now();
            try (ConsoleProcess reference = ConsoleProcess.start(work.resolve("cli"), init(whole, certManagerOverrides,
                    config))) {
                assertThat(reference.await(Duration.ofMinutes(3))).as(reference.output() + reference.errors())
                        .isZero();
            }
            Duration uninterrupted = FaultTimes.since(started);

            List<String> atKill;
            try (ConsoleProcess first = ConsoleProcess.start(work.resolve("cli"), init(interrupted,
                    certManagerOverrides, config))) {
                Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
                while (client.apiextensions().v1().customResourceDefinitions().withName("clusters.cluster.x-k8s.io")
                        .get() == null) {
                    assertThat(first.alive()).as("init ended before writing Cluster API: " + first.output()
                            + first.errors()).isTrue();
                    assertThat(Instant.now()).as("Cluster API's CRD written").isBefore(deadline);
                    Thread.sleep(20);
                }
                assertThat(first.killHard()).as("init still running when killed").isTrue();
                atKill = inventory(client);
                System.out.println("init killed once clusters.cluster.x-k8s.io existed; inventory then: " + atKill
                        + "; output up to the kill:\n" + first.output());
            }
            assertThat(atKill).as("killed before the core provider's inventory object").doesNotContain(
                    "capi-system/cluster-api");

            Instant rerun = Instant.now();
            String again;
            try (ConsoleProcess second = ConsoleProcess.start(work.resolve("cli"), init(interrupted,
                    certManagerOverrides, config))) {
                int exit = second.await(Duration.ofMinutes(3));
                again = second.output();
                assertThat(exit).as(again + second.errors()).isZero();
            }
            Duration rerunTime = FaultTimes.since(rerun);
            System.out.println("init run again:\n" + again);
            assertThat(again).contains("an earlier init was cut off; completing it");

            assertThat(inventory(client)).containsExactlyInAnyOrder("capi-system/cluster-api",
                    "capi-kubeadm-bootstrap-system/bootstrap-kubeadm",
                    "capi-kubeadm-control-plane-system/control-plane-kubeadm", "capd-system/infrastructure-docker");
            Map<String, Map<String, Object>> expected = InitIT.snapshot(wholeClient);
            Map<String, Map<String, Object>> actual = InitIT.snapshot(client);
            assertThat(expected).hasSizeGreaterThan(60);
            assertThat(actual.keySet()).containsExactlyElementsOf(expected.keySet());
            assertThat(expected.keySet().stream().filter(k -> !actual.get(k).equals(expected.get(k))).toList())
                    .as("objects that differ from an uninterrupted init's").isEmpty();
            FaultTimes.record("killed-mid-init", "uninterrupted init took", uninterrupted);
            FaultTimes.record("killed-mid-init", "rerun completed", rerunTime);
        }
    }

    private static String[] init(LabFixture lab, Path certManagerOverrides, Path config) {
        return new String[] {"init", "--kubeconfig", lab.kubeconfig().toString(), "--offline", "--overrides",
            certManagerOverrides.toString(), "--config", config.toString(), "--cert-manager-timeout", "30s",
            "-i", "docker"};
    }

    /** "namespace/name" of each inventory Provider object. */
    private static List<String> inventory(KubernetesClient client) {
        return client.genericKubernetesResources(Inventory.API_VERSION, "Provider").inAnyNamespace().list().getItems()
                .stream().map(p -> p.getMetadata().getNamespace() + "/" + p.getMetadata().getName()).sorted()
                .toList();
    }

    /** An overrides folder with cert-manager's API only (nothing can run its pods without kubelets). */
    private static Path certManagerStandIn() throws Exception {
        Path folder = work.resolve("cert-manager-repo");
        Path file = folder.resolve("cert-manager").resolve(CertManager.DEFAULT_VERSION).resolve("cert-manager.yaml");
        Files.createDirectories(file.getParent());
        try (InputStream in = InterruptedInitIT.class.getResourceAsStream("/install/cert-manager-api-only.yaml")) {
            Files.write(file, in.readAllBytes());
        }
        return folder;
    }
}
