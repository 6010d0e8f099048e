package dev.capiconsole.install;

import dev.capiconsole.lab.LabFixture;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Benchmark (not a test): {@code init} of core, kubeadm bootstrap and control plane and docker into a fresh lab API
 * server, clusterctl v1.14 against {@code capi-console init} (the packaged CLI, JVM start included), both offline
 * from the same component files and cert-manager stand-in, on two fresh API servers per run.
 * Run with {@code app/dev/bench-init [RUNS]}.
 */
public final class InitBenchmark {

    private InitBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        Path jar = Path.of(args.length > 1 ? args[1] : "app/target/capi-console.jar").toAbsolutePath();
        Path work = Files.createTempDirectory("capi-console-bench-init");
        ClusterctlPeer peer = ClusterctlPeer.prepare(work);
        List<Long> clusterctl = new ArrayList<>();
        List<Long> console = new ArrayList<>();
        for (int run = 1; run <= runs; run++) {
            try (LabFixture a = LabFixture.apiServerOnly(work.resolve("a" + run));
                    LabFixture b = LabFixture.apiServerOnly(work.resolve("b" + run))) {
                ClusterctlPeer.Run reference = peer.init(a, "--infrastructure", "docker");
                if (reference.exit() != 0) {
                    throw new IllegalStateException("clusterctl init failed:\n" + reference.output());
                }
                long start = System.nanoTime();
                Process ours = new ProcessBuilder("java", "-jar", jar.toString(), "init", "--kubeconfig",
                        b.kubeconfig().toString(), "--offline", "--overrides", peer.certManagerOverrides().toString(),
                        "--config", emptyConfig(work).toString(), "-i", "docker", "--set", "CLUSTER_TOPOLOGY=true")
                        .redirectErrorStream(true).start();
                String output = new String(ours.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (!ours.waitFor(5, TimeUnit.MINUTES) || ours.exitValue() != 0) {
                    throw new IllegalStateException("capi-console init failed:\n" + output);
                }
                long elapsed = System.nanoTime() - start;
                clusterctl.add(reference.elapsed().toMillis());
                console.add(elapsed / 1_000_000);
                System.out.printf("run %d: clusterctl init %d ms, capi-console init %d ms%n", run,
                        reference.elapsed().toMillis(), elapsed / 1_000_000);
            }
        }
        long peerMedian = median(clusterctl);
        long ourMedian = median(console);
        System.out.printf("median of %d runs: clusterctl init %d ms (%d-%d), capi-console init %d ms (%d-%d), "
                        + "ratio %.2f (goal: at most 1.00, %s)%n", runs, peerMedian, min(clusterctl), max(clusterctl),
                ourMedian, min(console), max(console), (double) ourMedian / peerMedian,
                ourMedian <= peerMedian ? "met" : "missed");
    }

    private static Path emptyConfig(Path work) throws java.io.IOException {
        Path file = work.resolve("empty-clusterctl.yaml");
        Files.writeString(file, "{}\n");
        return file;
    }

    private static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static long min(List<Long> values) {
        return values.stream().mapToLong(Long::longValue).min().orElse(0);
    }

    private static long max(List<Long> values) {
        return values.stream().mapToLong(Long::longValue).max().orElse(0);
    }
}
