package dev.capiconsole.cli;

import dev.capiconsole.addons.ClusterResourceSets;
import dev.capiconsole.addons.ResourceSetRow;
import dev.capiconsole.install.InstalledProvider;
import dev.capiconsole.install.Inventory;
import dev.capiconsole.install.NewestRelease;
import dev.capiconsole.install.ReleaseRepository;
import dev.capiconsole.workload.KubeconfigMerge;
import dev.capiconsole.workload.NodeRow;
import dev.capiconsole.workload.PodDetails;
import dev.capiconsole.workload.PodLogs;
import dev.capiconsole.workload.PodRow;
import dev.capiconsole.workload.WorkloadException;
import dev.capiconsole.workload.WorkloadKubeconfig;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code capi-console get kubeconfig|pods|nodes}: a workload cluster, through its kubeconfig Secret. */
@Command(name = "get", mixinStandardHelpOptions = true,
        description = "Get information about workload clusters, and the providers of the management cluster.",
        subcommands = {GetCommand.Kubeconfig.class, GetCommand.Pods.class, GetCommand.Nodes.class, GetCommand.PodDescription.class,
                GetCommand.Logs.class, GetCommand.Providers.class, GetCommand.ResourceSets.class, ProblemsCommand.class,
                ControllerLogsCommand.class, ClusterClassesCommand.class, UpgradePlanCommand.class})
final class GetCommand {

    /** The kubeconfig of workload Cluster {@code name}, read from its Secret in the management cluster. */
    static WorkloadKubeconfig workloadKubeconfig(ClusterTarget target, String name) {
        try (ManagementTarget.Connection management = target.open()) {
            return WorkloadKubeconfig.read(management.client(), management.namespace(), name);
        }
    }

    /** The workload cluster of {@code --cluster}, reached through its kubeconfig Secret (pods, nodes, pod, logs). */
    static final class WorkloadCluster {
        @Option(names = "--cluster", required = true, paramLabel = "NAME", description = "The workload Cluster.")
        String name;

        @Mixin
        ClusterTarget target = new ClusterTarget();

        /** Runs {@code work} with a client of the workload cluster, explaining an unreachable or refusing server. */
        <T> T withClient(Function<KubernetesClient, T> work) {
            WorkloadKubeconfig kubeconfig = workloadKubeconfig(target, name);
            try (KubernetesClient workload = kubeconfig.client()) {
                return work.apply(workload);
            } catch (KubernetesClientException e) {
                throw kubeconfig.explain(e);
            }
        }
    }

