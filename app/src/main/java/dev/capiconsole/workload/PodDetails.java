package dev.capiconsole.workload;

import dev.capiconsole.connection.ServerErrors;
import dev.capiconsole.events.EventRow;
import dev.capiconsole.topology.HumanDuration;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerState;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What {@code kubectl describe pod} shows that an operator looks at first: the containers (init ones too) with
 * image, state and restarts, the pod's conditions, and its events (newest last). Events the server cannot give
 * are reported in {@link #eventsNote()} instead of failing the whole read.
 */
public record PodDetails(String namespace, String name, String node, String phase, String ip, String qosClass,
                         List<ContainerInfo> containers, List<ConditionInfo> conditions, List<EventRow> events,
                         String eventsNote) {

    /** One container: what runs, how it runs now, and how it ended last time. */
    public record ContainerInfo(String name, boolean init, String image, boolean ready, String state,
                                int restarts, String lastState) {
    }

    public record ConditionInfo(String type, String status, String reason, String message, String since) {
    }

    /** Reads the pod and its events; a missing pod is a {@link WorkloadException}. */
    public static PodDetails read(KubernetesClient workload, String namespace, String name, Instant now) {
        Pod pod = workload.pods().inNamespace(namespace).withName(name).get();
        if (pod == null) {
            throw new WorkloadException("pod " + namespace + "/" + name + " is gone");
        }
        List<Event> events = List.of();
        String eventsNote = "";
        try {
            events = workload.v1().events().inNamespace(namespace)
                    .withField("involvedObject.name", name).list().getItems();
        } catch (KubernetesClientException e) {
            eventsNote = "The workload API server gives no events here (" + e.getCode() + ": "
                    + ServerErrors.message(e) + ").";
        }
        return of(pod, events, now, eventsNote);
    }

    static PodDetails of(Pod pod, List<Event> events, Instant now, String eventsNote) {
        var spec = pod.getSpec();
        var status = pod.getStatus();
        List<ContainerInfo> containers = new ArrayList<>();
        if (spec != null) {
            containers.addAll(containers(spec.getInitContainers(), status == null ? null
                    : status.getInitContainerStatuses(), true, now));
            containers.addAll(containers(spec.getContainers(), status == null ? null : status.getContainerStatuses(),
                    false, now));
        }
        List<ConditionInfo> conditions = status == null || status.getConditions() == null ? List.of()
                : status.getConditions().stream().map(c -> condition(c, now)).toList();
        List<EventRow> rows = EventRow.about(events, "Pod", pod.getMetadata().getName(), pod.getMetadata().getUid(),
                now);
        return new PodDetails(pod.getMetadata().getNamespace(), pod.getMetadata().getName(),
                spec == null || spec.getNodeName() == null ? "" : spec.getNodeName(),
                status == null || status.getPhase() == null ? "Unknown" : status.getPhase(),
                status == null || status.getPodIP() == null ? "" : status.getPodIP(),
                status == null || status.getQosClass() == null ? "" : status.getQosClass(),
                containers, conditions, rows, eventsNote);
    }

    /** The names of the containers whose logs can be asked for (not the init ones first: they usually ended). */
    public List<String> logContainers() {
        return Stream.concat(containers.stream().filter(c -> !c.init()), containers.stream().filter(ContainerInfo::init))
                .map(ContainerInfo::name).toList();
    }

    private static List<ContainerInfo> containers(List<Container> specs, List<ContainerStatus> statuses, boolean init,
                                                  Instant now) {
        if (specs == null) {
            return List.of();
        }
        Map<String, ContainerStatus> byName = statuses == null ? Map.of() : statuses.stream()
                .collect(Collectors.toMap(ContainerStatus::getName, Function.identity(), (a, b) -> a));
        return specs.stream().map(c -> {
            ContainerStatus s = byName.get(c.getName());
            return new ContainerInfo(c.getName(), init, s != null && s.getImage() != null && !s.getImage().isEmpty()
                    ? s.getImage() : Objects.requireNonNullElse(c.getImage(), ""),
                    s != null && Boolean.TRUE.equals(s.getReady()),
                    s == null ? "Waiting (no status yet)" : state(s.getState(), now),
                    s == null || s.getRestartCount() == null ? 0 : s.getRestartCount(),
                    s == null || s.getLastState() == null ? "" : state(s.getLastState(), now));
        }).toList();
    }

    /** A container state in kubectl describe's words: Running since, Waiting: reason, Terminated: reason (exit). */
    static String state(ContainerState state, Instant now) {
        if (state == null) {
            return "";
        }
        if (state.getRunning() != null) {
            return "Running for " + age(state.getRunning().getStartedAt(), now);
        }
        if (state.getWaiting() != null) {
            String reason = state.getWaiting().getReason();
            String message = state.getWaiting().getMessage();
            return "Waiting" + (reason == null ? "" : ": " + reason) + (message == null ? "" : " (" + message + ")");
        }
        if (state.getTerminated() != null) {
            var t = state.getTerminated();
            return "Terminated: " + (t.getReason() == null ? "exit code " + t.getExitCode()
                    : t.getReason() + " (exit code " + t.getExitCode() + ")")
                    + (t.getFinishedAt() == null ? "" : ", " + age(t.getFinishedAt(), now) + " ago");
        }
        return "";
    }

    private static ConditionInfo condition(PodCondition c, Instant now) {
        return new ConditionInfo(c.getType(), c.getStatus(), Objects.requireNonNullElse(c.getReason(), ""),
                Objects.requireNonNullElse(c.getMessage(), ""),
                c.getLastTransitionTime() == null ? "" : age(c.getLastTransitionTime(), now));
    }

    private static String age(String timestamp, Instant now) {
        try {
            return HumanDuration.since(Instant.parse(timestamp), now);
        } catch (DateTimeParseException e) {
            return timestamp;
        }
    }
}
