package dev.capiconsole.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsTest {

    @TempDir
    Path folder;

    @Test
    void aValueSurvivesARestart() {
        Settings.load(folder).put("theme", "DARK");
        assertThat(Settings.load(folder).get("theme")).contains("DARK");
        assertThat(folder.resolve("settings.properties")).exists();
        try (var files = Files.list(folder)) {
            assertThat(files).as("no temporary file is left behind").hasSize(1);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aMissingOrDamagedFileGivesDefaults() throws IOException {
        assertThat(Settings.load(folder.resolve("absent")).get("theme")).isEmpty();
        Files.writeString(folder.resolve("settings.properties"), "theme=\\u12");
        assertThat(Settings.load(folder).get("theme")).isEmpty();
    }

    @Test
    void theFolderIsThePlatformsConfigFolder() {
        Path home = Path.of("/home/op");
        assertThat(Settings.defaultFolder("Linux", Map.of(), home)).isEqualTo(Path.of("/home/op/.config/capi-console"));
        assertThat(Settings.defaultFolder("Linux", Map.of("XDG_CONFIG_HOME", "/cfg"), home))
                .isEqualTo(Path.of("/cfg/capi-console"));
        assertThat(Settings.defaultFolder("Mac OS X", Map.of(), Path.of("/Users/op")))
                .isEqualTo(Path.of("/Users/op/Library/Application Support/capi-console"));
    }
}
