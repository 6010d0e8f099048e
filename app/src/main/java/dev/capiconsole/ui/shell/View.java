package dev.capiconsole.ui.shell;

import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import org.kordamp.ikonli.feather.Feather;

/** The main views of the window, each with its icon and its Ctrl+digit shortcut. */
public enum View {
    WELCOME("Welcome", Feather.HOME, KeyCode.DIGIT1),
    CLUSTERS("Clusters", Feather.LAYERS, KeyCode.DIGIT2),
    GENERATE("Generate cluster", Feather.PLUS_SQUARE, KeyCode.DIGIT3),
    PROVIDERS("Providers", Feather.PACKAGE, KeyCode.DIGIT4),
    LAB("Embedded lab", Feather.CPU, KeyCode.DIGIT5),
    WORKLOADS("Workload clusters", Feather.MONITOR, KeyCode.DIGIT6),
    KIND("Local kind cluster", Feather.BOX, KeyCode.DIGIT7),
    INSTALL("Install providers", Feather.DOWNLOAD_CLOUD, KeyCode.DIGIT8),
    RESOURCE_SETS("Resource sets", Feather.SHARE_2, KeyCode.DIGIT9);

    private final String title;
    private final Feather icon;
    private final KeyCode key;

    View(String title, Feather icon, KeyCode key) {
        this.title = title;
        this.icon = icon;
        this.key = key;
    }

    public String title() {
        return title;
    }

    public Feather icon() {
        return icon;
    }

    public KeyCode key() {
        return key;
    }

    public KeyCombination shortcut() {
        return new KeyCodeCombination(key, KeyCombination.SHORTCUT_DOWN);
    }
}
