package dev.capiconsole.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capiconsole.ui.shell.ConsoleLauncher;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConsoleLauncherTest {

    @Test
    void withoutADisplayOnLinuxItExplainsWhatToDo() {
        assertThat(ConsoleLauncher.displayProblem("Linux", Map.of(), "app/capi-console")).get().asString()
                .contains("no display").contains("xvfb-run -a app/capi-console").contains("app/capi-console --help");
    }

    @Test
    void theAdviceNamesTheInstalledCommandInAnInstalledApp() {
        assertThat(ConsoleLauncher.command("/opt/capi-console/bin/capi-console")).isEqualTo("capi-console");
        assertThat(ConsoleLauncher.command(null)).isEqualTo("app/capi-console");
        assertThat(ConsoleLauncher.displayProblem("Linux", Map.of(), "capi-console")).get().asString()
                .contains("xvfb-run -a capi-console").doesNotContain("app/");
    }

    @Test
    void anX11OrWaylandDisplayIsEnough() {
        assertThat(ConsoleLauncher.displayProblem("Linux", Map.of("DISPLAY", ":0"), "c")).isEmpty();
        assertThat(ConsoleLauncher.displayProblem("Linux", Map.of("WAYLAND_DISPLAY", "wayland-0"), "c")).isEmpty();
        assertThat(ConsoleLauncher.displayProblem("Windows 11", Map.of(), "c")).isEmpty();
    }

    @Test
    void anUnknownLanguageIsRefusedBeforeTheWindowOpens() {
        assertThat(ConsoleLauncher.launch(false, "fr")).isEqualTo(2);
    }
}
