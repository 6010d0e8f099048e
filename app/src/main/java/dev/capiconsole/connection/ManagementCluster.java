package dev.capiconsole.connection;

import java.nio.file.Path;

/**
 * A management cluster the console reached: where it is, what it runs, and whether Cluster API is installed.
 *
 * @param name the kubeconfig context
 * @param server the API server URL
 * @param source the kubeconfig file the context comes from
 * @param kubeconfig a self-contained kubeconfig for just this context (holds credentials: never log or show it)
 * @param kubernetesVersion the server's git version, e.g. {@code v1.36.3}
 * @param clusterApiInstalled whether the {@code clusters.cluster.x-k8s.io} CRD is served
 */
public record ManagementCluster(String name, String server, Path source, String kubeconfig, String kubernetesVersion,
                                boolean clusterApiInstalled) {

    @Override
    public String toString() {
        return "ManagementCluster[" + name + " " + server + "]";
    }
}
