package dev.capiconsole.connection;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Reaches a cluster through a kubeconfig and reports what it is. Blocking: call it off the FX thread. */
public final class ClusterProbe {

    static final int CONNECT_TIMEOUT_MILLIS = 5_000;
    static final int REQUEST_TIMEOUT_MILLIS = 10_000;

    private ClusterProbe() {
    }

    /** The current context of a single kubeconfig file (the lab's, for instance). */
    public static ManagementCluster probe(Path kubeconfig) {
        KubeconfigSet set = KubeconfigSet.load(List.of(kubeconfig));
        String context = set.currentContext().orElseThrow(() ->
                new ConnectionException("the kubeconfig " + kubeconfig + " has no current context", null));
        return probe(set, context, ExecPath.system(List.of()));
    }

    public static ManagementCluster probe(KubeconfigSet set, String context, ExecPath execPath) {
        if (set.files().stream().noneMatch(Files::exists)) {
            throw new ConnectionException("no kubeconfig file found: " + set.files(), null);
        }
        String kubeconfig = set.kubeconfigFor(context, execPath);
        Config config = set.configOf(context, kubeconfig);
        config.setConnectionTimeout(CONNECT_TIMEOUT_MILLIS);
        config.setRequestTimeout(REQUEST_TIMEOUT_MILLIS);
        // One quick retry: an operator waiting on "connect" should hear about a dead endpoint in seconds.
        config.setRequestRetryBackoffLimit(1);
        config.setRequestRetryBackoffInterval(500);
        String server = config.getMasterUrl().replaceAll("/+$", "");
        Path source = set.contexts().stream().filter(c -> c.name().equals(context)).findFirst()
                .map(KubeContext::file).orElse(set.files().get(0));
        try (KubernetesClient client = open(config, context)) {
            String version = client.getKubernetesVersion().getGitVersion();
            // API discovery is open to every authenticated user; reading CRDs may not be.
            boolean capi = client.getApiGroup("cluster.x-k8s.io") != null;
            return new ManagementCluster(context, server, source, kubeconfig, version, capi);
        } catch (KubernetesClientException e) {
            throw new ConnectionException(explain(context, server, e), e);
        }
    }

    /** A client for the context; certificates and keys are read here, before any request. */
    static KubernetesClient open(Config config, String context) {
        try {
            return new KubernetesClientBuilder().withConfig(config).build();
        } catch (RuntimeException e) {
            throw new ConnectionException("the certificates or keys of context '" + context + "' cannot be used: "
                    + ServerErrors.rootMessage(e), e);
        }
    }

    static String explain(String context, String server, KubernetesClientException e) {
        if (e.getCode() == 401) {
            return "the server " + server + " rejected the credentials of context '" + context
                    + "' (401 Unauthorized): they may have expired. Log in again or renew the token, then retry.";
        }
        if (e.getCode() == 403) {
            return "context '" + context + "' may not read " + server + " (403 Forbidden): "
                    + ServerErrors.message(e);
        }
        return "cannot reach " + server + " (context '" + context + "'): "
                + ServerErrors.whyUnanswered(e, CONNECT_TIMEOUT_MILLIS);
    }
}
