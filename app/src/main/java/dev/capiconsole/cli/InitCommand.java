package dev.capiconsole.cli;

import dev.capiconsole.install.GoDuration;
import dev.capiconsole.install.Init;
import dev.capiconsole.install.InitProgress;
import dev.capiconsole.install.InitRequest;
import dev.capiconsole.install.InitSetup;
import dev.capiconsole.install.InstallException;
import dev.capiconsole.install.MetalLb;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code capi-console init}: clusterctl init's semantics, with each step reported. */
@Command(name = "init", mixinStandardHelpOptions = true, description = {
    "Install Cluster API providers into a management cluster, as clusterctl init does: the inventory CRD, "
        + "cert-manager, the core provider, kubeadm bootstrap and control plane (on a first run) and the providers "
        + "named here. What clusterctl installed is recognised, and running init again is safe."},
        subcommands = InitListImagesCommand.class)
final class InitCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ManagementTarget management = new ManagementTarget();

    @Option(names = "--core", paramLabel = "NAME[:VERSION]", description = "The core provider (default on a first "
            + "run: cluster-api).")
    String core;

    @Option(names = {"-b", "--bootstrap"}, split = ",", paramLabel = "NAME[:VERSION]",
            description = "Bootstrap providers (default on a first run: kubeadm; '-' for none).")
    List<String> bootstrap = new ArrayList<>();

    @Option(names = {"-c", "--control-plane"}, split = ",", paramLabel = "NAME[:VERSION]",
            description = "Control plane providers (default on a first run: kubeadm; '-' for none).")
    List<String> controlPlane = new ArrayList<>();

    @Option(names = {"-i", "--infrastructure"}, split = ",", paramLabel = "NAME[:VERSION]",
            description = "Infrastructure providers, e.g. docker or docker:v1.14.2.")
    List<String> infrastructure = new ArrayList<>();

    @Option(names = "--ipam", split = ",", paramLabel = "NAME[:VERSION]", description = "IPAM providers.")
    List<String> ipam = new ArrayList<>();

    @Option(names = {"-n", "--target-namespace"}, paramLabel = "NAMESPACE",
            description = "Install every provider into this namespace (default: each provider's own).")
    String targetNamespace;

    @Option(names = "--set", paramLabel = "NAME=VALUE",
            description = "A provider variable, e.g. --set CLUSTER_TOPOLOGY=true (wins over the environment).")
    Map<String, String> variables = new LinkedHashMap<>();

    @Mixin
    ReleaseSourceOptions sources = new ReleaseSourceOptions();

    @Option(names = "--metallb", arity = "0..1", paramLabel = "VERSION", fallbackValue = MetalLb.DEFAULT_VERSION,
            description = "Also install MetalLB (default version: " + MetalLb.DEFAULT_VERSION + ") with an address "
                    + "pool on the nodes' network, for load balancers on a local cluster (kubevirt's lb flavor).")
    String metallb;

    @Option(names = "--wait-providers", description = "Wait until the provider Deployments are available.")
    boolean waitProviders;

    @Option(names = "--wait-provider-timeout", paramLabel = "DURATION", defaultValue = "5m",
            description = "How long to wait for the providers (default: ${DEFAULT-VALUE}).")
    String waitProviderTimeout;

    @Option(names = "--cert-manager-timeout", paramLabel = "DURATION",
            description = "How long to wait for cert-manager (default: the config file's, else 10m).")
    String certManagerTimeout;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Duration waitTimeout = duration("--wait-provider-timeout", waitProviderTimeout);
        Duration certTimeout = certManagerTimeout == null ? null : duration("--cert-manager-timeout",
                certManagerTimeout);
        InitSetup setup = sources.setup(out);
        InitRequest request = new InitRequest(core, bootstrap, controlPlane, infrastructure, ipam, targetNamespace,
                variables, waitProviders, waitTimeout, certTimeout, metallb);
        if (metallb == null && infrastructure.stream().anyMatch(i -> MetalLb.neededBy(i.split(":")[0]))) {
            out.println("Note: kubevirt's lb flavor needs load balancers; on a local kind cluster add --metallb.");
        }
        try (ManagementTarget.Connection connection = management.open()) {
            out.println("Installing into " + connection.context().name());
            out.flush();
            Init.Result result = setup.init(connection.client()).run(request, new PrintedProgress(out));
            for (Init.ProviderOutcome outcome : result.providers()) {
                out.println(outcome.provider().label() + " (" + outcome.namespace() + "): " + outcome.detail());
            }
            if (result.firstRun()) {
                out.println();
                out.println("Your management cluster has been initialized successfully!");
                out.println();
                out.println("You can now create your first workload cluster by running the following:");
                out.println();
                out.println("  capi-console generate cluster [name] --kubernetes-version [version] --apply");
            }
            out.flush();
            return 0;
        }
    }

    private static Duration duration(String option, String text) {
        return GoDuration.parse(text).orElseThrow(() -> new InstallException(option + " \"" + text
                + "\" is not a duration (e.g. 90s, 5m, 1h)"));
    }

    /** Steps as lines: "  ✓ cert-manager: already installed". */
    static final class PrintedProgress implements InitProgress {
        private final PrintWriter out;

        PrintedProgress(PrintWriter out) {
            this.out = out;
        }

        @Override
        public void step(Step step, State state, String detail) {
            out.println("  " + state.mark() + " " + step.title()
                    + (detail.isEmpty() || state == State.FAILED ? "" : ": " + detail));
            out.flush();
        }

        @Override
        public void line(String text) {
            out.println("      " + text);
            out.flush();
        }
    }
}
