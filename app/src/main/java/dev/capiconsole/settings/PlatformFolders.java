package dev.capiconsole.settings;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where the console keeps its own files on each desktop platform: the settings folder and the log folder.
 * Pure functions of the operating system name, the environment and the home folder, so every platform can be
 * tested on any machine.
 */
public final class PlatformFolders {

    private static final String APP = "capi-console";

    private PlatformFolders() {
    }

    /**
     * The settings folder: {@code $XDG_CONFIG_HOME/capi-console} (else {@code ~/.config/capi-console}) on Linux and
     * other Unix desktops, {@code ~/Library/Application Support/capi-console} on macOS, and
     * {@code %APPDATA%\capi-console} on Windows.
     */
    public static Path config(String osName, Map<String, String> environment, Path home) {
        return switch (platform(osName)) {
            case MAC -> home.resolve("Library").resolve("Application Support").resolve(APP);
            case WINDOWS -> windowsFolder(environment, "APPDATA", home.resolve("AppData").resolve("Roaming"))
                    .resolve(APP);
            case UNIX -> XdgFolders.configHome(environment, home).resolve(APP);
        };
    }

    /**
     * The log folder: {@code $XDG_STATE_HOME/capi-console/logs} (else {@code ~/.local/state/capi-console/logs}) on
     * Linux and other Unix desktops, {@code ~/Library/Logs/capi-console} on macOS, and
     * {@code %LOCALAPPDATA%\capi-console\logs} on Windows.
     */
    public static Path logs(String osName, Map<String, String> environment, Path home) {
        return switch (platform(osName)) {
            case MAC -> home.resolve("Library").resolve("Logs").resolve(APP);
            case WINDOWS -> windowsFolder(environment, "LOCALAPPDATA", home.resolve("AppData").resolve("Local"))
                    .resolve(APP).resolve("logs");
            case UNIX -> XdgFolders.stateHome(environment, home).resolve(APP).resolve("logs");
        };
    }

    enum Platform { UNIX, MAC, WINDOWS }

    static Platform platform(String osName) {
        String name = osName == null ? "" : osName.toLowerCase(Locale.ROOT);
        if (name.startsWith("windows")) {
            return Platform.WINDOWS;
        }
        if (name.startsWith("mac") || name.startsWith("darwin")) {
            return Platform.MAC;
        }
        return Platform.UNIX;
    }

    private static Path windowsFolder(Map<String, String> environment, String variable, Path fallback) {
        String value = environment.get(variable);
        return value == null || value.isBlank() ? fallback : Path.of(value);
    }
}
