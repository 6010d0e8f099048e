package dev.capiconsole.cli;

import dev.capiconsole.connection.ExecPath;
import dev.capiconsole.connection.KubeContext;
import dev.capiconsole.connection.KubeconfigSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/** {@code --kubeconfig} and {@code --kubeconfig-context}, as clusterctl takes them. */
final class KubeconfigOptions {

    @Option(names = "--kubeconfig", paramLabel = "FILE",
            description = "Path to the kubeconfig file (default: $KUBECONFIG, else ~/.kube/config).")
    Path kubeconfig;

    @Option(names = "--kubeconfig-context", paramLabel = "NAME",
            description = "Context to use within the kubeconfig file (default: its current context).")
    String context;

    KubeconfigSet load() {
        List<Path> files = kubeconfig != null ? List.of(kubeconfig)
                : KubeconfigSet.defaultFiles(System.getenv(), Path.of(System.getProperty("user.home")));
        if (kubeconfig != null && !kubeconfig.toFile().exists()) {
            throw new IllegalArgumentException("the kubeconfig " + kubeconfig + " does not exist");
        }
        return KubeconfigSet.load(files);
    }

    KubeContext selected(KubeconfigSet set) {
        String name = context != null ? context : set.currentContext().orElseThrow(() ->
                new IllegalArgumentException("no current context in " + set.files()
                        + "; name one with --kubeconfig-context"));
        return set.contexts().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow(() ->
                new IllegalArgumentException("no context named '" + name + "' in " + set.files()));
    }

    KubernetesClient client(KubeconfigSet set, KubeContext selected) {
        return new KubernetesClientBuilder().withConfig(set.configFor(selected.name(), ExecPath.system(List.of())))
                .build();
    }
}
