package dev.capiconsole.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogFolderTest {

    @TempDir
    Path dir;

    @Test
    void theFolderIsMadeWithItsParentsAndOnlyItsOwnerMayReadIt() throws IOException {
        Path folder = LogFolder.makePrivate(dir.resolve("state/capi-console/logs"));
        assertThat(folder).isDirectory();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder))).isEqualTo("rwx------");
    }

    @Test
    void anExistingFolderIsMadePrivate() throws IOException {
        Path folder = Files.createDirectory(dir.resolve("logs"));
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
        LogFolder.makePrivate(folder);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder))).isEqualTo("rwx------");
    }

    @Test
    void thePropertiesTellLogbackWhereAndWhichFile() {
        String before = System.getProperty(LogFolder.DIR_PROPERTY);
        try {
            System.setProperty(LogFolder.DIR_PROPERTY, dir.resolve("chosen").toString());
            assertThat(LogFolder.prepare("cli")).isEqualTo(dir.resolve("chosen")).isDirectory();
            assertThat(System.getProperty(LogFolder.NAME_PROPERTY)).isEqualTo("cli");
        } finally {
            restore(LogFolder.DIR_PROPERTY, before);
            System.clearProperty(LogFolder.NAME_PROPERTY);
        }
    }

    @Test
    void aFolderThatCannotBeMadeFallsBackToAnother() throws IOException {
        Path file = Files.writeString(dir.resolve("not-a-folder"), "");
        assertThat(LogFolder.usable(file.resolve("logs"), dir.resolve("fallback"))).isEqualTo(dir.resolve("fallback"))
                .isDirectory();
        assertThat(LogFolder.usable(dir.resolve("fine"), dir.resolve("fallback"))).isEqualTo(dir.resolve("fine"));
    }

    private static void restore(String key, String value) {
        if (value == null) {
            System.clearProperty(key);
        } else {
            System.setProperty(key, value);
        }
    }
}
