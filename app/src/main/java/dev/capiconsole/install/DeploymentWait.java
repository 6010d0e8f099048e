package dev.capiconsole.install;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** Waits, as {@code clusterctl init --wait-providers} does, until provider Deployments report Available=True. */
public final class DeploymentWait {

    /** A Deployment to wait for. */
    public record Target(String namespace, String name) {
        public String label() {
            return namespace + "/" + name;
        }
    }

    private final KubernetesClient client;
    private final Duration interval;

    public DeploymentWait(KubernetesClient client) {
        this(client, Duration.ofSeconds(1));
    }

    public DeploymentWait(KubernetesClient client, Duration interval) {
        this.client = client;
        this.interval = interval;
    }

    /**
     * Returns when every target is Available; reports each one as it becomes so. Fails after {@code timeout}
     * naming each Deployment still waited for, with its replica counts and the reason its conditions give.
     */
    public void await(List<Target> targets, Duration timeout, Consumer<String> progress) {
        Instant deadline = Instant.now().plus(timeout);
        Map<Target, Deployment> waiting = new LinkedHashMap<>();
        targets.forEach(t -> waiting.put(t, null));
        while (true) {
            for (Target target : new ArrayList<>(waiting.keySet())) {
                Deployment deployment = client.apps().deployments().inNamespace(target.namespace())
                        .withName(target.name()).get();
                waiting.put(target, deployment);
                if (deployment != null && available(deployment)) {
                    waiting.remove(target);
                    progress.accept("Deployment " + target.label() + " is available");
                }
            }
            if (waiting.isEmpty()) {
                return;
            }
            if (!Instant.now().isBefore(deadline)) {
                List<String> details = new ArrayList<>();
                waiting.forEach((target, deployment) -> details.add(deployment == null
                        ? target.label() + " does not exist" : describe(deployment)));
                throw new InstallException("providers not available after " + GoDuration.format(timeout) + ": "
                        + String.join("; ", details));
            }
            Inventory.sleep(interval);
        }
    }

    static boolean available(Deployment deployment) {
        return conditions(deployment).stream()
                .anyMatch(c -> "Available".equals(c.getType()) && "True".equals(c.getStatus()));
    }

    /** {@code ns/name: 0/1 available (MinimumReplicasUnavailable: ...)} */
    static String describe(Deployment deployment) {
        int wanted = deployment.getSpec() == null || deployment.getSpec().getReplicas() == null ? 1
                : deployment.getSpec().getReplicas();
        int available = deployment.getStatus() == null || deployment.getStatus().getAvailableReplicas() == null ? 0
                : deployment.getStatus().getAvailableReplicas();
        String reason = conditions(deployment).stream()
                .filter(c -> !"True".equals(c.getStatus()) || "ReplicaFailure".equals(c.getType()))
                .map(c -> c.getReason() + (c.getMessage() == null ? "" : ": " + c.getMessage()))
                .findFirst().orElse(conditions(deployment).isEmpty()
                        ? "no conditions yet: no controller has acted on it; are the cluster's nodes and "
                        + "kube-controller-manager running?" : "no condition says why");
        return deployment.getMetadata().getNamespace() + "/" + deployment.getMetadata().getName() + " " + available
                + "/" + wanted + " available (" + reason + ")";
    }

    private static List<DeploymentCondition> conditions(Deployment deployment) {
        return deployment.getStatus() == null || deployment.getStatus().getConditions() == null ? List.of()
                : deployment.getStatus().getConditions();
    }
}
