package dev.capiconsole.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlatformFoldersTest {

    private static final Path HOME = Path.of("/home/op");

    @Test
    void linuxFollowsTheXdgBaseFolders() {
        assertThat(PlatformFolders.config("Linux", Map.of(), HOME)).isEqualTo(Path.of("/home/op/.config/capi-console"));
        assertThat(PlatformFolders.config("Linux", Map.of("XDG_CONFIG_HOME", "/cfg"), HOME))
                .isEqualTo(Path.of("/cfg/capi-console"));
        assertThat(PlatformFolders.logs("Linux", Map.of(), HOME))
                .isEqualTo(Path.of("/home/op/.local/state/capi-console/logs"));
        assertThat(PlatformFolders.logs("Linux", Map.of("XDG_STATE_HOME", "/state"), HOME))
                .isEqualTo(Path.of("/state/capi-console/logs"));
        assertThat(PlatformFolders.logs("FreeBSD", Map.of("XDG_STATE_HOME", " "), HOME))
                .as("a blank variable counts as unset, as the XDG specification says")
                .isEqualTo(Path.of("/home/op/.local/state/capi-console/logs"));
    }

    @Test
    void macOsUsesTheLibraryFolders() {
        Map<String, String> xdg = Map.of("XDG_CONFIG_HOME", "/cfg", "XDG_STATE_HOME", "/state");
        assertThat(PlatformFolders.config("Mac OS X", xdg, Path.of("/Users/op")))
                .isEqualTo(Path.of("/Users/op/Library/Application Support/capi-console"));
        assertThat(PlatformFolders.logs("Mac OS X", xdg, Path.of("/Users/op")))
                .isEqualTo(Path.of("/Users/op/Library/Logs/capi-console"));
    }

    @Test
    void windowsUsesAppDataAndLocalAppData() {
        // Paths are built with the test machine's separator; what matters is which folder is chosen.
        Path home = Path.of("home-op");
        Map<String, String> environment = Map.of("APPDATA", "roaming", "LOCALAPPDATA", "local");
        assertThat(PlatformFolders.config("Windows 11", environment, home))
                .isEqualTo(Path.of("roaming", "capi-console"));
        assertThat(PlatformFolders.logs("Windows 11", environment, home))
                .isEqualTo(Path.of("local", "capi-console", "logs"));
        assertThat(PlatformFolders.config("Windows 10", Map.of(), home))
                .isEqualTo(home.resolve("AppData").resolve("Roaming").resolve("capi-console"));
        assertThat(PlatformFolders.logs("Windows 10", Map.of(), home))
                .isEqualTo(home.resolve("AppData").resolve("Local").resolve("capi-console").resolve("logs"));
    }

    @Test
    void anUnknownSystemIsTreatedAsAUnixDesktop() {
        assertThat(PlatformFolders.platform(null)).isEqualTo(PlatformFolders.Platform.UNIX);
        assertThat(PlatformFolders.platform("SunOS")).isEqualTo(PlatformFolders.Platform.UNIX);
        assertThat(PlatformFolders.platform("Darwin")).isEqualTo(PlatformFolders.Platform.MAC);
    }
}
