package dev.capiconsole.cli;

import dev.capiconsole.bootstrap.BootstrapException;
import dev.capiconsole.bootstrap.KindClusterConfig;
import dev.capiconsole.bootstrap.KindRunner;
import dev.capiconsole.bootstrap.LocalTool;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code capi-console kind create|delete|list}: a local kind cluster to become a management cluster. */
@Command(name = "kind", mixinStandardHelpOptions = true,
        description = "Local kind clusters (needs docker and kind on the PATH).",
        subcommands = {KindCommand.Create.class, KindCommand.Delete.class, KindCommand.ListClusters.class,
            KindLoadCommand.class})
final class KindCommand {

    static KindRunner runner(PrintWriter out, boolean quiet) {
        String path = System.getenv("PATH");
        List<java.nio.file.Path> extra = dev.capiconsole.connection.ExecPath.commonToolFolders();
        LocalTool docker = LocalTool.probe("docker", List.of("version", "--format", "{{.Server.Version}}"), path,
                extra);
        LocalTool kind = LocalTool.probe("kind", List.of("version"), path, extra);
        if (!quiet) {
            out.println("Using " + kind.version() + " (" + kind.path() + ") with Docker engine " + docker.version());
        }
        return new KindRunner(kind.path());
    }

    @Command(name = "create", mixinStandardHelpOptions = true, description = {
        "Create a kind cluster to use as a management cluster. For Cluster API's docker provider (the default) the "
            + "host's Docker socket is mounted into the node, as the Cluster API quick start does."})
    static final class Create implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "NAME", defaultValue = "capi-management",
                description = "The kind cluster's name (default: ${DEFAULT-VALUE}).")
        String name;

        @Option(names = "--kubernetes-version", paramLabel = "VERSION",
                description = "The node image's Kubernetes version, e.g. v1.33.1 (default: kind's own).")
        String kubernetesVersion;

        @Option(names = "--node-image", paramLabel = "IMAGE", description = "A node image, e.g. kindest/node:v1.33.1.")
        String nodeImage;

        @Option(names = "--workers", paramLabel = "N", defaultValue = "0", description = "Worker nodes (default: 0).")
        int workers;

        @Option(names = "--docker-provider", negatable = true, defaultValue = "true", fallbackValue = "true",
                description = "Mount the Docker socket for Cluster API's docker provider (default: true).")
        boolean dockerProvider;

        @Option(names = "--print-config", description = "Print the kind config and stop.")
        boolean printConfig;

        @Option(names = "--kubeconfig", paramLabel = "FILE",
                description = "Write the context to FILE instead of the default kubeconfig.")
        Path kubeconfig;

        @Override
        public Integer call() throws Exception {
            if (kubernetesVersion != null && nodeImage != null) {
                throw new BootstrapException("give either --kubernetes-version or --node-image, not both");
            }
            String image = nodeImage != null ? nodeImage
                    : kubernetesVersion != null ? KindClusterConfig.imageFor(kubernetesVersion) : null;
            KindClusterConfig config = new KindClusterConfig(name, image, workers, dockerProvider);
            PrintWriter out = spec.commandLine().getOut();
            if (printConfig) {
                out.print(config.yaml());
                out.flush();
                return 0;
            }
            KindRunner runner = runner(out, false);
            Path work = Files.createTempDirectory("capi-console-kind");
            String[] error = {null};
            KindRunner.Creation creation = runner.create(config, work, kubeconfig, progress -> {
                switch (progress.kind()) {
                    case STEP_DONE -> out.println("  ✓ " + progress.text());
                    case STEP_FAILED -> out.println("  ✗ " + progress.text());
                    case ERROR -> error[0] = progress.text();
                    case STEP_STARTED -> { }
                    default -> out.println("  " + progress.text());
                }
                out.flush();
            });
            Runtime.getRuntime().addShutdownHook(new Thread(creation::cancel));
            int exit = creation.exit().join();
            if (exit != 0) {
                throw new BootstrapException("kind create cluster failed (exit " + exit + "): "
                        + (error[0] == null ? "see its output above" : error[0]));
            }
            out.println("Kind cluster " + name + " is ready: context " + config.context()
                    + (kubeconfig == null ? "" : " in " + kubeconfig) + ". Install Cluster API on it with: "
                    + "capi-console init --infrastructure docker --set CLUSTER_TOPOLOGY=true --kubeconfig-context "
                    + config.context() + (kubeconfig == null ? "" : " --kubeconfig " + kubeconfig));
            out.flush();
            return 0;
        }
    }

    @Command(name = "delete", mixinStandardHelpOptions = true, description = "Delete a kind cluster.")
    static final class Delete implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            out.print(runner(out, true).delete(name));
            out.flush();
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the local kind clusters.")
    static final class ListClusters implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            List<String> clusters = runner(out, true).clusters();
            out.println(clusters.isEmpty() ? "No kind clusters." : String.join("\n", clusters));
            out.flush();
            return 0;
        }
    }
}
