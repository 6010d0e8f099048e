package dev.capiconsole.cli;

import dev.capiconsole.operations.Change;
import dev.capiconsole.operations.ChangeApplier;
import dev.capiconsole.operations.ChangePlanner;
import dev.capiconsole.operations.ClusterObjects;
import dev.capiconsole.operations.AlreadyDone;
import dev.capiconsole.operations.OperationRefused;
import dev.capiconsole.topology.CapiObject;
import dev.capiconsole.topology.V1Beta1Core;
import dev.capiconsole.upgradeplan.UpgradeState;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Day-2 operations from the command line: each one reads the objects fresh, prints the change it will make, and
 * makes it only after a yes ({@code --yes} answers it; {@code --dry-run} stops after printing).
 */
final class OperationCommands {

    private OperationCommands() {
    }

    /** What every operation shares: the management cluster, the Cluster, and how to confirm. */
    static final class Common {
        @Mixin
        ClusterTarget target = new ClusterTarget();

        @Option(names = {"-y", "--yes"}, description = "Make the change without asking.")
        boolean yes;

        @Option(names = "--dry-run", description = "Print the change and stop.")
        boolean dryRun;

        int run(CommandSpec spec, String cluster, Function<ClusterObjects, Change> plan) {
            return run(spec, cluster, (client, objects) -> plan.apply(objects));
        }

        /** As above, for a plan that reads more than the Cluster's objects. */
        int run(CommandSpec spec, String cluster, BiFunction<KubernetesClient, ClusterObjects, Change> plan) {
            try (ManagementTarget.Connection management = target.open()) {
                KubernetesClient client = management.client();
                String ns = management.namespace();
                Change change;
                try {
                    change = plan.apply(client, ClusterObjects.read(client, ns, cluster));
                } catch (AlreadyDone done) {
                    return nothingToChange(spec, done);
                }
                return confirmAndApply(spec, client, change, null,
                        () -> plan.apply(client, ClusterObjects.read(client, ns, cluster)));
            }
        }

        /**
         * What was asked is what the cluster already declares, e.g. an upgrade or a scale run again after it was cut
         * off: success, so that repeating a command is safe.
         */
        static int nothingToChange(CommandSpec spec, AlreadyDone done) {
            PrintWriter out = spec.commandLine().getOut();
            out.println("Nothing to change: " + done.getMessage() + ".");
            out.flush();
            return 0;
        }

        /** Prints the change, asks (or takes --yes / the typed name), applies it; 0 when made or dry run. */
        int confirmAndApply(CommandSpec spec, KubernetesClient client, Change change, String typeToConfirm,
                            Supplier<Change> replan) {
            PrintWriter out = spec.commandLine().getOut();
            out.print(change.describe());
            out.flush();
            if (dryRun) {
                out.println("Dry run: nothing was changed.");
                out.flush();
                return 0;
            }
            if (!yes) {
                String question = typeToConfirm == null ? "Make this change? [y/N] "
                        : "Type the cluster's name (" + typeToConfirm + ") to delete it: ";
                String answer = ask(out, question);
                boolean confirmed = typeToConfirm == null ? answer.equalsIgnoreCase("y")
                        || answer.equalsIgnoreCase("yes") : answer.equals(typeToConfirm);
                if (!confirmed) {
                    out.println("Nothing was changed.");
                    out.flush();
                    return 1;
                }
            }
            ChangeApplier.applyReviewed(client, change, replan);
            out.println("Done: " + change.summary() + ".");
            out.flush();
            return 0;
        }

        private static String ask(PrintWriter out, String question) {
            out.print(question);
            out.flush();
            try {
                String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
                return line == null ? "" : line.trim();
            } catch (IOException e) {
                return "";
            }
        }
    }

