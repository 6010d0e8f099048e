package dev.capiconsole.cli;

import dev.capiconsole.images.ImageList;
import dev.capiconsole.images.MirrorScript;
import dev.capiconsole.images.QuickstartImages;
import dev.capiconsole.install.ImageOverrides;
import dev.capiconsole.install.InitImages;
import dev.capiconsole.install.InitRequest;
import dev.capiconsole.install.InitSetup;
import dev.capiconsole.install.InstallException;
import dev.capiconsole.install.MetalLb;
import dev.capiconsole.templates.VariableValues;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code capi-console images list}: every image a quickstart pulls, as text or as a mirror script. */
@Command(name = "images", mixinStandardHelpOptions = true, description = "Container images for air-gapped installs.",
        subcommands = ImagesCommand.ListImages.class)
final class ImagesCommand {

    @Command(name = "list", mixinStandardHelpOptions = true, sortOptions = false, description = {
        "List every image a quickstart pulls, as published (what a mirror copies from): cert-manager and the "
            + "providers of a first init, MetalLB, the CNI add-on, the kind node image, and what kubeadm pulls for "
            + "the workload cluster's Kubernetes version. -o script writes a shell script that copies them to a "
            + "private registry with crane or skopeo."})
    static final class ListImages implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--for", paramLabel = "WHAT", defaultValue = "quickstart",
                description = "What the list is for: quickstart (default).")
        String purpose;

        @Mixin
        ProviderFlags providers = new ProviderFlags();

        @Option(names = "--cni", paramLabel = "NAME", defaultValue = "calico",
                description = "The CNI add-on: calico (default), cilium, flannel or none.")
        String cni;

        @Option(names = "--metallb", arity = "0..1", paramLabel = "VERSION", fallbackValue = MetalLb.DEFAULT_VERSION,
                description = "Also MetalLB (default version: " + MetalLb.DEFAULT_VERSION + ").")
        String metallb;

        @Option(names = "--kubernetes-version", paramLabel = "VERSION", description = "The workload cluster's "
                + "Kubernetes version (default: KUBERNETES_VERSION from the environment or the clusterctl config file).")
        String kubernetesVersion;

        @Option(names = "--image-repository", paramLabel = "REPOSITORY",
                description = "kubeadm's image repository (default: registry.k8s.io).")
        String imageRepository;

        @Option(names = "--kind-node-image", paramLabel = "IMAGE",
                description = "The management cluster's kind node image (default: kindest/node at the Kubernetes version).")
        String kindNodeImage;

        @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", defaultValue = "text",
                description = "text (one image a line, default) or script (a mirror script).")
        String output;

        @Mixin
        ReleaseSourceOptions sources = new ReleaseSourceOptions();

        @Override
        public Integer call() {
            if (!"quickstart".equals(purpose)) {
                throw new InstallException("--for " + purpose + ": only quickstart is known");
            }
            if (!List.of("text", "script").contains(output)) {
                throw new InstallException("-o " + output + ": use text or script");
            }
            PrintWriter out = spec.commandLine().getOut();
            InitSetup setup = sources.setup(null);
            String version = kubernetesVersion != null ? kubernetesVersion
                    : VariableValues.of(setup.environment()).get("KUBERNETES_VERSION");
            if (version == null || version.isBlank()) {
                throw new InstallException("name the workload cluster's Kubernetes version: --kubernetes-version "
                        + "(e.g. v1.33.1), or set KUBERNETES_VERSION");
            }
            List<String> infrastructure = providers.infrastructure.isEmpty() ? List.of("docker")
                    : providers.infrastructure;
            InitRequest request = new InitRequest(providers.core, providers.bootstrap, providers.controlPlane,
                    infrastructure, providers.ipam, null, Map.of(), false, null, null, null);
            InitImages init = new InitImages(null, setup.repository(), setup.certManager(), ImageOverrides.NONE);
            ImageList list = new QuickstartImages(setup.repository(), init,
                    ReleaseSourceOptions.addonSources(setup)).list(new QuickstartImages.Request(request, cni, metallb,
                    kindNodeImage, version, imageRepository));
            out.print("script".equals(output) ? MirrorScript.render(list, "a Cluster API quickstart ("
                    + String.join(", ", infrastructure) + ", Kubernetes " + version + ")") : list.text());
            out.flush();
            return 0;
        }
    }
}
