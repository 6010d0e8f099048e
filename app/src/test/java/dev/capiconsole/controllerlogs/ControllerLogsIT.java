package dev.capiconsole.controllerlogs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capiconsole.cli.CliRunner;
import dev.capiconsole.events.ClusterEvents;
import dev.capiconsole.events.TimelineEvent;
import dev.capiconsole.install.Inventory;
import dev.capiconsole.lab.LabFixture;
import dev.capiconsole.testing.Await;
import dev.capiconsole.topology.ApiObjectSource;
import dev.capiconsole.topology.ClusterSnapshot;
import dev.capiconsole.topology.SnapshotReader;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Controller logs and the events timeline against the lab's real managers, with two clusters whose names share a
 * prefix ({@code logs} and {@code logs-2}): the lines shown for a Machine of one include every line the core
 * manager's log file has for it and none for the other cluster's Machines.
 */
class ControllerLogsIT {

    private static final String CLUSTER = "logs";
    private static final String OTHER = "logs-2";
    private static final String CORE = "capi-controller-manager";

    @TempDir
    static Path folder;

    private static LabFixture lab;
    private static KubernetesClient client;

    @BeforeAll
    static void twoClusters() throws Exception {
        lab = LabFixture.withReadyCluster(folder, CLUSTER, 1, 1);
        client = lab.client();
        lab.clusters().create(OTHER, "default", 1, 1);
        lab.clusters().awaitReady(OTHER, "default", 1, Duration.ofMinutes(4));
    }

    @AfterAll
    static void stopLab() {
        if (lab != null) {
            lab.close();
        }
    }

    @Test
    void theLinesOfAMachineAreAllTheCoreManagersLinesForItAndNoneOfTheOtherClusters() throws Exception {
        String machine = machineOf(CLUSTER);
        List<String> others = client.genericKubernetesResources("cluster.x-k8s.io/v1beta2", "Machine")
                .inNamespace("default").withLabel("cluster.x-k8s.io/cluster-name", OTHER).list().getItems().stream()
                .map(m -> m.getMetadata().getName()).toList();
        assertThat(others).isNotEmpty();
        ManagerLogs managers = ManagerLogs.find(client, lab.kubeconfig());
        assertThat(managers.lab()).isTrue();
        assertThat(managers.logs()).extracting(ManagerLog::manager).contains(CORE,
                "capi-kubeadm-bootstrap-controller-manager", "capi-kubeadm-control-plane-controller-manager",
                "capd-controller-manager");

        LogSubject subject = new LogSubject("Machine", "default", machine);
        List<String> plain = plainLines(CORE, "Machine", "default/" + machine);
        assertThat(plain).isNotEmpty();
        List<LogLine> shown = ObjectLogs.read(managers.logs(), subject, LogFilter.all(), Clock.systemUTC());
        List<String> shownCore = shown.stream().filter(l -> l.manager().equals(CORE)).map(LogLine::text).toList();
        assertThat(shownCore).containsAll(plain);
        for (String other : others) {
            assertThat(shown).noneMatch(l -> l.text().contains("Machine=\"default/" + other + "\""));
        }
        assertThat(shown).noneMatch(l -> l.text().contains("Cluster=\"default/" + OTHER + "\""));
        assertThat(shown).isSortedAccordingTo(ObjectLogs.BY_TIME);
        System.out.printf("[measure] Machine %s: %d lines shown (%d from the core manager, %d in its file by the "
                        + "exact key, %d by reconcileID only), from %s%n", machine, shown.size(), shownCore.size(),
                plain.size(), shown.stream().filter(l -> !subject.namedBy(l)).count(),
                shown.stream().map(LogLine::manager).distinct().toList());

        MatchedLines followed = new MatchedLines(5_000);
        try (ObjectLogs following = ObjectLogs.follow(managers.logs(), subject, null, Clock.systemUTC(),
                followed::addAll)) {
            assertThat(following.problems()).isEmpty();
            Await.until(Duration.ofSeconds(20), "the followed lines to include the file's lines for " + machine,
                    () -> followed.byTime().stream().map(LogLine::text).toList().containsAll(plain));
        }
        assertThat(followed.byTime()).noneMatch(l -> others.stream()
                .anyMatch(other -> l.text().contains("Machine=\"default/" + other + "\"")));
    }

    @Test
    void theCliPrintsTheSameLinesWithTheirManagerAndFiltersByLevel() throws Exception {
        String machine = machineOf(CLUSTER);
        List<String> plain = plainLines(CORE, "Machine", "default/" + machine);
        CliRunner.Result result = lab.cli("get", "controller-logs", "Machine/" + machine, "-n", "default");

        assertThat(result.exitCode()).as(result.err()).isZero();
        List<String> printed = result.out().lines().toList();
        assertThat(printed).containsAll(plain.stream().map(line -> CORE + " " + line).toList());
        assertThat(printed).allMatch(line -> line.startsWith("cap"));

        CliRunner.Result errors = lab.cli("get", "controller-logs", "Machine/" + machine, "-n", "default",
                "--level", "error", "--since", "1h");
        assertThat(errors.exitCode()).as(errors.err()).isZero();
        assertThat(errors.out().lines()).allMatch(line -> line.split(" ", 2)[1].startsWith("E"));

        CliRunner.Result unknown = lab.cli("get", "controller-logs", "Machine/no-such-machine", "-n", "default");
        assertThat(unknown.exitCode()).isZero();
        assertThat(unknown.out()).isEmpty();
        assertThat(unknown.err()).contains("No lines about Machine default/no-such-machine in the lab's log files");

        CliRunner.Result badLevel = lab.cli("get", "controller-logs", "Machine/" + machine, "--level", "loud");
        assertThat(badLevel.exitCode()).isNotZero();
        assertThat(badLevel.err()).contains("info, warning or error");
    }

