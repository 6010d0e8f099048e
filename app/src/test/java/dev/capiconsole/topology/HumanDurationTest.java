package dev.capiconsole.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class HumanDurationTest {

    @ParameterizedTest
    @CsvSource({
        "-5000, <invalid>", "-1500, 0s", "-500, 0s", "0, 0s", "5000, 5s", "65000, 65s", "119999, 119s",
        "120000, 2m", "150000, 2m30s", "599000, 9m59s", "600000, 10m", "3600000, 60m", "10799000, 179m",
        "10800000, 3h", "28740000, 7h59m", "28800000, 8h", "169200000, 47h", "172800000, 2d",
        "176400000, 2d1h", "691200000, 8d", "62985600000, 729d", "63072000000, 2y", "63158400000, 2y1d",
        "252288000000, 8y"
    })
    void formatsLikeKubectl(long millis, String expected) {
        assertThat(HumanDuration.format(Duration.ofMillis(millis))).isEqualTo(expected);
    }

    @Test
    void aMissingTimeReadsAsGosZeroTime() {
        assertThat(HumanDuration.since(null, Instant.now())).isEqualTo("292y");
    }
}
