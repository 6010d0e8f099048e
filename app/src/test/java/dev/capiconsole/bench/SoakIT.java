package dev.capiconsole.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The soak's short version in CI: 200 Machines, 20 changes/s for 100 s with the window open, a sample every
 * 20 s. The window must keep up (every accepted change reaches its live model and, for the shown cluster, its
 * tree; at the end the model equals a fresh list) and nothing may grow beyond generous bounds. 100 s say
 * nothing about slopes per hour: {@code app/dev/bench-soak} measures those.
 */
@Tag("soak")
class SoakIT {

    private static final int RATE = 20;
    private static final Duration LENGTH = Duration.ofSeconds(100);

    @TempDir
    Path folder;

    @Test
    void theWindowKeepsUpWithTwentyChangesASecondAndNothingGrows() throws Exception {
        Soak.Report report = Soak.run(new Soak.Plan(LENGTH, 200, RATE, Duration.ofSeconds(20)), folder, System.out);
        SoakBenchmark.writeCsv(report, Path.of("target/soak-it.csv"));
        SoakBenchmark.summary(report, System.out);

        assertThat(report.failedWrites()).as("writes refused: " + report.lastFailure()).isZero();
        assertThat(report.sent()).as("changes written").isGreaterThan((long) (0.9 * RATE * LENGTH.toSeconds()));
        assertThat(report.missingInModel()).as("accepted changes that never reached the window's model").isZero();
        assertThat(report.reachedModel()).isEqualTo(report.sent());
        assertThat(report.missingInTree()).as("changes of the shown cluster that never reached its tree").isZero();
        assertThat(report.reachedTree()).as("changes of the shown cluster seen in its tree").isPositive();
        assertThat(report.finalDifference()).as("the window's model, overview and tree versus a fresh list")
                .isEmpty();

        List<Soak.Sample> running = report.samples().stream().filter(s -> s.minute() > 0).toList();
        assertThat(running).hasSize(5);
        Soak.Sample first = running.get(0);
        assertThat(running).allSatisfy(s -> {
            assertThat(s.threads()).as("threads at minute %.2f", s.minute()).isLessThanOrEqualTo(first.threads() + 15);
            assertThat(s.sockets()).as("sockets at minute %.2f", s.minute()).isLessThanOrEqualTo(first.sockets() + 10);
            assertThat(s.modelP50()).as("event->model p50 at minute %.2f", s.minute()).isLessThan(1000);
            assertThat(s.modelP99()).as("event->model p99 at minute %.2f", s.minute()).isLessThan(10_000);
            assertThat(s.machinesInModel()).as("Machines in the model").isBetween(200, 250);
        });
        // A read in flight (the problems view lists every kind again after changes) can hold 100 MiB and more
        // through a sample's GCs, in single samples; a leak raises the floor, so the least of the last three
        // samples is compared with the least of the first two.
        double early = Math.min(running.get(0).heapMib(), running.get(1).heapMib());
        double late = running.subList(2, 5).stream().mapToDouble(Soak.Sample::heapMib).min().orElseThrow();
        assertThat(late).as("heap after GC, least of the last three samples").isLessThanOrEqualTo(early + 64);
    }
}
