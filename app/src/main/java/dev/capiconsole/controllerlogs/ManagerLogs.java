package dev.capiconsole.controllerlogs;

import dev.capiconsole.connection.ServerErrors;
import dev.capiconsole.install.InstalledProvider;
import dev.capiconsole.install.Inventory;
import dev.capiconsole.install.ProviderComponents;
import dev.capiconsole.lab.Lab;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The logs of a management cluster's Cluster API managers. On the embedded lab (the connection's kubeconfig is the
 * lab's own) they are the lab's log files; elsewhere the provider controller pods: the Deployments that clusterctl
 * labelled {@code cluster.x-k8s.io/provider} in each inventory Provider's namespace, their pods found by their
 * selectors, the {@code manager} container of each.
 *
 * @param lab whether the logs are the embedded lab's files
 * @param where where the logs are, in a few words for the CLI
 */
public record ManagerLogs(List<ManagerLog> logs, boolean lab, String where) {

    static final String MANAGER_CONTAINER = "manager";

    /** Blocking: may list inventory objects, Deployments and pods. */
    public static ManagerLogs find(KubernetesClient client, Path kubeconfig) {
        Map<String, Path> files = kubeconfig == null ? Map.of() : Lab.managerLogs(kubeconfig);
        if (!files.isEmpty()) {
            List<ManagerLog> logs = new ArrayList<>();
            files.forEach((manager, file) -> logs.add(new LabLogFile(manager, file)));
            return new ManagerLogs(logs, true, "the lab's log files in " + files.values().iterator().next().getParent());
        }
        return providerPods(client);
    }

    static ManagerLogs providerPods(KubernetesClient client) {
        try {
            List<ManagerLog> logs = new ArrayList<>();
            for (Deployment deployment : providerDeployments(client)) {
                String namespace = deployment.getMetadata().getNamespace();
                Map<String, String> selector = deployment.getSpec().getSelector().getMatchLabels();
                if (selector == null || selector.isEmpty()) {
                    continue;
                }
                client.pods().inNamespace(namespace).withLabels(selector).list().getItems().stream()
                        .filter(pod -> pod.getMetadata().getDeletionTimestamp() == null)
                        .sorted(Comparator.comparing(pod -> pod.getMetadata().getName()))
                        .forEach(pod -> logs.add(new ProviderPodLog(client, deployment.getMetadata().getName(),
                                namespace, pod.getMetadata().getName(), managerContainer(pod))));
            }
            if (logs.isEmpty()) {
                throw new ControllerLogsException("no provider controller pods found: no Deployment labelled "
                        + ProviderComponents.PROVIDER_LABEL + " has pods. Are Cluster API's providers installed "
                        + "(capi-console get providers)?", null);
            }
            return new ManagerLogs(logs, false, logs.size() + " provider controller pods");
        } catch (KubernetesClientException e) {
            throw new ControllerLogsException("cannot find the provider controller pods: " + ServerErrors.message(e), e);
        }
    }

    /** The Deployments of the inventory's providers; every labelled one when there is no inventory to read. */
    private static List<Deployment> providerDeployments(KubernetesClient client) {
        List<InstalledProvider> providers;
        try {
            providers = new Inventory(client).list();
        } catch (KubernetesClientException e) {
            providers = List.of();
        }
        if (providers.isEmpty()) {
            return client.apps().deployments().inAnyNamespace().withLabel(ProviderComponents.PROVIDER_LABEL).list()
                    .getItems();
        }
        List<Deployment> deployments = new ArrayList<>();
        for (InstalledProvider provider : providers) {
            deployments.addAll(client.apps().deployments().inNamespace(provider.namespace())
                    .withLabel(ProviderComponents.PROVIDER_LABEL, provider.name()).list().getItems());
        }
        return deployments;
    }

    private static String managerContainer(Pod pod) {
        List<Container> containers = pod.getSpec().getContainers();
        return containers.stream().map(Container::getName).filter(MANAGER_CONTAINER::equals).findFirst()
                .orElse(containers.get(0).getName());
    }
}
