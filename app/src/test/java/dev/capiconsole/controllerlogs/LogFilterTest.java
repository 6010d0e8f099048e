package dev.capiconsole.controllerlogs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LogFilterTest {

    private static final Instant T = Instant.parse("2026-12-01T21:00:00Z");

    private static LogLine at(LogLevel level, Instant time, String text) {
        return new LogLine("m", text, level, time, text, Map.of());
    }

    @Test
    void levelsAreAMinimum() {
        LogFilter warnings = LogFilter.all().atLeast(LogLevel.WARNING);

        assertThat(warnings.test(at(LogLevel.INFO, T, "x"))).isFalse();
        assertThat(warnings.test(at(LogLevel.WARNING, T, "x"))).isTrue();
        assertThat(warnings.test(at(LogLevel.ERROR, T, "x"))).isTrue();
        assertThat(LogFilter.all().atLeast(LogLevel.ERROR).test(at(LogLevel.WARNING, T, "x"))).isFalse();
    }

    @Test
    void sinceKeepsTheLastWindowAndDropsLinesWithoutATime() {
        LogFilter lastFive = LogFilter.since(Duration.ofMinutes(5), T);

        assertThat(lastFive.test(at(LogLevel.INFO, T.minusSeconds(299), "x"))).isTrue();
        assertThat(lastFive.test(at(LogLevel.INFO, T.minusSeconds(301), "x"))).isFalse();
        assertThat(lastFive.test(at(LogLevel.INFO, null, "x"))).isFalse();
        assertThat(LogFilter.all().test(at(LogLevel.INFO, null, "x"))).isTrue();
    }

    @Test
    void aroundAnInstantIsBothSides() {
        LogFilter around = LogFilter.around(T, Duration.ofMinutes(2));

        assertThat(around.test(at(LogLevel.INFO, T.minusSeconds(120), "x"))).isTrue();
        assertThat(around.test(at(LogLevel.INFO, T.plusSeconds(120), "x"))).isTrue();
        assertThat(around.test(at(LogLevel.INFO, T.minusSeconds(121), "x"))).isFalse();
        assertThat(around.test(at(LogLevel.INFO, T.plusSeconds(121), "x"))).isFalse();
    }

    @Test
    void textIgnoresCaseAndCombinesWithTheRest() {
        LogFilter filter = LogFilter.around(T, Duration.ofMinutes(2)).atLeast(LogLevel.ERROR).containing(" secret ");

        assertThat(filter.test(at(LogLevel.ERROR, T, "Reconciler error: Secret not found"))).isTrue();
        assertThat(filter.test(at(LogLevel.ERROR, T, "Reconciler error"))).isFalse();
        assertThat(filter.test(at(LogLevel.INFO, T, "Secret"))).isFalse();
    }

    @Test
    void levelNames() {
        assertThat(LogLevel.named("Warning")).isEqualTo(LogLevel.WARNING);
        assertThat(LogLevel.named("warn")).isEqualTo(LogLevel.WARNING);
        assertThat(LogLevel.named("error")).isEqualTo(LogLevel.ERROR);
        assertThatThrownBy(() -> LogLevel.named("loud")).hasMessageContaining("info, warning or error");
    }
}
