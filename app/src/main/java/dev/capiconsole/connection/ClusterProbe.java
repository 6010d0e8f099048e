package dev.capiconsole.connection;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reaches a cluster through a kubeconfig and reports what it is. Blocking: call it off the FX thread. */
public final class ClusterProbe {

    private ClusterProbe() {
    }

    public static ManagementCluster probe(Path kubeconfig) {
        String content;
        try {
            content = Files.readString(kubeconfig);
        } catch (IOException e) {
            throw new ConnectionException("cannot read the kubeconfig " + kubeconfig + ": " + e.getMessage(), e);
        }
        Config config = Config.fromKubeconfig(content);
        String context = config.getCurrentContext() == null ? "(none)" : config.getCurrentContext().getName();
        try (KubernetesClient client = new KubernetesClientBuilder().withConfig(config).build()) {
            String version = client.getKubernetesVersion().getGitVersion();
            boolean capi = client.apiextensions().v1().customResourceDefinitions()
                    .withName("clusters.cluster.x-k8s.io").get() != null;
            String server = config.getMasterUrl().replaceAll("/+$", "");
            return new ManagementCluster(context, server, kubeconfig, version, capi);
        } catch (KubernetesClientException e) {
            throw new ConnectionException("cannot reach " + config.getMasterUrl() + " (context " + context + "): "
                    + e.getMessage(), e);
        }
    }
}
