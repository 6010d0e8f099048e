package dev.capiconsole.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LogBufferTest {

    @Test
    void keepsTheLastLinesAndSaysHowManyWentAway() {
        LogBuffer buffer = new LogBuffer(3);
        for (int i = 1; i <= 5; i++) {
            buffer.add("line " + i);
        }
        assertThat(buffer.text()).isEqualTo("… 2 earlier lines not kept (the view keeps the last 3)\n"
                + "line 3\nline 4\nline 5\n");
        buffer.set("a\nb\n");
        assertThat(buffer.text()).isEqualTo("a\nb\n");
        buffer.set("");
        assertThat(buffer.text()).isEmpty();
        assertThatThrownBy(() -> new LogBuffer(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
