package dev.capiconsole.workload;

import dev.capiconsole.topology.HumanDuration;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import java.time.Instant;
import java.util.List;

/**
 * One line of the pod view, as {@code kubectl get pods -o wide} shows it: ready containers, a status that names
 * the reason (CrashLoopBackOff, Completed, Terminating...), restarts, node and IP, age.
 */
public record PodRow(String namespace, String name, String ready, String status, int restarts, String node, String ip,
                     String age) {

    public static PodRow of(Pod pod, Instant now) {
        List<ContainerStatus> statuses = pod.getStatus() == null || pod.getStatus().getContainerStatuses() == null
                ? List.of() : pod.getStatus().getContainerStatuses();
        int containers = pod.getSpec() == null || pod.getSpec().getContainers() == null ? statuses.size()
                : pod.getSpec().getContainers().size();
        long ready = statuses.stream().filter(s -> Boolean.TRUE.equals(s.getReady())).count();
        int restarts = statuses.stream().mapToInt(s -> s.getRestartCount() == null ? 0 : s.getRestartCount()).sum();
        String created = pod.getMetadata().getCreationTimestamp();
        return new PodRow(pod.getMetadata().getNamespace(), pod.getMetadata().getName(), ready + "/" + containers,
                status(pod, statuses), restarts,
                pod.getSpec() == null || pod.getSpec().getNodeName() == null ? "" : pod.getSpec().getNodeName(),
                pod.getStatus() == null || pod.getStatus().getPodIP() == null ? "" : pod.getStatus().getPodIP(),
                created == null ? "" : HumanDuration.since(Instant.parse(created), now));
    }

    /** kubectl's status column: deletion, then a container's waiting or terminated reason, then the phase. */
    static String status(Pod pod, List<ContainerStatus> statuses) {
        if (pod.getMetadata().getDeletionTimestamp() != null) {
            return "Terminating";
        }
        String reason = pod.getStatus() == null ? null : pod.getStatus().getReason();
        for (ContainerStatus s : statuses) {
            if (s.getState() != null && s.getState().getWaiting() != null
                    && s.getState().getWaiting().getReason() != null) {
                reason = s.getState().getWaiting().getReason();
            } else if (s.getState() != null && s.getState().getTerminated() != null) {
                String terminated = s.getState().getTerminated().getReason();
                reason = terminated != null ? terminated : "ExitCode:" + s.getState().getTerminated().getExitCode();
            }
        }
        if (reason != null && !reason.isEmpty()) {
            return reason;
        }
        return pod.getStatus() == null || pod.getStatus().getPhase() == null ? "Unknown" : pod.getStatus().getPhase();
    }

    /** How the status reads at a glance. */
    public Health health() {
        return switch (status) {
            case "Running", "Completed", "Succeeded" -> Health.GOOD;
            case "Pending", "ContainerCreating", "PodInitializing", "Terminating" -> Health.PROGRESSING;
            default -> Health.BAD;
        };
    }

    public enum Health { GOOD, PROGRESSING, BAD }
}
