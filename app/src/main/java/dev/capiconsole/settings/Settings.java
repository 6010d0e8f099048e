package dev.capiconsole.settings;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The console's own preferences, kept in {@code settings.properties} in the platform's config folder
 * ({@link PlatformFolders#config}: {@code $XDG_CONFIG_HOME/capi-console} on Linux, else
 * {@code ~/.config/capi-console}; {@code ~/Library/Application Support/capi-console} on macOS;
 * {@code %APPDATA%\capi-console} on Windows).
 * Never holds credentials.
 */
public final class Settings {

    public static final String CONFIG_DIR_PROPERTY = "capi.console.config.dir";
    private static final String FILE_NAME = "settings.properties";

    private final Path file;
    private final Properties values = new Properties();

    private Settings(Path file) {
        this.file = file;
    }

    /** Settings from the folder named by the system property {@value #CONFIG_DIR_PROPERTY}, else the default. */
    public static Settings load() {
        String override = System.getProperty(CONFIG_DIR_PROPERTY);
        Path folder = override != null ? Path.of(override)
                : defaultFolder(System.getProperty("os.name"), System.getenv(),
                        Path.of(System.getProperty("user.home")));
        return load(folder);
    }

    public static Settings load(Path folder) {
        Settings settings = new Settings(folder.resolve(FILE_NAME));
        if (Files.isRegularFile(settings.file)) {
            try (Reader reader = Files.newBufferedReader(settings.file, StandardCharsets.UTF_8)) {
                settings.values.load(reader);
            } catch (IOException | IllegalArgumentException e) {
                // A damaged settings file must not keep the console from starting; defaults apply.
                settings.values.clear();
            }
        }
        return settings;
    }

    static Path defaultFolder(String osName, Map<String, String> environment, Path home) {
        return PlatformFolders.config(osName, environment, home);
    }

    public Optional<String> get(String key) {
        return Optional.ofNullable(values.getProperty(key));
    }

    /** Sets a value and writes the file at once, atomically, so a crash never leaves half a file. */
    public void put(String key, String value) {
        values.setProperty(key, value);
        save();
    }

    public Path file() {
        return file;
    }

    private void save() {
        try {
            Files.createDirectories(file.getParent());
            Path temp = Files.createTempFile(file.getParent(), FILE_NAME, ".tmp");
            try (Writer writer = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                values.store(writer, "capi-console settings");
            }
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save settings to " + file, e);
        }
    }
}
