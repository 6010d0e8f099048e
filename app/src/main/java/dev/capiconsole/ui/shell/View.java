package dev.capiconsole.ui.shell;

import dev.capiconsole.ui.common.Texts;
import java.util.Optional;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import org.kordamp.ikonli.feather.Feather;

/**
 * The main views of the window, each with its icon and its Ctrl+digit shortcut; the ten digits are taken, so a view
 * added later has none.
 */
public enum View {
    WELCOME("shell.view.welcome", Feather.HOME, KeyCode.DIGIT1),
    CLUSTERS("shell.view.clusters", Feather.LAYERS, KeyCode.DIGIT2),
    GENERATE("shell.view.generate", Feather.PLUS_SQUARE, KeyCode.DIGIT3),
    CLUSTER_CLASSES("shell.view.clusterclasses", Feather.COPY, null),
    PROVIDERS("shell.view.providers", Feather.PACKAGE, KeyCode.DIGIT4),
    LAB("shell.view.lab", Feather.CPU, KeyCode.DIGIT5),
    WORKLOADS("shell.view.workloads", Feather.MONITOR, KeyCode.DIGIT6),
    KIND("shell.view.kind", Feather.BOX, KeyCode.DIGIT7),
    INSTALL("shell.view.install", Feather.DOWNLOAD_CLOUD, KeyCode.DIGIT8),
    RESOURCE_SETS("shell.view.resourcesets", Feather.SHARE_2, KeyCode.DIGIT9),
    PROBLEMS("shell.view.problems", Feather.ALERT_TRIANGLE, KeyCode.DIGIT0);

    private final String titleKey;
    private final Feather icon;
    private final KeyCode key;

    View(String titleKey, Feather icon, KeyCode key) {
        this.titleKey = titleKey;
        this.icon = icon;
        this.key = key;
    }

    public String title() {
        return Texts.get(titleKey);
    }

    public Feather icon() {
        return icon;
    }

    public Optional<KeyCombination> shortcut() {
        return Optional.ofNullable(key).map(k -> new KeyCodeCombination(k, KeyCombination.SHORTCUT_DOWN));
    }

    /** The shortcut as the platform writes it, or empty. */
    public String shortcutText() {
        return shortcut().map(KeyCombination::getDisplayText).orElse("");
    }
}
