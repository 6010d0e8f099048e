package dev.capiconsole.workload;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capiconsole.events.EventRow;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PodDetailsTest {

    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");

    private static Pod crashingPod() {
        return new PodBuilder().withNewMetadata().withName("api").withNamespace("shop").withUid("u1").endMetadata()
                .withNewSpec().withNodeName("node-1")
                .addNewInitContainer().withName("migrate").withImage("tools:1").endInitContainer()
                .addNewContainer().withName("app").withImage("api:2").endContainer()
                .addNewContainer().withName("proxy").withImage("envoy:1.30").endContainer().endSpec()
                .withNewStatus().withPhase("Running").withPodIP("10.0.0.7").withQosClass("Burstable")
                .addNewInitContainerStatus().withName("migrate").withImage("tools:1").withReady(false)
                .withRestartCount(0).withNewState().withNewTerminated().withReason("Completed").withExitCode(0)
                .withFinishedAt("2026-11-26T11:50:00Z").endTerminated().endState().endInitContainerStatus()
                .addNewContainerStatus().withName("app").withImage("registry.example/api:2").withReady(false)
                .withRestartCount(4).withNewState().withNewWaiting().withReason("CrashLoopBackOff")
                .withMessage("back-off 1m20s").endWaiting().endState().withNewLastState().withNewTerminated()
                .withReason("Error").withExitCode(137).withFinishedAt("2026-11-26T11:59:00Z").endTerminated()
                .endLastState().endContainerStatus()
                .addNewCondition().withType("Ready").withStatus("False").withReason("ContainersNotReady")
                .withMessage("containers with unready status: [app]").withLastTransitionTime("2026-11-26T11:58:00Z")
                .endCondition().endStatus().build();
    }

    private static Event event(String name, String objectName, String uid, String reason, String last) {
        return new EventBuilder().withNewMetadata().withName(name).withNamespace("shop").endMetadata()
                .withNewInvolvedObject().withKind("Pod").withName(objectName).withUid(uid).endInvolvedObject()
                .withType("Warning").withReason(reason).withMessage(reason + " happened ").withCount(3)
                .withNewSource().withComponent("kubelet").endSource().withLastTimestamp(last).build();
    }

    @Test
    void containersReadAsKubectlDescribeSaysThem() {
        PodDetails details = PodDetails.of(crashingPod(), List.of(), NOW, "");
        assertThat(details.containers()).extracting(PodDetails.ContainerInfo::name)
                .containsExactly("migrate", "app", "proxy");
        PodDetails.ContainerInfo app = details.containers().get(1);
        assertThat(app.image()).as("the image the status reports wins").isEqualTo("registry.example/api:2");
        assertThat(app.state()).isEqualTo("Waiting: CrashLoopBackOff (back-off 1m20s)");
        assertThat(app.lastState()).isEqualTo("Terminated: Error (exit code 137), 60s ago");
        assertThat(app.restarts()).isEqualTo(4);
        assertThat(details.containers().get(0).state()).isEqualTo("Terminated: Completed (exit code 0), 10m ago");
        assertThat(details.containers().get(2).state()).as("no status yet").isEqualTo("Waiting (no status yet)");
        assertThat(details.containers().get(2).image()).isEqualTo("envoy:1.30");
        assertThat(details.logContainers()).containsExactly("app", "proxy", "migrate");
        assertThat(details.conditions()).singleElement().satisfies(c -> {
            assertThat(c.status()).isEqualTo("False");
            assertThat(c.since()).isEqualTo("2m");
            assertThat(c.message()).contains("[app]");
        });
    }

    @Test
    void onlyThisPodsEventsOldestFirst() {
        List<Event> events = List.of(
                event("e2", "api", "u1", "BackOff", "2026-11-26T11:59:30Z"),
                event("e1", "api", "u1", "Pulled", "2026-11-26T11:40:00Z"),
                event("e3", "other", "u9", "Failed", "2026-11-26T11:59:00Z"),
                event("e4", "api", "old-uid", "Killing", "2026-11-25T11:59:00Z"));
        PodDetails details = PodDetails.of(crashingPod(), events, NOW, "");
        assertThat(details.events()).extracting(EventRow::reason).containsExactly("Pulled", "BackOff");
        assertThat(details.events().get(1).age()).isEqualTo("30s");
        assertThat(details.events().get(1).message()).isEqualTo("BackOff happened");
        assertThat(details.events().get(1).from()).isEqualTo("kubelet");
    }
}
