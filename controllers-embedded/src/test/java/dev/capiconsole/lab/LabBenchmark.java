package dev.capiconsole.lab;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Measures the lab (not a test): warm start on a new data directory, restart on existing data, time from
 * apply to a ready in-memory cluster (1 control plane, 3 workers), and the lab's total resident memory.
 * Run with {@code app/dev/bench-lab [RUNS]}.
 */
public final class LabBenchmark {

    private LabBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        Path root = Files.createTempDirectory("capi-console-lab-bench");
        LabBinaries.ensure(line -> System.out.println(line));
        List<Double> freshStarts = new ArrayList<>();
        List<Double> restarts = new ArrayList<>();
        List<Double> applyToReady = new ArrayList<>();
        List<Double> rssMiB = new ArrayList<>();
        try {
            for (int run = 1; run <= runs; run++) {
                Path data = root.resolve("run-" + run);
                LabOptions options = LabOptions.defaults().withDataDir(data);
                Instant start = Instant.now();
                Lab lab = Lab.start(options, LabProgress.NONE);
                freshStarts.add(seconds(start));
                try (KubernetesClient client = lab.client()) {
                    LabClusters clusters = new LabClusters(lab, client, data);
                    Instant applied = Instant.now();
                    clusters.create("bench", "default", 1, 3);
                    clusters.awaitReady("bench", "default", 3, Duration.ofMinutes(5));
                    applyToReady.add(seconds(applied));
                    rssMiB.add(residentMiB(LabState.liveProcesses(new LabLayout(data))));
                } finally {
                    lab.close();
                }
                Instant restart = Instant.now();
                Lab again = Lab.start(options, LabProgress.NONE);
                restarts.add(seconds(restart));
                again.close();
                System.out.printf("run %d: fresh start %.1f s, apply to ready %.1f s, restart %.1f s, RSS %.0f MiB%n",
                        run, last(freshStarts), last(applyToReady), last(restarts), last(rssMiB));
            }
        } finally {
            deleteTree(root);
        }
        System.out.printf("%nmedian of %d runs: fresh start %.1f s | restart on existing data %.1f s | "
                        + "apply to ready (1 CP + 3 workers) %.1f s | lab RSS with that cluster %.0f MiB%n",
                runs, median(freshStarts), median(restarts), median(applyToReady), median(rssMiB));
    }

    private static double residentMiB(List<ProcessHandle> processes) throws IOException {
        long kib = 0;
        for (ProcessHandle process : processes) {
            Path status = Path.of("/proc", Long.toString(process.pid()), "status");
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmRSS:")) {
                    kib += Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        }
        return kib / 1024.0;
    }

    private static double seconds(Instant since) {
        return Duration.between(since, Instant.now()).toMillis() / 1000.0;
    }

    private static double last(List<Double> values) {
        return values.get(values.size() - 1);
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
