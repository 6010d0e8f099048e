package dev.capiconsole.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ConsoleLauncherTest {

    @Test
    void withoutADisplayOnLinuxItExplainsWhatToDo() {
        assertThat(ConsoleLauncher.displayProblem("Linux", Map.of())).get().asString()
                .contains("no display").contains("xvfb-run").contains("--help");
    }

    @Test
    void anX11OrWaylandDisplayIsEnough() {
        assertThat(ConsoleLauncher.displayProblem("Linux", Map.of("DISPLAY", ":0"))).isEmpty();
        assertThat(ConsoleLauncher.displayProblem("Linux", Map.of("WAYLAND_DISPLAY", "wayland-0"))).isEmpty();
        assertThat(ConsoleLauncher.displayProblem("Windows 11", Map.of())).isEmpty();
    }
}
