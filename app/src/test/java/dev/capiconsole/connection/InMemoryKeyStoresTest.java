package dev.capiconsole.connection;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class InMemoryKeyStoresTest {

    private final String saved = System.getProperty(InMemoryKeyStores.ITERATIONS);

    @AfterEach
    void restore() {
        if (saved == null) {
            System.clearProperty(InMemoryKeyStores.ITERATIONS);
        } else {
            System.setProperty(InMemoryKeyStores.ITERATIONS, saved);
        }
    }

    @Test
    void stretchingIsSkippedUnlessTheOperatorChoseACount() {
        System.clearProperty(InMemoryKeyStores.ITERATIONS);
        InMemoryKeyStores.skipKeyStretching();
        assertThat(System.getProperty(InMemoryKeyStores.ITERATIONS)).isEqualTo("1");

        System.setProperty(InMemoryKeyStores.ITERATIONS, "50000");
        InMemoryKeyStores.skipKeyStretching();
        assertThat(System.getProperty(InMemoryKeyStores.ITERATIONS)).isEqualTo("50000");
    }
}
