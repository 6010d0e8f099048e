package dev.capiconsole.cli;

import dev.capiconsole.connection.ExecPath;
import dev.capiconsole.connection.KubeContext;
import dev.capiconsole.connection.KubeconfigSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * The management cluster a command works on: {@code --kubeconfig} and {@code --kubeconfig-context}, as clusterctl
 * takes them. {@link ClusterTarget} adds a Cluster's namespace.
 */
final class ManagementTarget {

    /** An open management cluster: the context chosen, the namespace resolved, and a client the caller closes. */
    record Connection(KubeContext context, String namespace, KubernetesClient client) implements AutoCloseable {
        @Override
        public void close() {
            client.close();
        }
    }

    @Option(names = "--kubeconfig", paramLabel = "FILE",
            description = "Path to the kubeconfig file (default: $KUBECONFIG, else ~/.kube/config).")
    Path kubeconfig;

    @Option(names = "--kubeconfig-context", paramLabel = "NAME",
            description = "Context to use within the kubeconfig file (default: its current context).")
    String context;

    /** Opens the chosen context, in its own namespace. */
    Connection open() {
        return open(null);
    }

    /** Opens the chosen context; {@code namespace} wins over the context's own when not null. */
    Connection open(String namespace) {
        return open(load(), namespace);
    }

    /**
     * The chosen context when a kubeconfig has one; without {@code required}, a missing or unusable kubeconfig
     * is no error (commands that can work without a management cluster).
     */
    Optional<Connection> openIfConfigured(boolean required) {
        try {
            KubeconfigSet set = load();
            return set.contexts().isEmpty() ? Optional.empty() : Optional.of(open(set, null));
        } catch (RuntimeException e) {
            if (required) {
                throw e;
            }
            return Optional.empty();
        }
    }

    private Connection open(KubeconfigSet set, String namespace) {
        KubeContext selected = selected(set);
        KubernetesClient client = new KubernetesClientBuilder()
                .withConfig(set.configFor(selected.name(), ExecPath.system(List.of()))).build();
        return new Connection(selected, namespace != null ? namespace : selected.namespace(), client);
    }

    private KubeconfigSet load() {
        List<Path> files = kubeconfig != null ? List.of(kubeconfig)
                : KubeconfigSet.defaultFiles(System.getenv(), Path.of(System.getProperty("user.home")));
        if (kubeconfig != null && !kubeconfig.toFile().exists()) {
            throw new IllegalArgumentException("the kubeconfig " + kubeconfig + " does not exist");
        }
        return KubeconfigSet.load(files);
    }

    private KubeContext selected(KubeconfigSet set) {
        String name = context != null ? context : set.currentContext().orElseThrow(() ->
                new IllegalArgumentException("no current context in " + set.files()
                        + "; name one with --kubeconfig-context"));
        return set.contexts().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow(() ->
                new IllegalArgumentException("no context named '" + name + "' in " + set.files()));
    }
}
