package dev.capiconsole.bench;

import dev.capiconsole.lab.LabFixture;
import dev.capiconsole.topology.CapiObject;
import dev.capiconsole.topology.DescribeOptions;
import dev.capiconsole.topology.ObjectSource;
import dev.capiconsole.topology.TreeNode;
import dev.capiconsole.ui.clusters.ClustersViewModel;
import dev.capiconsole.ui.lab.LabViewModel;
import dev.capiconsole.ui.shell.ConsoleWindow;
import dev.capiconsole.ui.shell.TestWindow;
import dev.capiconsole.ui.shell.View;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * The soak run shared by {@link SoakBenchmark} and the short version in CI: the whole lab, a fleet of paused
 * clusters of 20 Machines, the console's window connected to the lab with the first cluster's describe tree
 * shown (every Machine a row), {@code rate} changes per second for {@code length}, and every {@code interval}
 * a sample of this JVM (the window's): heap after a full GC, live threads, open sockets, and the latencies
 * from each accepted write to the live model, to the tree and to the frame after it.
 */
final class Soak {

    static final String PREFIX = "soak";
    static final int MACHINES_PER_CLUSTER = 20;

    record Plan(Duration length, int machines, int rate, Duration interval) {
        int clusters() {
            return Math.max(1, machines / MACHINES_PER_CLUSTER);
        }
    }

    /** One sample: the state at {@code minute}, the latencies of the interval before it (NaN for the first). */
    record Sample(double minute, double heapMib, int threads, int sockets, long changes, int machinesInModel,
                  double modelP50, double modelP99, double treeP50, double treeP99, double paintedP50,
                  double paintedP99, double longestFrameGap) {

        static final String HEADER = String.format("%7s %9s %7s %7s %7s %8s %9s %9s %9s %9s %9s %9s %9s",
                "minute", "heap MiB", "threads", "sockets", "changes", "machines", "model p50", "model p99",
                "tree p50", "tree p99", "frame p50", "frame p99", "frame gap");
        static final String CSV_HEADER = "minute,heap_after_gc_mib,threads,sockets,changes,machines_in_model,"
                + "model_p50_ms,model_p99_ms,tree_p50_ms,tree_p99_ms,frame_p50_ms,frame_p99_ms,longest_frame_gap_ms";

        String row() {
            return String.format("%7.2f %9.1f %7d %7d %7d %8d %9.0f %9.0f %9.0f %9.0f %9.0f %9.0f %9.0f", minute,
                    heapMib, threads, sockets, changes, machinesInModel, modelP50, modelP99, treeP50, treeP99,
                    paintedP50, paintedP99, longestFrameGap);
        }

        String csv() {
            return String.format(java.util.Locale.ROOT, "%.3f,%.2f,%d,%d,%d,%d,%.1f,%.1f,%.1f,%.1f,%.1f,%.1f,%.1f",
                    minute, heapMib, threads, sockets, changes, machinesInModel, modelP50, modelP99, treeP50,
                    treeP99, paintedP50, paintedP99, longestFrameGap);
        }
    }

    /** What a run measured and whether the window kept up. */
    record Report(Plan plan, List<Sample> samples, long sent, long failedWrites, long skippedWrites, String lastFailure,
                  long reachedModel, long missingInModel, long reachedTree, long missingInTree,
                  double achievedRate, String finalDifference, Duration setup) {

        boolean finalModelEqual() {
            return finalDifference.isEmpty();
        }
    }

    private Soak() {
    }

    static Report run(Plan plan, Path folder, PrintStream out) throws Exception {
        long setupStart = System.nanoTime();
        try (LabFixture fixture = LabFixture.full(folder)) {
            KubernetesClient admin = fixture.client();
            LabFleet.create(admin, PREFIX, plan.clusters(), MACHINES_PER_CLUSTER);
            int machines = plan.clusters() * MACHINES_PER_CLUSTER;
            out.printf("lab started and %d paused clusters x %d Machines created in %.0f s%n", plan.clusters(),
                    MACHINES_PER_CLUSTER, (System.nanoTime() - setupStart) / 1e9);

            startFx();
            Stage[] stage = new Stage[1];
            ConsoleWindow window = onFx(() -> {
                stage[0] = new Stage();
                ConsoleWindow opened = TestWindow.open(stage[0], folder);
                opened.viewModel().startLab();
                return opened;
            });
            try {
                ClustersViewModel clusters = window.viewModel().clusters();
                String selected = PREFIX + "-0";
                awaitTrue(Duration.ofMinutes(2), "the window connected to the lab",
                        () -> window.viewModel().lab().stateProperty().get() == LabViewModel.State.RUNNING
                                && window.viewModel().connectedProperty().get() != null);
                SoakTracker tracker = new SoakTracker(clusters::liveModel, selected);
                onFx(() -> {
                    window.viewModel().show(View.CLUSTERS);
                    clusters.optionsProperty().set(DescribeOptions.defaults().withGrouping(false));
                    clusters.reveal(LabFleet.NAMESPACE, selected);
                    clusters.treeProperty().addListener((o, old, now) -> tracker.treeUpdated(now));
                    stage[0].getScene().addPostLayoutPulseListener(tracker::pulsed);
                    tracker.startFrameProbe();
                    return null;
                });
                awaitTrue(Duration.ofMinutes(2), "the fleet in the window's model and the first tree",
                        () -> machinesInModel(clusters.liveModel(), plan.clusters()) == machines
                                && onFxQuietly(() -> clusters.treeProperty().get() != null));
                Duration setup = Duration.ofNanos(System.nanoTime() - setupStart);
                out.printf("window connected, %d Machines in its model, tree of %s shown; setup %d s%n", machines,
                        selected, setup.toSeconds());
                return drive(plan, admin, clusters, tracker, out, setup);
            } finally {
                onFx(() -> {
                    window.close();
                    stage[0].close();
                    return null;
                });
            }
        }
    }

    private static Report drive(Plan plan, KubernetesClient admin, ClustersViewModel clusters, SoakTracker tracker,
                                PrintStream out, Duration setup) throws Exception {
        SoakDriver driver = new SoakDriver(admin, PREFIX, plan.clusters(), MACHINES_PER_CLUSTER, plan.rate(),
                tracker::accepted);
        List<Sample> samples = new ArrayList<>();
        out.println(Sample.HEADER);
        tracker.start();
        long start = System.nanoTime();
        samples.add(sample(0, 0, clusters, plan, tracker));
        out.println(samples.get(0).row());
        Thread writer = new Thread(driver, "soak-driver");
        writer.start();
        long intervalNanos = plan.interval().toNanos();
        long lastSent = 0;
        for (int i = 1; (long) i * intervalNanos <= plan.length().toNanos(); i++) {
            long wait = start + i * intervalNanos - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            long sent = driver.sent();
            samples.add(sample((System.nanoTime() - start) / 6e10, sent - lastSent, clusters, plan, tracker));
            lastSent = sent;
            out.println(samples.get(samples.size() - 1).row());
        }
        double drivenSeconds = (System.nanoTime() - start) / 1e9;
        driver.stop();
        writer.join();
        double achievedRate = driver.sent() / drivenSeconds;
        long drainEnd = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while ((tracker.notYetInModel() > 0 || tracker.notYetInTree() > 0) && System.nanoTime() < drainEnd) {
            Thread.sleep(50);
        }
        tracker.stop();
        onFx(() -> {
            tracker.stopFrameProbe();
            return null;
        });
        String difference = finalDifference(admin, clusters, plan.clusters());
        return new Report(plan, samples, driver.sent(), driver.failed(), driver.skipped(), driver.lastFailure(),
                tracker.reachedModel(), tracker.notYetInModel(), tracker.reachedTree(), tracker.notYetInTree(),
                achievedRate, difference, setup);
    }

    private static Sample sample(double minute, long changes, ClustersViewModel clusters, Plan plan,
                                 SoakTracker tracker) throws IOException {
        SoakTracker.Latencies latencies = tracker.drain();
        double heap;
        tracker.ignoreFrameGaps(); // the full GCs below stall every thread
        try {
            heap = heapAfterGc();
        } finally {
            tracker.countFrameGapsAgain();
        }
        int threads = ManagementFactory.getThreadMXBean().getThreadCount();
        return new Sample(minute, heap, threads, openSockets(), changes,
                machinesInModel(clusters.liveModel(), plan.clusters()),
                percentile(latencies.model(), 50), percentile(latencies.model(), 99),
                percentile(latencies.tree(), 50), percentile(latencies.tree(), 99),
                percentile(latencies.painted(), 50), percentile(latencies.painted(), 99),
                minute == 0 ? Double.NaN : latencies.longestFrameGap());
    }

    /**
     * MiB of heap in use after a full GC: the least of three GCs half a second apart, because a read in flight
     * (the problems view lists every kind again after changes) holds its lists through one GC but not the next.
     */
    static double heapAfterGc() throws IOException {
        double least = Double.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            if (i > 0) {
                try {
                    Thread.sleep(500);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException(e);
                }
            }
            System.gc();
            least = Math.min(least, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed()
                    / (double) (1 << 20));
        }
        return least;
    }

    /** The file descriptors of this process that are sockets (links to {@code socket:[inode]}). */
    static int openSockets() throws IOException {
        int sockets = 0;
        try (var fds = Files.list(Path.of("/proc/self/fd"))) {
            for (Path fd : fds.toList()) {
                try {
                    if (Files.readSymbolicLink(fd).toString().startsWith("socket:")) {
                        sockets++;
                    }
                } catch (IOException e) {
                    // closed between listing and reading
                }
            }
        }
        return sockets;
    }

    private static int machinesInModel(ObjectSource model, int clusters) {
        if (model == null) {
            return 0;
        }
        int count = 0;
        for (int c = 0; c < clusters; c++) {
            count += model.list("Machine", LabFleet.NAMESPACE, PREFIX + "-" + c).size();
        }
        return count;
    }

    /**
     * Empty when the window's model holds exactly the Machines a fresh list returns (names and resourceVersions),
     * its overview every Cluster and the tree every Machine of the selected cluster; else what differs. Waits
     * up to 30 s for the model to settle.
     */
    private static String finalDifference(KubernetesClient admin, ClustersViewModel clusters, int clusterCount)
            throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        String difference;
        do {
            difference = difference(admin, clusters, clusterCount);
            if (difference.isEmpty()) {
                return difference;
            }
            Thread.sleep(500);
        } while (System.nanoTime() < end);
        return difference;
    }

    private static String difference(KubernetesClient admin, ClustersViewModel clusters, int clusterCount)
            throws Exception {
        Map<String, String> fresh = new TreeMap<>();
        for (GenericKubernetesResource machine : admin.genericKubernetesResources("cluster.x-k8s.io/v1beta2",
                "Machine").inNamespace(LabFleet.NAMESPACE).list().getItems()) {
            fresh.put(machine.getMetadata().getName(), machine.getMetadata().getResourceVersion());
        }
        Map<String, String> model = new TreeMap<>();
        ObjectSource live = clusters.liveModel();
        for (int c = 0; c < clusterCount; c++) {
            for (CapiObject machine : live.list("Machine", LabFleet.NAMESPACE, PREFIX + "-" + c)) {
                model.put(machine.name(), machine.text("metadata", "resourceVersion"));
            }
        }
        List<String> problems = new ArrayList<>();
        if (!fresh.equals(model)) {
            TreeSet<String> missing = new TreeSet<>(fresh.keySet());
            missing.removeAll(model.keySet());
            TreeSet<String> extra = new TreeSet<>(model.keySet());
            extra.removeAll(fresh.keySet());
            long stale = fresh.entrySet().stream().filter(e -> model.containsKey(e.getKey())
                    && !model.get(e.getKey()).equals(e.getValue())).count();
            problems.add("model Machines differ from a fresh list: missing " + missing + ", extra " + extra
                    + ", stale " + stale);
        }
        int overview = onFx(() -> (int) clusters.clusters().stream()
                .filter(s -> s.name().startsWith(PREFIX + "-")).count());
        if (overview != clusterCount) {
            problems.add("overview shows " + overview + " of " + clusterCount + " clusters");
        }
        TreeSet<String> inTree = onFx(() -> {
            TreeSet<String> names = new TreeSet<>();
            ClustersViewModel.TreeUpdate update = clusters.treeProperty().get();
            if (update != null) {
                collect(update.root(), names);
            }
            return names;
        });
        TreeSet<String> selected = new TreeSet<>();
        for (GenericKubernetesResource machine : admin.genericKubernetesResources("cluster.x-k8s.io/v1beta2",
                "Machine").inNamespace(LabFleet.NAMESPACE).withLabel("cluster.x-k8s.io/cluster-name", PREFIX + "-0")
                .list().getItems()) {
            selected.add(machine.getMetadata().getName());
        }
        if (!inTree.equals(selected)) {
            problems.add("tree of " + PREFIX + "-0 shows " + inTree + ", a fresh list " + selected);
        }
        return String.join("; ", problems);
    }

    private static void collect(TreeNode node, TreeSet<String> names) {
        if (node.object() != null && node.object().kind().equals("Machine")) {
            names.add(node.object().name());
        }
        node.children().forEach(child -> collect(child, names));
    }

    static double percentile(List<Double> values, int p) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = values.stream().sorted().toList();
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    private static void startFx() {
        try {
            Platform.startup(() -> { });
        } catch (IllegalStateException alreadyStarted) {
            // another test of this JVM started the toolkit
        }
        Platform.setImplicitExit(false);
    }

    static <T> T onFx(Callable<T> work) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.call());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(30, TimeUnit.SECONDS);
    }

    private static boolean onFxQuietly(Callable<Boolean> work) {
        try {
            return onFx(work);
        } catch (Exception e) {
            return false;
        }
    }

    private static void awaitTrue(Duration timeout, String what, BooleanSupplier condition)
            throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new IllegalStateException("timed out after " + timeout.toSeconds() + " s waiting for " + what);
            }
            Thread.sleep(200);
        }
    }
}