    @Test
    void theEventsTimelineHasTheEventsOfTheClustersObjectsNewestFirstAndNoneOfTheOther() {
        ClusterSnapshot snapshot = new SnapshotReader(new ApiObjectSource(client)).withMachineHealthChecks()
                .read("default", CLUSTER);
        List<TimelineEvent> timeline = ClusterEvents.timeline(
                client.v1().events().inNamespace("default").list().getItems(), ClusterEvents.objectKeys(snapshot),
                Instant.now());

        assertThat(timeline).isNotEmpty();
        assertThat(timeline).anyMatch(e -> e.object().equals("Cluster/" + CLUSTER));
        assertThat(timeline).anyMatch(e -> e.object().startsWith("Machine/" + CLUSTER + "-"));
        assertThat(timeline).anyMatch(e -> e.object().startsWith("MachineSet/")
                || e.object().startsWith("MachineDeployment/"));
        assertThat(timeline).noneMatch(e -> e.object().endsWith("/" + OTHER)
                || e.object().contains("/" + OTHER + "-"));
        assertThat(timeline).extracting(TimelineEvent::lastSeen)
                .isSortedAccordingTo(Comparator.nullsLast(Comparator.<Instant>reverseOrder()));
        System.out.printf("[measure] events timeline of %s: %d events of %d objects%n", CLUSTER, timeline.size(),
                ClusterEvents.objectKeys(snapshot).size());
    }

    @Test
    void elsewhereTheManagersAreTheInventorysProviderDeploymentsPods() {
        new Inventory(client).ensureDefinition(Duration.ofSeconds(30));
        client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName("capi-system").endMetadata()
                .build()).serverSideApply();
        GenericKubernetesResource provider = new GenericKubernetesResource();
        provider.setApiVersion(Inventory.API_VERSION);
        provider.setKind("Provider");
        provider.setMetadata(new ObjectMetaBuilder().withName("cluster-api")
                .withNamespace("capi-system").build());
        provider.setAdditionalProperties(Map.of("providerName", "cluster-api", "type", "CoreProvider",
                "version", "v1.14.2"));
        client.resource(provider).serverSideApply();
        Map<String, String> labels = Map.of("cluster.x-k8s.io/provider", "cluster-api",
                "control-plane", "controller-manager");
        client.apps().deployments().inNamespace("capi-system").resource(new DeploymentBuilder().withNewMetadata()
                .withName(CORE).withLabels(labels).endMetadata().withNewSpec().withNewSelector()
                .withMatchLabels(labels).endSelector().withNewTemplate().withNewMetadata().withLabels(labels)
                .endMetadata().withNewSpec().addNewContainer().withName("manager").withImage("example/manager")
                .endContainer().endSpec().endTemplate().endSpec().build()).serverSideApply();
        // The lab runs no controller-manager to make the namespace's default service account a pod needs.
        client.serviceAccounts().inNamespace("capi-system").resource(new ServiceAccountBuilder().withNewMetadata()
                .withName("default").endMetadata().build()).serverSideApply();
        client.pods().inNamespace("capi-system").resource(new PodBuilder().withNewMetadata().withName(CORE + "-abc")
                .withLabels(labels).endMetadata().withNewSpec().addNewContainer().withName("kube-rbac-proxy")
                .withImage("example/proxy").endContainer().addNewContainer().withName("manager")
                .withImage("example/manager").endContainer().endSpec().build()).serverSideApply();

        ManagerLogs managers = ManagerLogs.providerPods(client);

        assertThat(managers.lab()).isFalse();
        assertThat(managers.logs()).singleElement().satisfies(log -> {
            assertThat(log.manager()).isEqualTo(CORE);
            assertThat(log).isEqualTo(new ProviderPodLog(client, CORE, "capi-system", CORE + "-abc", "manager"));
        });
    }

    private static String machineOf(String cluster) {
        return client.genericKubernetesResources("cluster.x-k8s.io/v1beta2", "Machine").inNamespace("default")
                .withLabel("cluster.x-k8s.io/cluster-name", cluster).withLabel("cluster.x-k8s.io/control-plane")
                .list().getItems().get(0).getMetadata().getName();
    }

    /** The manager's log file read plainly: the lines with {@code key="value"} as written, a key of its own. */
    private static List<String> plainLines(String manager, String key, String value) throws Exception {
        Path file = lab.lab().dataDir().resolve("logs").resolve(manager + ".log");
        Pattern exact = Pattern.compile("\\s" + Pattern.quote(key + "=\"" + value + "\"") + "(\\s|$)");
        return new String(Files.readAllBytes(file), StandardCharsets.UTF_8).lines()
                .filter(line -> exact.matcher(line).find()).toList();
    }
}
