package dev.capiconsole.bench;

import dev.capiconsole.lab.Lab;
import dev.capiconsole.lab.LabFixture;
import dev.capiconsole.live.Coalescer;
import dev.capiconsole.live.ManagementIndex;
import dev.capiconsole.topology.CapiObject;
import dev.capiconsole.topology.ClusterSummary;
import dev.capiconsole.topology.DescribeOptions;
import dev.capiconsole.topology.DescribeRow;
import dev.capiconsole.topology.DescribeTable;
import dev.capiconsole.topology.DescribeTreeBuilder;
import dev.capiconsole.topology.ObjectRef;
import dev.capiconsole.topology.ObjectSource;
import dev.capiconsole.topology.SnapshotReader;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Measures the describe model and the live index (not a test). {@code model}: one cluster of 5,000 Machines and
 * a source of 50,000 objects. {@code lab SECONDS}: 50 paused clusters of 20 Machines in the embedded lab; time
 * from connect to the full overview, latency from an API change to the rebuilt tree under 100 changes/s, heap;
 * then API requests of the console's watches versus clusterctl describe every 2 s over the same time.
 */
public final class TopologyBenchmark {

    private TopologyBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args.length > 0 ? args[0] : "model";
        if (mode.equals("model")) {
            model();
        } else {
            lab(args.length > 1 ? Integer.parseInt(args[1]) : 60);
        }
    }

    // ---------------------------------------------------------------- pure model

    private static void model() {
        MapSource source = new MapSource();
        for (int c = 0; c < 10; c++) {
            source.addCluster("c" + c, c == 0 ? 5000 : 1250);
        }
        System.out.printf("source: %d objects%n", source.size());
        List<Double> build = new ArrayList<>();
        List<Double> render = new ArrayList<>();
        int rows = 0;
        for (int run = 0; run < 7; run++) {
            long t0 = System.nanoTime();
            var tree = DescribeTreeBuilder.build(new SnapshotReader(source).read("default", "c0"),
                    DescribeOptions.defaults().withGrouping(false), Instant.now());
            long t1 = System.nanoTime();
            List<DescribeRow> list = DescribeTable.rows(tree, Instant.now());
            String text = DescribeTable.format(list);
            long t2 = System.nanoTime();
            rows = list.size() + text.length() * 0;
            build.add((t1 - t0) / 1e6);
            render.add((t2 - t1) / 1e6);
        }
        System.gc();
        long before = usedHeap();
        var kept = DescribeTreeBuilder.build(new SnapshotReader(source).read("default", "c0"),
                DescribeOptions.defaults().withGrouping(false), Instant.now());
        long treeBytes = usedHeap() - before;
        List<Double> grouped = new ArrayList<>();
        for (int run = 0; run < 7; run++) {
            long g0 = System.nanoTime();
            var groupedTree = DescribeTreeBuilder.build(new SnapshotReader(source).read("default", "c0"),
                    DescribeOptions.defaults(), Instant.now());
            DescribeTable.format(DescribeTable.rows(groupedTree, Instant.now()));
            grouped.add((System.nanoTime() - g0) / 1e6);
        }
        System.out.printf("same cluster with grouping (default options): snapshot+build+rows+text median %.1f ms%n",
                median(grouped));
        long t0 = System.nanoTime();
        List<ClusterSummary> overview = source.clusters().stream().map(c -> ClusterSummary.of(c, Instant.now()))
                .toList();
        double overviewMs = (System.nanoTime() - t0) / 1e6;
        System.out.printf("one cluster of 5,000 Machines (grouping off, %d rows): build median %.1f ms, "
                        + "rows+text median %.1f ms, tree ~%d MiB; overview of %d clusters %.1f ms; "
                        + "source of %d objects, heap %d MiB%n",
                rows, median(build), median(render), treeBytes / (1 << 20), overview.size(), overviewMs,
                source.size(), usedHeap() / (1 << 20));
        if (kept.children().isEmpty()) {
            throw new IllegalStateException("empty tree");
        }
    }

    /** An in-memory {@link ObjectSource} of synthetic clusters with healthy and unhealthy Machines. */
    static final class MapSource implements ObjectSource {
        private final Map<String, CapiObject> clusters = new LinkedHashMap<>();
        private final Map<String, List<CapiObject>> lists = new HashMap<>();
        private final Map<String, CapiObject> refs = new HashMap<>();
        private int size;

        void addCluster(String name, int machines) {
            clusters.put(name, CapiObject.typed(object("cluster.x-k8s.io/v1beta2", "Cluster", name,
                    Map.of("infrastructureRef", Map.of("apiGroup", "infrastructure.cluster.x-k8s.io",
                            "kind", "DevCluster", "name", name)), ready())));
            List<CapiObject> list = new ArrayList<>();
            for (int i = 0; i < machines; i++) {
                String machine = name + "-m" + i;
                list.add(CapiObject.typed(object("cluster.x-k8s.io/v1beta2", "Machine", machine, Map.of(
                        "version", "v1.36.0",
                        "infrastructureRef", Map.of("apiGroup", "infrastructure.cluster.x-k8s.io",
                                "kind", "DevMachine", "name", machine),
                        "bootstrap", Map.of("configRef", Map.of("apiGroup", "bootstrap.cluster.x-k8s.io",
                                "kind", "KubeadmConfig", "name", machine))), i % 10 == 0 ? notReady() : ready())));
                refs.put("DevMachine/" + machine, CapiObject.unstructured(object(
                        "infrastructure.cluster.x-k8s.io/v1beta2", "DevMachine", machine, Map.of(), notReady())));
                refs.put("KubeadmConfig/" + machine, CapiObject.unstructured(object(
                        "bootstrap.cluster.x-k8s.io/v1beta2", "KubeadmConfig", machine, Map.of(), ready())));
                size += 3;
            }
            lists.put(name, list);
            size++;
        }

        int size() {
            return size;
        }

        List<CapiObject> clusters() {
            return List.copyOf(clusters.values());
        }

        private static Map<String, Object> object(String apiVersion, String kind, String name, Map<String, Object> spec,
                                                  Map<String, Object> status) {
            Map<String, Object> raw = new LinkedHashMap<>();
            raw.put("apiVersion", apiVersion);
            raw.put("kind", kind);
            raw.put("metadata", Map.of("name", name, "namespace", "default"));
            raw.put("spec", spec);
            raw.put("status", status);
            return raw;
        }

        private static Map<String, Object> ready() {
            return Map.of("conditions", List.of(Map.of("type", "Ready", "status", "True", "reason", "Ready",
                    "lastTransitionTime", "2026-11-26T10:00:00Z")));
        }

        private static Map<String, Object> notReady() {
            return Map.of("conditions", List.of(Map.of("type", "Ready", "status", "False", "reason", "NotReady",
                    "message", "* NodeHealthy: Node not ready", "lastTransitionTime", "2026-11-26T10:00:00Z")));
        }

        @Override
        public CapiObject cluster(String namespace, String name) {
            return clusters.get(name);
        }

        @Override
        public List<CapiObject> list(String kind, String namespace, String clusterName) {
            return kind.equals("Machine") ? lists.getOrDefault(clusterName, List.of()) : List.of();
        }

        @Override
        public CapiObject referenced(ObjectRef ref) {
            return refs.get(ref.kind() + "/" + ref.name());
        }

        @Override
        public String contract(String apiGroup, String kind) {
            return "v1beta2";
        }

        @Override
        public CapiObject resourceSetBinding(String namespace, String clusterName) {
            return null;
        }
    }

    // ---------------------------------------------------------------- against the lab

    private static void lab(int seconds) throws Exception {
        Path data = Files.createTempDirectory("capi-console-topology-bench");
        try (LabFixture fixture = LabFixture.full(data)) {
            Lab lab = fixture.lab();
            KubernetesClient admin = fixture.client();
            int clusters = 50;
            int machinesPerCluster = 20;
            Instant creating = Instant.now();
            LabFleet.create(admin, "bench", clusters, machinesPerCluster);
            System.out.printf("created %d paused clusters x %d Machines in %.1f s%n", clusters, machinesPerCluster,
                    seconds(creating));

            // connect to full overview
            List<Double> connects = new ArrayList<>();
            for (int run = 0; run < 3; run++) {
                Instant start = Instant.now();
                try (KubernetesClient client = lab.client();
                     ManagementIndex index = ManagementIndex.start(client, o -> { })) {
                    List<ClusterSummary> overview = index.clusters().stream()
                            .map(c -> ClusterSummary.of(c, Instant.now())).toList();
                    long machines = index.clusters().stream().mapToLong(c -> index.list("Machine", "default",
                            c.name()).size()).sum();
                    connects.add(seconds(start));
                    if (overview.size() != clusters || machines != (long) clusters * machinesPerCluster) {
                        throw new IllegalStateException("overview incomplete: " + overview.size() + " clusters, "
                                + machines + " Machines");
                    }
                }
            }
            System.out.printf("connect to full overview (%d clusters, %d Machines): median %.0f ms of 3 "
                    + "(goal: < 3,000 ms with 10,000 Machines in 500 clusters)%n",
                    clusters, clusters * machinesPerCluster, median(connects) * 1000);

            latency(lab, admin, clusters, machinesPerCluster, Math.min(seconds, 30));
            apiLoad(lab, admin, seconds);
        } finally {
            deleteTree(data);
        }
    }

    /** 100 annotation changes per second on Machines of one cluster; latency to the rebuilt tree that shows them. */
    private static void latency(Lab lab, KubernetesClient admin, int clusters, int machines, int seconds)
            throws Exception {
        Map<String, Long> sent = new ConcurrentHashMap<>();
        List<Double> latencies = java.util.Collections.synchronizedList(new ArrayList<>());
        String watched = "bench-0";
        try (KubernetesClient client = lab.client()) {
            Coalescer[] holder = new Coalescer[1];
            ManagementIndex[] index = new ManagementIndex[1];
            holder[0] = new Coalescer(100, () -> {
                ManagementIndex current = index[0];
                if (current == null) {
                    return;
                }
                DescribeTreeBuilder.build(new SnapshotReader(current).read("default", watched),
                        DescribeOptions.defaults(), Instant.now());
                long now = System.nanoTime();
                for (CapiObject machine : current.list("Machine", "default", watched)) {
                    Object mark = machine.map("metadata", "annotations").get("bench/seq");
                    if (mark != null) {
                        Long at = sent.remove(mark.toString());
                        if (at != null) {
                            latencies.add((now - at) / 1e6);
                        }
                    }
                }
            });
            index[0] = ManagementIndex.start(client, o -> holder[0].signal());
            int total = seconds * 100;
            long start = System.nanoTime();
            for (int i = 0; i < total; i++) {
                long due = start + i * 10_000_000L;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                String seq = Integer.toString(i);
                String machine = watched + "-m" + (i % machines);
                sent.put(seq, System.nanoTime());
                admin.genericKubernetesResources("cluster.x-k8s.io/v1beta2", "Machine").inNamespace("default")
                        .withName(machine).patch(PatchContext.of(PatchType.JSON_MERGE),
                                "{\"metadata\":{\"annotations\":{\"bench/seq\":\"" + seq + "\"}}}");
            }
            Thread.sleep(1000);
            holder[0].close();
            index[0].close();
        }
        System.gc();
        List<Double> sorted = latencies.stream().sorted().toList();
        long heapMib = usedHeap() / (1 << 20);
        System.out.printf("API change to rebuilt tree at 100 changes/s for %d s: %d of %d changes seen in a rebuilt tree "
                        + "(others superseded within one refresh), median %.0f ms, p99 %.0f ms (goal, to the painted "
                        + "frame: p99 < 100 ms; bench-soak measures the frame); heap after %d MiB, %.1f MiB per 1,000 "
                        + "Machines (goal: < 40, i.e. < 400 MiB for 10,000)%n", seconds,
                sorted.size(), seconds * 100, percentile(sorted, 50), percentile(sorted, 99), heapMib,
                heapMib * 1000.0 / (clusters * machines));
    }

    /** Requests of the console's watches versus clusterctl describe every 2 s, net of the idle lab's own. */
    private static void apiLoad(Lab lab, KubernetesClient admin, int seconds) throws Exception {
        double idle = requestsOver(admin, seconds, () -> { });
        double console = requestsOver(admin, seconds, () -> {
            try (KubernetesClient client = lab.client();
                 ManagementIndex index = ManagementIndex.start(client, o -> { })) {
                Thread.sleep(seconds * 1000L);
            }
        });
        Path config = Files.createTempFile("clusterctl", ".yaml");
        double clusterctl = requestsOver(admin, seconds, () -> {
            long end = System.nanoTime() + seconds * 1_000_000_000L;
            while (System.nanoTime() < end) {
                Process p = new ProcessBuilder(lab.binaries().binary("clusterctl").toString(), "describe", "cluster",
                        "bench-0", "--kubeconfig", lab.kubeconfig().toString(), "--config", config.toString())
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectErrorStream(true).start();
                p.waitFor();
                Thread.sleep(2000);
            }
        });
        double consoleNet = Math.max(1, console - idle);
        double clusterctlNet = clusterctl - idle;
        System.out.printf("API requests over %d s (idle lab %.0f subtracted): console watches %.0f, "
                        + "clusterctl describe every 2 s %.0f, ratio %.0fx%n",
                seconds, idle, console - idle, clusterctlNet, clusterctlNet / consoleNet);
    }

    @FunctionalInterface
    interface Work {
        void run() throws Exception;
    }

    private static double requestsOver(KubernetesClient admin, int seconds, Work work) throws Exception {
        double before = requestTotal(admin);
        Instant start = Instant.now();
        work.run();
        long left = seconds * 1000L - Duration.between(start, Instant.now()).toMillis();
        if (left > 0) {
            Thread.sleep(left);
        }
        return requestTotal(admin) - before;
    }

    /** The sum of apiserver_request_total, read from the API server's metrics. */
    private static double requestTotal(KubernetesClient admin) {
        String metrics = admin.raw("/metrics");
        double total = 0;
        for (String line : metrics.split("\n")) {
            if (line.startsWith("apiserver_request_total{")) {
                total += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return total;
    }

    private static double seconds(Instant since) {
        return Duration.between(since, Instant.now()).toMillis() / 1000.0;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    private static double percentile(List<Double> sorted, int p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    private static long usedHeap() {
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }

    private static void deleteTree(Path root) throws java.io.IOException {
        try (var paths = Files.walk(root)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
