package dev.capiconsole.workload;

import dev.capiconsole.connection.ServerErrors;
import dev.capiconsole.yaml.YamlLimits;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * A workload cluster's kubeconfig, as Cluster API stores it: Secret {@code <cluster>-kubeconfig}, key
 * {@code value}, in the Cluster's namespace. The text holds credentials: never log or show it.
 */
public final class WorkloadKubeconfig {

    private final String cluster;
    private final String namespace;
    private final String text;

    private WorkloadKubeconfig(String cluster, String namespace, String text) {
        this.cluster = cluster;
        this.namespace = namespace;
        this.text = text;
    }

    /** Reads the kubeconfig Secret of a Cluster, with errors that say what to do. */
    public static WorkloadKubeconfig read(KubernetesClient management, String namespace, String cluster) {
        String secretName = cluster + "-kubeconfig";
        Secret secret;
        try {
            secret = management.secrets().inNamespace(namespace).withName(secretName).get();
        } catch (KubernetesClientException e) {
            if (e.getCode() == 403) {
                throw new WorkloadException("not allowed to read Secret " + namespace + "/" + secretName
                        + ": the console needs \"get\" on secrets in namespace " + namespace
                        + " (ask for a role that allows it)");
            }
            throw new WorkloadException("cannot read Secret " + namespace + "/" + secretName + ": " + e.getMessage());
        }
        if (secret == null) {
            throw new WorkloadException.NotYet("there is no Secret " + namespace + "/" + secretName
                    + " yet: the cluster's control plane is still being created (it appears once the first control "
                    + "plane machine is initialized)");
        }
        String encoded = secret.getData() == null ? null : secret.getData().get("value");
        if (encoded == null || encoded.isEmpty()) {
            throw new WorkloadException("Secret " + namespace + "/" + secretName + " has no key \"value\"");
        }
        String text = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        return new WorkloadKubeconfig(cluster, namespace, text);
    }

    public String cluster() {
        return cluster;
    }

    public String namespace() {
        return namespace;
    }

    /** The kubeconfig text (credentials: 0600 files only). */
    public String text() {
        return text;
    }

    /** The API server the kubeconfig points at (no credentials). */
    public String server() {
        Object document = YamlLimits.CONFIG.load(text);
        if (document instanceof Map<?, ?> config && config.get("clusters") instanceof List<?> clusters
                && !clusters.isEmpty()
                && clusters.get(0) instanceof Map<?, ?> entry && entry.get("cluster") instanceof Map<?, ?> c) {
            return String.valueOf(c.get("server"));
        }
        return "(unknown)";
    }

    /** A client for the workload cluster. */
    public KubernetesClient client() {
        Config config = Config.fromKubeconfig(null, text, null);
        config.setRequestTimeout(10_000);
        config.setConnectionTimeout(5_000);
        // One quick retry, not fabric8's ten with exponential back-off: a server that answers 500 to a kind it does
        // not keep (the in-memory servers and Events) would otherwise hold a pod's details for about 50 s.
        config.setRequestRetryBackoffLimit(1);
        // Watch over plain HTTP streaming: some workload API servers (the lab's in-memory ones among them) do not
        // upgrade to WebSockets, and HTTP watches work everywhere.
        config.setOnlyHttpWatches(true);
        return new KubernetesClientBuilder().withConfig(config).build();
    }

    private static String rootCause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return message == null || message.isBlank() ? root.getClass().getSimpleName() : message;
    }

    /** Says why the workload API server could not be used: unreachable from here (with the endpoint) or refusing. */
    public WorkloadException explain(KubernetesClientException e) {
        // No HTTP status (0, or -1 when fabric8 wraps a connection failure): the server did not answer at all.
        if (e.getCode() <= 0) {
            return new WorkloadException("cannot reach the API server of workload cluster " + namespace + "/" + cluster
                    + " at " + server() + " from this machine: " + rootCause(e)
                    + " (a docker provider cluster on Docker Desktop needs the address from `kind get kubeconfig`)");
        }
        return new WorkloadException("workload cluster " + namespace + "/" + cluster + " refused: "
                + ServerErrors.message(e));
    }
}
