package dev.capiconsole.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The soak benchmark (not a test; {@code app/dev/bench-soak [MINUTES] [MACHINES] [RATE] [INTERVAL_SECONDS]},
 * defaults 30, 1000, 20, 60): {@link Soak} against the embedded lab with the window open, a table per sample,
 * the slope of every metric and its verdict, the samples in {@code app/target/soak.csv} (property
 * {@code soak.csv}). Exits 1 when the window fell behind or a metric was not flat.
 */
public final class SoakBenchmark {

    private SoakBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int minutes = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        int machines = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        int rate = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        int interval = args.length > 3 ? Integer.parseInt(args[3]) : 60;
        Soak.Plan plan = new Soak.Plan(Duration.ofMinutes(minutes), machines, rate, Duration.ofSeconds(interval));
        Path csv = Path.of(System.getProperty("soak.csv", "app/target/soak.csv"));
        Path folder = Files.createTempDirectory("capi-console-soak");
        boolean good;
        try {
            System.out.printf("soak: %d min, %d Machines, %d changes/s, a sample every %d s%n", minutes,
                    plan.clusters() * Soak.MACHINES_PER_CLUSTER, rate, interval);
            Soak.Report report = Soak.run(plan, folder, System.out);
            writeCsv(report, csv);
            good = summary(report, System.out);
            System.out.println("samples: " + csv.toAbsolutePath());
        } finally {
            deleteTree(folder);
        }
        javafx.application.Platform.exit();
        System.exit(good ? 0 : 1);
    }

    /** Prints whether the window kept up and the slopes; true when it kept up and every metric is flat. */
    static boolean summary(Soak.Report report, PrintStream out) {
        out.printf("changes: %d accepted (%d writes failed%s; %d not written while the API server was behind) at "
                        + "%.1f/s; %d reached the window's model, %d did not; %d of the selected cluster reached its "
                        + "tree, %d did not%n",
                report.sent(), report.failedWrites(), report.failedWrites() == 0 ? "" : ", last: "
                        + report.lastFailure(), report.skippedWrites(), report.achievedRate(), report.reachedModel(),
                report.missingInModel(), report.reachedTree(), report.missingInTree());
        out.println("final model versus a fresh list: " + (report.finalModelEqual() ? "equal"
                : report.finalDifference()));
        double longestGap = report.samples().stream().mapToDouble(Soak.Sample::longestFrameGap)
                .filter(g -> !Double.isNaN(g)).max().orElse(Double.NaN);
        out.printf("longest frame gap: %.0f ms, so the FX thread gave no frame for up to %.0f ms beyond the pulse "
                + "(busy, or not given a core; goal: never busy more than 16 ms for an update)%n", longestGap,
                longestGap - 1000.0 / 60);
        out.println(SoakSlopes.HEADER);
        boolean flat = true;
        for (SoakSlopes.Slope slope : SoakSlopes.of(report.samples())) {
            out.println(slope.row());
            flat &= slope.flat();
        }
        out.println(heapFloor(report.samples()));
        boolean keptUp = report.missingInModel() == 0 && report.missingInTree() == 0 && report.finalModelEqual();
        out.println("verdict: " + (keptUp ? "kept up" : "FELL BEHIND") + ", " + (flat ? "flat" : "NOT FLAT"));
        return keptUp && flat;
    }

    /**
     * The floor of the heap: a read in flight can hold tens of MiB through the sample's GCs, so single samples
     * spike; a leak raises the least value of a stretch of samples. The first and last quarter are compared.
     */
    static String heapFloor(List<Soak.Sample> samples) {
        List<Soak.Sample> running = samples.stream().filter(s -> s.minute() > 0).toList();
        int window = Math.max(2, running.size() / 4);
        if (running.size() < 2 * window) {
            return "heap floor: too few samples";
        }
        List<Soak.Sample> early = running.subList(0, window);
        List<Soak.Sample> late = running.subList(running.size() - window, running.size());
        double earlyFloor = early.stream().mapToDouble(Soak.Sample::heapMib).min().orElseThrow();
        double lateFloor = late.stream().mapToDouble(Soak.Sample::heapMib).min().orElseThrow();
        double minutes = late.stream().mapToDouble(Soak.Sample::minute).average().orElseThrow()
                - early.stream().mapToDouble(Soak.Sample::minute).average().orElseThrow();
        return String.format("heap floor (least of the first and of the last %d samples): %.1f -> %.1f MiB, "
                + "%+.2f MiB/min", window, earlyFloor, lateFloor, (lateFloor - earlyFloor) / minutes);
    }

    static void writeCsv(Soak.Report report, Path csv) throws IOException {
        Files.createDirectories(csv.toAbsolutePath().getParent());
        List<String> lines = new ArrayList<>();
        lines.add(Soak.Sample.CSV_HEADER);
        report.samples().forEach(s -> lines.add(s.csv()));
        Files.write(csv, lines);
    }

    private static void deleteTree(Path root) throws IOException {
        try (var paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
