package dev.capiconsole.install;

import dev.capiconsole.lab.LabFixture;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Benchmark (not a test): {@code upgrade apply --contract v1beta2} of core, kubeadm bootstrap and control plane and
 * docker from {@value UpgradeIT#FROM} to v1.14.2, clusterctl v1.14 against {@code capi-console upgrade apply --yes}
 * (the packaged CLI, JVM start and preview included), on two fresh lab API servers per run where clusterctl
 * installed the older release, both reading the same clusterctl config file (local repository, cert-manager
 * stand-in). Run with {@code app/dev/bench-upgrade [RUNS]}.
 */
public final class UpgradeBenchmark {

    private UpgradeBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        Path jar = Path.of(args.length > 1 ? args[1] : "app/target/capi-console.jar").toAbsolutePath();
        Path work = Files.createTempDirectory("capi-console-bench-upgrade");
        ClusterctlPeer peer = ClusterctlPeer.prepare(work);
        List<Long> clusterctl = new ArrayList<>();
        List<Long> console = new ArrayList<>();
        for (int run = 1; run <= runs; run++) {
            try (LabFixture a = LabFixture.apiServerOnly(work.resolve("a" + run));
                    LabFixture b = LabFixture.apiServerOnly(work.resolve("b" + run))) {
                UpgradeIT.installOlderRelease(peer, a);
                UpgradeIT.installOlderRelease(peer, b);
                ClusterctlPeer.Run reference = peer.upgrade(a, "apply", "--contract", "v1beta2");
                if (reference.exit() != 0) {
                    throw new IllegalStateException("clusterctl upgrade apply failed:\n" + reference.output());
                }
                long start = System.nanoTime();
                Process ours = new ProcessBuilder("java", "-jar", jar.toString(), "upgrade", "apply", "--contract",
                        "v1beta2", "--yes", "--kubeconfig", b.kubeconfig().toString(), "--config",
                        peer.config().toString()).redirectErrorStream(true).start();
                String output = new String(ours.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (!ours.waitFor(5, TimeUnit.MINUTES) || ours.exitValue() != 0) {
                    throw new IllegalStateException("capi-console upgrade apply failed:\n" + output);
                }
                long elapsed = (System.nanoTime() - start) / 1_000_000;
                clusterctl.add(reference.elapsed().toMillis());
                console.add(elapsed);
                System.out.printf("run %d: clusterctl upgrade apply %d ms, capi-console upgrade apply %d ms%n", run,
                        reference.elapsed().toMillis(), elapsed);
            }
        }
        long peerMedian = median(clusterctl);
        long ourMedian = median(console);
        System.out.printf("median of %d runs: clusterctl upgrade apply %d ms (%d-%d), capi-console upgrade apply %d ms "
                + "(%d-%d), ratio %.2f%n", runs, peerMedian, clusterctl.stream().mapToLong(Long::longValue).min()
                .orElse(0), clusterctl.stream().mapToLong(Long::longValue).max().orElse(0), ourMedian,
                console.stream().mapToLong(Long::longValue).min().orElse(0),
                console.stream().mapToLong(Long::longValue).max().orElse(0), (double) ourMedian / peerMedian);
    }

    private static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
