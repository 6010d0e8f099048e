package dev.capiconsole.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.KubernetesClientException;
import java.net.ConnectException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Reporting the watches' health: a short re-watch is not reported, a lasting loss is, recovery at once; a lasting
 * loss has the credentials checked now and then.
 */
class WatchHealthMonitorTest {

    private WatchHealth probed = WatchHealth.WATCHING;
    private long nanos;
    private final List<Long> credentialChecks = new ArrayList<>();
    private final List<WatchHealth> reports = new ArrayList<>();
    private final WatchHealthMonitor monitor = new WatchHealthMonitor(() -> probed,
            () -> credentialChecks.add(TimeUnit.NANOSECONDS.toMillis(nanos)), 2_000, () -> nanos, reports::add);

    private void at(long millis) {
        nanos = TimeUnit.MILLISECONDS.toNanos(millis);
        monitor.check();
    }

    @Test
    void aRewatchShorterThanTheGraceTimeIsNotReported() {
        at(0);
        probed = WatchHealth.reconnecting("Connection reset");
        at(500);
        at(1_900);
        probed = WatchHealth.WATCHING;
        at(2_400);
        assertThat(reports).isEmpty();
    }

    @Test
    void aLastingLossIsReportedOnceThenTheRecovery() {
        probed = WatchHealth.reconnecting("Connection refused");
        at(0);
        at(1_000);
        assertThat(reports).isEmpty();
        at(2_000);
        at(2_500);
        assertThat(reports).containsExactly(WatchHealth.reconnecting("Connection refused"));
        probed = WatchHealth.WATCHING;
        at(3_000);
        assertThat(reports).containsExactly(WatchHealth.reconnecting("Connection refused"), WatchHealth.WATCHING);
    }

    @Test
    void rejectedCredentialsAreReportedAtOnce() {
        probed = WatchHealth.rejected("HTTP 401");
        at(0);
        assertThat(reports).containsExactly(WatchHealth.rejected("HTTP 401"));
    }

    @Test
    void theCredentialsAreCheckedAsSoonAsAWatchIsLostAndThenEveryFewSeconds() {
        at(0);
        probed = WatchHealth.reconnecting("Connection reset");
        for (long millis = 500; millis <= 13_000; millis += 500) {
            at(millis);
        }
        assertThat(credentialChecks).containsExactly(500L, 5_500L, 10_500L);
        probed = WatchHealth.WATCHING;
        at(13_500);
        probed = WatchHealth.reconnecting("Connection reset");
        at(14_000);
        at(15_000);
        assertThat(credentialChecks).as("a new loss is checked at once again").containsExactly(500L, 5_500L,
                10_500L, 14_000L);
    }

    @Test
    void aRejectionTheCheckFindsIsReportedAtTheNextPoll() {
        probed = WatchHealth.reconnecting("Connection reset");
        at(0);
        assertThat(credentialChecks).containsExactly(0L);
        probed = WatchHealth.rejected("HTTP 401");
        at(500);
        assertThat(reports).containsExactly(WatchHealth.rejected("HTTP 401"));
    }

    @Test
    void whileWatchingNothingIsChecked() {
        for (long millis = 0; millis <= 20_000; millis += 500) {
            at(millis);
        }
        assertThat(credentialChecks).isEmpty();
        assertThat(reports).isEmpty();
    }

    @Test
    void aFailingProbeCountsAsALostWatch() {
        WatchHealthMonitor failing = new WatchHealthMonitor(() -> {
            throw new IllegalStateException("closed");
        }, () -> { }, 0, () -> nanos, reports::add);
        failing.check();
        assertThat(reports).containsExactly(WatchHealth.reconnecting("closed"));
    }

    @Test
    void theCauseShownIsTheHttpCodeOrTheInnermostMessage() {
        assertThat(ManagementIndex.describe(new RuntimeException("outer",
                new KubernetesClientException("Unauthorized", 401, null)))).isEqualTo("HTTP 401");
        assertThat(ManagementIndex.describe(new KubernetesClientException("An error has occurred.",
                new ConnectException("Connection refused")))).isEqualTo("Connection refused");
        assertThat(ManagementIndex.describe(new RuntimeException(new java.io.EOFException())))
                .isEqualTo("EOFException");
    }
}
