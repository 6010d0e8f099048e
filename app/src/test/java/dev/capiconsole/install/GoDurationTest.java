package dev.capiconsole.install;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class GoDurationTest {

    @Test
    void goDurationsReadAndPrintAsClusterctlDoes() {
        assertThat(GoDuration.parse("10m")).contains(Duration.ofMinutes(10));
        assertThat(GoDuration.parse("1h30m")).contains(Duration.ofMinutes(90));
        assertThat(GoDuration.parse("1.5s")).contains(Duration.ofMillis(1500));
        assertThat(GoDuration.parse("10")).isEmpty();
        assertThat(GoDuration.parse("5 m")).isEmpty();
        assertThat(GoDuration.format(Duration.ofMinutes(10))).isEqualTo("10m0s");
        assertThat(GoDuration.format(Duration.ofSeconds(3))).isEqualTo("3s");
        assertThat(GoDuration.format(Duration.ofMinutes(61))).isEqualTo("1h1m0s");
    }
}