    @Command(name = "scale", mixinStandardHelpOptions = true, description = {
        "Scale a cluster's control plane or one of its MachineDeployments.",
        "ClusterClass clusters are scaled through spec.topology (the topology controller would undo a direct change)."})
    static final class Scale implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "CLUSTER", description = "The Cluster's name.")
        String cluster;

        static final class What {
            @Option(names = "--control-plane", description = "Scale the control plane.")
            boolean controlPlane;

            @Option(names = "--machine-deployment", paramLabel = "NAME",
                    description = "Scale this MachineDeployment (its own name or its name in the topology, e.g. md-0).")
            String machineDeployment;
        }

        @ArgGroup(exclusive = true, multiplicity = "1")
        What what;

        @Option(names = "--replicas", required = true, paramLabel = "N", description = "The new number of machines.")
        int replicas;

        @Mixin
        Common common = new Common();

        @Override
        public Integer call() {
            return common.run(spec, cluster, objects -> what.controlPlane
                    ? ChangePlanner.scaleControlPlane(objects.cluster(), objects.controlPlane(), replicas)
                    : ChangePlanner.scaleMachineDeployment(objects.cluster(),
                    objects.machineDeployment(what.machineDeployment), replicas));
        }
    }

    @Command(name = "cluster", mixinStandardHelpOptions = true, description = {
        "Upgrade a cluster's Kubernetes version: the topology version of a ClusterClass cluster, else its control "
            + "plane (then each MachineDeployment with --machine-deployment). One minor version at a time, unless the "
            + "cluster's ClusterClass lists kubernetesVersions: then any later one of them, and Cluster API chains "
            + "the upgrade through the minors between (see get upgrade-plan)."})
    static final class Upgrade implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "CLUSTER", description = "The Cluster's name.")
        String cluster;

        @Option(names = "--kubernetes-version", required = true, paramLabel = "VERSION", description = "e.g. v1.36.1")
        String version;

        @Option(names = "--machine-deployment", paramLabel = "NAME",
                description = "Upgrade this MachineDeployment of a cluster without topology (after its control plane).")
        String machineDeployment;

        @Mixin
        Common common = new Common();

        @Override
        public Integer call() {
            return common.run(spec, cluster, (client, objects) -> machineDeployment == null
                    ? ChangePlanner.upgrade(objects.cluster(), objects.controlPlane(), version,
                            UpgradeState.classVersions(client, objects.cluster()))
                    : ChangePlanner.upgradeMachineDeployment(objects.machineDeployment(machineDeployment),
                    objects.controlPlane() == null ? "" : objects.controlPlane().text("spec", "version"), version));
        }
    }

    @Command(name = "rollout", mixinStandardHelpOptions = true, description = "Roll out machines again.",
            subcommands = Restart.class)
    static final class Rollout {
    }

    @Command(name = "restart", mixinStandardHelpOptions = true, description = {
        "Replace every machine of a KubeadmControlPlane or MachineDeployment, as clusterctl alpha rollout restart "
            + "does (RESOURCE is kubeadmcontrolplane/NAME or machinedeployment/NAME)."})
    static final class Restart implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "RESOURCE", description = "kubeadmcontrolplane/NAME or "
                + "machinedeployment/NAME")
        String resource;

        @Mixin
        Common common = new Common();

        @Override
        public Integer call() {
            String[] parts = resource.toLowerCase().split("/", 2);
            if (parts.length != 2 || parts[1].isEmpty()) {
                throw new OperationRefused("arguments must be in resource/name format (e.g. machinedeployment/md-1)");
            }
            String kind = switch (parts[0]) {
                case "machinedeployment" -> "MachineDeployment";
                case "kubeadmcontrolplane" -> "KubeadmControlPlane";
                default -> throw new OperationRefused("Invalid resource type " + parts[0]
                        + ". Valid values: [machinedeployment kubeadmcontrolplane]");
            };
            try (ManagementTarget.Connection management = common.target.open()) {
                KubernetesClient client = management.client();
                String ns = management.namespace();
                String group = kind.equals("KubeadmControlPlane") ? "controlplane.cluster.x-k8s.io" : "cluster.x-k8s.io";
                String apiVersion = group + "/" + V1Beta1Core.servedVersion(client);
                // Read fresh each time: controllers move the Cluster's status between a read and the write.
                Supplier<Change> plan = () -> {
                    var found = client.genericKubernetesResources(apiVersion, kind).inNamespace(ns).withName(parts[1])
                            .get();
                    if (found == null) {
                        throw new OperationRefused("failed to fetch " + parts[0] + "/" + parts[1] + ": not found in "
                                + "namespace " + ns);
                    }
                    CapiObject target = CapiObject.unstructured(Serialization.jsonMapper().convertValue(found,
                            Map.class));
                    String clusterName = String.valueOf(target.labels().getOrDefault("cluster.x-k8s.io/cluster-name",
                            ""));
                    CapiObject cluster = clusterName.isEmpty() ? null : ClusterObjects.read(client, ns, clusterName)
                            .cluster();
                    return ChangePlanner.rolloutRestart(cluster, target, Instant.now());
                };
                return common.confirmAndApply(spec, client, plan.get(), null, plan);
            }
        }
    }

    @Command(name = "pause", mixinStandardHelpOptions = true,
            description = "Pause a Cluster (spec.paused): its controllers stop changing it until it is resumed.")
    static final class Pause extends OnCluster {
        @Override
        Change plan(ClusterObjects objects) {
            return ChangePlanner.pause(objects.cluster(), true);
        }
    }

    @Command(name = "resume", mixinStandardHelpOptions = true, description = "Resume a paused Cluster.")
    static final class Resume extends OnCluster {
        @Override
        Change plan(ClusterObjects objects) {
            return ChangePlanner.pause(objects.cluster(), false);
        }
    }

    /** A command on one Cluster that plans a single change from its objects. */
    abstract static class OnCluster implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "CLUSTER")
        String cluster;

        @Mixin
        Common common = new Common();

        abstract Change plan(ClusterObjects objects);

        @Override
        public Integer call() {
            return common.run(spec, cluster, this::plan);
        }
    }

    @Command(name = "delete", mixinStandardHelpOptions = true, description = "Delete a cluster or one machine.",
            subcommands = {DeleteCluster.class, DeleteMachine.class})
    static final class Delete {
    }

    @Command(name = "cluster", mixinStandardHelpOptions = true, description = {
        "Delete a Cluster and everything Cluster API made for it. Asks for its name to be typed (or --confirm NAME);"
            + " --wait follows the deletion until the Cluster is gone."})
    static final class DeleteCluster implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "CLUSTER")
        String cluster;

        @Option(names = "--confirm", paramLabel = "NAME", description = "The cluster's name again, instead of typing it.")
        String confirm;

        @Option(names = "--wait", description = "Follow the deletion until the Cluster is gone.")
        boolean await;

        @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "10m",
                description = "How long --wait waits (default: ${DEFAULT-VALUE}).")
        String timeout;

        @Mixin
        Common common = new Common();

        @Override
        public Integer call() throws InterruptedException {
            if (confirm != null && !confirm.equals(cluster)) {
                throw new OperationRefused("--confirm " + confirm + " does not match the cluster's name " + cluster
                        + ": nothing was deleted");
            }
            Duration limit = Durations.parse(timeout);
            try (ManagementTarget.Connection management = common.target.open()) {
                KubernetesClient client = management.client();
                String ns = management.namespace();
                ClusterObjects objects = ClusterObjects.read(client, ns, cluster);
                boolean saved = common.yes;
                common.yes = common.yes || confirm != null;
                int result = common.confirmAndApply(spec, client, ChangePlanner.deleteCluster(objects.cluster()),
                        cluster, () -> ChangePlanner.deleteCluster(ClusterObjects.read(client, ns, cluster).cluster()));
                common.yes = saved;
                if (result != 0 || common.dryRun || !await) {
                    return result;
                }
                return follow(client, ns, limit);
            }
        }

        private int follow(KubernetesClient client, String ns, Duration limit) throws InterruptedException {
            PrintWriter out = spec.commandLine().getOut();
            Instant start = Instant.now();
            String last = "";
            String core = "cluster.x-k8s.io/" + V1Beta1Core.servedVersion(client);
            while (Duration.between(start, Instant.now()).compareTo(limit) < 0) {
                var current = client.genericKubernetesResources(core, "Cluster").inNamespace(ns).withName(cluster)
                        .get();
                if (current == null) {
                    out.println(CapiObject.display("Cluster", ns, cluster) + " is gone ("
                            + Duration.between(start, Instant.now()).toSeconds() + " s).");
                    out.flush();
                    return 0;
                }
                long machines = client.genericKubernetesResources(core, "Machine").inNamespace(ns)
                        .withLabel("cluster.x-k8s.io/cluster-name", cluster).list().getItems().size();
                String now = machines + " machines left";
                if (!now.equals(last)) {
                    out.println("Deleting: " + now);
                    out.flush();
                    last = now;
                }
                Thread.sleep(1000);
            }
            throw new OperationRefused(CapiObject.display("Cluster", ns, cluster) + " is still there after " + timeout
                    + " (is it paused? see capi-console describe cluster " + cluster + " -n " + ns + ")");
        }
    }

    @Command(name = "machine", mixinStandardHelpOptions = true, description = {
        "Delete one Machine; its MachineSet or KubeadmControlPlane replaces it. The only control plane machine is "
            + "refused."})
    static final class DeleteMachine implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "MACHINE")
        String machine;

        @Option(names = "--cluster", required = true, paramLabel = "NAME", description = "The Machine's Cluster.")
        String cluster;

        @Mixin
        Common common = new Common();

        @Override
        public Integer call() {
            return common.run(spec, cluster, objects -> ChangePlanner.deleteMachine(objects.machine(machine),
                    objects.controlPlaneMachines()));
        }
    }

    /** Go-style durations for --timeout: 90s, 10m, 1h. */
    static final class Durations {
        private Durations() {
        }

        static Duration parse(String text) {
            Matcher m = Pattern.compile("(\\d+)(s|m|h)").matcher(text);
            if (!m.matches()) {
                throw new OperationRefused("--timeout must look like 90s, 10m or 1h, got " + text);
            }
            long n = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                default -> Duration.ofHours(n);
            };
        }
    }
}
