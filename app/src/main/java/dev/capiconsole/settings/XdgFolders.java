package dev.capiconsole.settings;

import java.nio.file.Path;
import java.util.Map;

/** The XDG base folders, as clusterctl and desktop tools resolve them. */
public final class XdgFolders {

    private XdgFolders() {
    }

    /** {@code $XDG_CONFIG_HOME}, else {@code ~/.config}. */
    public static Path configHome(Map<String, String> environment, Path home) {
        String xdg = environment.get("XDG_CONFIG_HOME");
        return xdg == null || xdg.isBlank() ? home.resolve(".config") : Path.of(xdg);
    }

    /** {@code $XDG_STATE_HOME}, else {@code ~/.local/state}: logs and other state worth keeping between runs. */
    public static Path stateHome(Map<String, String> environment, Path home) {
        String xdg = environment.get("XDG_STATE_HOME");
        return xdg == null || xdg.isBlank() ? home.resolve(".local").resolve("state") : Path.of(xdg);
    }
}
