package dev.capiconsole.connection;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.nio.file.Path;

/**
 * A management cluster the console reached: where it is, what it runs, whether Cluster API is installed, and the one
 * client every feature uses to talk to it. The connection owns that client: callers never close it; {@link #close()}
 * does, when the window leaves this management cluster.
 */
public final class ManagementCluster implements AutoCloseable {

    private final String name;
    private final String server;
    private final Path source;
    private final String kubeconfig;
    private final String kubernetesVersion;
    private final boolean clusterApiInstalled;
    private KubernetesClient client;
    private boolean closed;

    /**
     * @param name the kubeconfig context
     * @param server the API server URL
     * @param source the kubeconfig file the context comes from
     * @param kubeconfig a self-contained kubeconfig for just this context (holds credentials: never log or show it)
     * @param kubernetesVersion the server's git version, e.g. {@code v1.36.3}
     * @param clusterApiInstalled whether the {@code cluster.x-k8s.io} API group is served
     */
    public ManagementCluster(String name, String server, Path source, String kubeconfig, String kubernetesVersion,
                             boolean clusterApiInstalled) {
        this.name = name;
        this.server = server;
        this.source = source;
        this.kubeconfig = kubeconfig;
        this.kubernetesVersion = kubernetesVersion;
        this.clusterApiInstalled = clusterApiInstalled;
    }

    public String name() {
        return name;
    }

    public String server() {
        return server;
    }

    public Path source() {
        return source;
    }

    /** Holds credentials: never log or show it. */
    public String kubeconfig() {
        return kubeconfig;
    }

    public String kubernetesVersion() {
        return kubernetesVersion;
    }

    public boolean clusterApiInstalled() {
        return clusterApiInstalled;
    }

    /** The connection's client, opened on first use and shared; do not close it. */
    public synchronized KubernetesClient client() {
        if (closed) {
            throw new ConnectionException("the connection to " + name + " was closed", null);
        }
        if (client == null) {
            client = new KubernetesClientBuilder().withConfig(Config.fromKubeconfig(name, kubeconfig, null)).build();
        }
        return client;
    }

    /** Closes the client; work still using it fails, as its result no longer matters. */
    @Override
    public synchronized void close() {
        closed = true;
        if (client != null) {
            client.close();
            client = null;
        }
    }

    @Override
    public String toString() {
        return "ManagementCluster[" + name + " " + server + "]";
    }
}
