package dev.capiconsole.cli;

import dev.capiconsole.install.InitRequest;
import dev.capiconsole.install.InitSetup;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code capi-console init list-images}: what {@code clusterctl init list-images} prints. */
@Command(name = "list-images", mixinStandardHelpOptions = true, description = {
    "List the container images init would install, as clusterctl init list-images prints them: the providers "
        + "asked for (with cluster-api and kubeadm on a first run) and cert-manager when it is not installed yet, "
        + "after the images: overrides of the clusterctl config file."})
final class InitListImagesCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ManagementTarget management = new ManagementTarget();

    @Mixin
    ProviderFlags providers = new ProviderFlags();

    @Option(names = {"-n", "--target-namespace"}, paramLabel = "NAMESPACE",
            description = "Accepted as init takes it; images do not depend on it.")
    String targetNamespace;

    @Mixin
    ReleaseSourceOptions sources = new ReleaseSourceOptions();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        InitSetup setup = sources.setup(null);
        InitRequest request = new InitRequest(providers.core, providers.bootstrap, providers.controlPlane,
                providers.infrastructure, providers.ipam, targetNamespace, Map.of(), false, null, null, null);
        try (ManagementTarget.Connection connection = management.open()) {
            setup.initImages(connection.client()).list(request).forEach(out::println);
        }
        out.flush();
        return 0;
    }
}
