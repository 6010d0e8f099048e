package dev.capiconsole.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class AwaitTest {

    @Test
    void aConditionThatNeverHoldsFailsNamingWhatWasAwaitedAndTheLastError() {
        AtomicInteger calls = new AtomicInteger();
        assertThatThrownBy(() -> Await.until(Duration.ofMillis(300), "the answer", () -> {
            calls.incrementAndGet();
            throw new IllegalStateException("not yet");
        })).isInstanceOf(AssertionError.class)
                .hasMessage("Not reached within 300 ms: the answer (last attempt failed: "
                        + "java.lang.IllegalStateException: not yet)")
                .hasCauseInstanceOf(IllegalStateException.class);
        assertThat(calls.get()).isGreaterThan(1);
    }

    @Test
    void theFirstValueIsReturnedOnceThereIsOne() {
        AtomicInteger calls = new AtomicInteger();
        String found = Await.value(Duration.ofSeconds(5), "the third call",
                () -> calls.incrementAndGet() == 3 ? Optional.of("third") : Optional.empty());
        assertThat(found).isEqualTo("third");
        Await.until(Duration.ofSeconds(1), "something already true", () -> true);
    }
}