    @Command(name = "kubeconfig", mixinStandardHelpOptions = true,
            description = "Print (or save, or merge) the kubeconfig of a workload cluster, as clusterctl does.")
    static final class Kubeconfig implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "NAME", description = "The Cluster's name.")
        String name;

        @Mixin
        ClusterTarget target = new ClusterTarget();

        @Option(names = "--write-to", paramLabel = "FILE", description = "Save it to FILE (mode 0600).")
        Path writeTo;

        @Option(names = "--merge-into", paramLabel = "FILE", description = "Add it to an existing kubeconfig FILE "
                + "as a new context (the previous file is kept as FILE.bak; same-named entries are replaced).")
        Path mergeInto;

        @Override
        public Integer call() throws IOException {
            WorkloadKubeconfig kubeconfig = workloadKubeconfig(target, name);
            PrintWriter out = spec.commandLine().getOut();
            if (writeTo != null) {
                KubeconfigMerge.save(writeTo, kubeconfig.text());
                out.println("Wrote the kubeconfig of " + kubeconfig.namespace() + "/" + name + " to " + writeTo
                        + " (mode 0600). Use it with: kubectl --kubeconfig " + writeTo + " get nodes");
            } else if (mergeInto != null) {
                KubeconfigMerge.Result result = KubeconfigMerge.merge(mergeInto, kubeconfig.text(), false);
                out.println("Added context " + result.context() + " to " + mergeInto
                        + (result.replaced().isEmpty() ? "" : " (replaced " + String.join(", ", result.replaced())
                        + ")") + (result.backup() == null ? "" : "; the previous file is " + result.backup()) + ".");
                out.println("Use it with: kubectl --kubeconfig " + mergeInto + " --context " + result.context()
                        + " get nodes");
            } else {
                out.println(kubeconfig.text()); // clusterctl prints it with a line break after it, too
            }
            out.flush();
            return 0;
        }
    }

    @Command(name = "pods", mixinStandardHelpOptions = true, description = "List the pods of a workload cluster.")
    static final class Pods implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        WorkloadCluster cluster = new WorkloadCluster();

        @Option(names = {"-A", "--all-namespaces"}, description = "Pods of every namespace of the workload cluster.")
        boolean allNamespaces;

        @Option(names = "--pod-namespace", paramLabel = "NS", defaultValue = "default",
                description = "Namespace of the workload cluster to list (default: ${DEFAULT-VALUE}).")
        String podNamespace;

        @Override
        public Integer call() {
            List<PodRow> rows = cluster.withClient(workload -> {
                List<Pod> pods = allNamespaces ? workload.pods().inAnyNamespace().list().getItems()
                        : workload.pods().inNamespace(podNamespace).list().getItems();
                Instant now = Instant.now();
                return pods.stream().map(p -> PodRow.of(p, now)).sorted(Comparator.comparing(PodRow::namespace)
                        .thenComparing(PodRow::name)).toList();
            });
            TextTable table = new TextTable(0, 3);
            if (allNamespaces) {
                table.row("NAMESPACE", "NAME", "READY", "STATUS", "RESTARTS", "AGE", "IP", "NODE");
            } else {
                table.row("NAME", "READY", "STATUS", "RESTARTS", "AGE", "IP", "NODE");
            }
            for (PodRow row : rows) {
                if (allNamespaces) {
                    table.row(row.namespace(), row.name(), row.ready(), row.status(), String.valueOf(row.restarts()),
                            row.age(), row.ip(), row.node());
                } else {
                    table.row(row.name(), row.ready(), row.status(), String.valueOf(row.restarts()), row.age(),
                            row.ip(), row.node());
                }
            }
            PrintWriter out = spec.commandLine().getOut();
            if (rows.isEmpty()) {
                out.println("No pods in " + (allNamespaces ? "any namespace" : "namespace " + podNamespace)
                        + " of workload cluster " + cluster.name + ".");
            } else {
                table.print(out);
            }
            out.flush();
            return 0;
        }
    }

    @Command(name = "nodes", mixinStandardHelpOptions = true, description = "List the nodes of a workload cluster.")
    static final class Nodes implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        WorkloadCluster cluster = new WorkloadCluster();

        @Override
        public Integer call() {
            List<NodeRow> rows = cluster.withClient(workload -> {
                Instant now = Instant.now();
                return workload.nodes().list().getItems().stream().map(n -> NodeRow.of(n, now))
                        .sorted(Comparator.comparing(NodeRow::name)).toList();
            });
            TextTable table = new TextTable(0, 3);
            table.row("NAME", "STATUS", "ROLES", "AGE", "VERSION", "ADDRESSES");
            rows.forEach(r -> table.row(r.name(), r.status(), r.roles(), r.age(), r.version(), r.addresses()));
            PrintWriter out = spec.commandLine().getOut();
            table.print(out);
            out.flush();
            return 0;
        }
    }

    /** One pod of a workload cluster: its name, its namespace there, and the Cluster (shared by pod and logs). */
    static final class PodTarget {
        @Parameters(index = "0", paramLabel = "POD", description = "The pod's name.")
        String name;

        @Mixin
        WorkloadCluster cluster = new WorkloadCluster();

        @Option(names = "--pod-namespace", paramLabel = "NS", defaultValue = "default",
                description = "The pod's namespace in the workload cluster (default: ${DEFAULT-VALUE}).")
        String namespace;

        <T> T withWorkloadClient(Function<KubernetesClient, T> work) {
            return cluster.withClient(work);
        }
    }

    @Command(name = "pod", mixinStandardHelpOptions = true,
            description = "Describe one pod of a workload cluster: containers, conditions and events.")
    static final class PodDescription implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        PodTarget pod = new PodTarget();

        @Override
        public Integer call() {
            PodDetails details = pod.withWorkloadClient(
                    workload -> PodDetails.read(workload, pod.namespace, pod.name, Instant.now()));
            PrintWriter out = spec.commandLine().getOut();
            out.println("Pod:       " + details.namespace() + "/" + details.name());
            out.println("Node:      " + (details.node().isEmpty() ? "<none>" : details.node()));
            out.println("Phase:     " + details.phase());
            out.println("IP:        " + (details.ip().isEmpty() ? "<none>" : details.ip()));
            if (!details.qosClass().isEmpty()) {
                out.println("QoS class: " + details.qosClass());
            }
            out.println();
            if (details.containers().isEmpty()) {
                out.println("Containers: none listed");
            } else {
                TextTable containers = new TextTable(0, 3);
                containers.row("CONTAINER", "IMAGE", "READY", "RESTARTS", "STATE", "LAST STATE");
                details.containers().forEach(c -> containers.row(c.init() ? c.name() + " (init)" : c.name(), c.image(),
                        String.valueOf(c.ready()), String.valueOf(c.restarts()), c.state(),
                        c.lastState().isEmpty() ? "-" : c.lastState()));
                containers.print(out);
            }
            out.println();
            TextTable conditions = new TextTable(0, 3);
            conditions.row("CONDITION", "STATUS", "SINCE", "REASON", "MESSAGE");
            details.conditions().forEach(c -> conditions.row(c.type(), c.status(), c.since(), c.reason(),
                    c.message()));
            conditions.print(out);
            out.println();
            if (!details.eventsNote().isEmpty()) {
                out.println("Events: " + details.eventsNote());
            } else if (details.events().isEmpty()) {
                out.println("Events: <none>");
            } else {
                TextTable events = new TextTable(0, 3);
                events.row("TYPE", "REASON", "AGE", "FROM", "COUNT", "MESSAGE");
                details.events().forEach(e -> events.row(e.type(), e.reason(), e.age(), e.from(),
                        String.valueOf(e.count()), e.message()));
                events.print(out);
            }
            out.flush();
            return 0;
        }
    }

    @Command(name = "logs", mixinStandardHelpOptions = true,
            description = "Print the logs of a container of a workload cluster's pod, as kubectl logs does.")
    static final class Logs implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        PodTarget pod = new PodTarget();

        @Option(names = {"-c", "--container"}, paramLabel = "NAME", description = "The container (pods with several).")
        String container;

        @Option(names = "--tail", paramLabel = "LINES", defaultValue = "0",
                description = "Only the last LINES lines (0, the default: all).")
        int tail;

        @Option(names = {"-p", "--previous"}, description = "The previous, terminated instance of the container.")
        boolean previous;

        @Option(names = {"-f", "--follow"}, description = "Keep printing new lines until interrupted.")
        boolean follow;

        @Override
        public Integer call() throws Exception {
            if (tail < 0) {
                throw new ParameterException(spec.commandLine(),
                        "--tail must not be negative, got " + tail);
            }
            PodLogs.Request request = new PodLogs.Request(pod.namespace, pod.name, container, tail, previous);
            PrintWriter out = spec.commandLine().getOut();
            if (!follow) {
                String text = pod.withWorkloadClient(workload -> PodLogs.tail(workload, request));
                out.print(text);
                out.flush();
                return 0;
            }
            return pod.withWorkloadClient(workload -> {
                try (PodLogs.Following following = PodLogs.follow(workload, request, line -> {
                    out.println(line);
                    out.flush();
                })) {
                    Throwable cause = following.ended().toCompletableFuture().join();
                    if (cause != null) {
                        throw new WorkloadException("the log stream ended: " + cause.getMessage());
                    }
                    return 0;
                }
            });
        }
    }

    @Command(name = "providers", mixinStandardHelpOptions = true, description = {
        "The providers installed in the management cluster (clusterctl's inventory), with --available also the "
            + "newest release each repository offers."})
    static final class Providers implements Callable<Integer> {
        private static String[] header(boolean available) {
            return available ? new String[] {"NAMESPACE", "NAME", "TYPE", "PROVIDER", "VERSION", "AVAILABLE"}
                    : new String[] {"NAMESPACE", "NAME", "TYPE", "PROVIDER", "VERSION"};
        }

        @Spec
        CommandSpec spec;

        @Mixin
        ManagementTarget management = new ManagementTarget();

        @Option(names = "--available", description = "Ask each provider's repository for its newest release.")
        boolean available;

        @Mixin
        ReleaseSourceOptions sources = new ReleaseSourceOptions();

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            List<InstalledProvider> providers;
            String context;
            try (ManagementTarget.Connection connection = management.open()) {
                providers = new Inventory(connection.client()).list();
                context = connection.context().name();
            }
            if (providers.isEmpty()) {
                out.println("No providers installed in " + context + " (no clusterctl inventory). Install "
                        + "them with: capi-console init --infrastructure NAME");
                out.flush();
                return 0;
            }
            ReleaseRepository repository = available ? sources.setup(null).repository() : null;
            TextTable table = new TextTable(0, 2);
            table.row(header(available));
            for (InstalledProvider p : providers) {
                List<String> cells = new ArrayList<>(List.of(p.namespace(), p.name(),
                        p.type().clusterctlName(), p.providerName(), p.version()));
                if (available) {
                    cells.add(NewestRelease.of(repository, p));
                }
                table.row(cells.toArray(String[]::new));
            }
            table.print(out);
            out.flush();
            return 0;
        }
    }

    @Command(name = "crs", aliases = "clusterresourcesets", mixinStandardHelpOptions = true,
            description = "List ClusterResourceSets: selector, resources, strategy, the Clusters they select with "
                    + "their bindings, and ResourcesApplied with its message.")
    static final class ResourceSets implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        ClusterTarget target = new ClusterTarget();

        @Option(names = {"-A", "--all-namespaces"}, description = "Sets of every namespace.")
        boolean allNamespaces;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (ManagementTarget.Connection connection = target.open()) {
                List<ResourceSetRow> rows = new ClusterResourceSets(connection.client())
                        .list(allNamespaces ? null : connection.namespace());
                if (rows.isEmpty()) {
                    out.println("No ClusterResourceSets" + (allNamespaces ? "" : " in " + connection.namespace())
                            + ". Create one with: capi-console crs create NAME --cluster-selector KEY=VALUE --from FILE");
                } else {
                    ResourceSetCommands.print(rows, out);
                }
            }
            out.flush();
            return 0;
        }
    }
}
