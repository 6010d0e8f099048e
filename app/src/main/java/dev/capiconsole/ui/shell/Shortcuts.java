package dev.capiconsole.ui.shell;

import dev.capiconsole.ui.common.Texts;
import java.util.LinkedHashMap;
import java.util.Map;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

/** The window's keyboard shortcuts, in one place so the help lists exactly what is installed. */
final class Shortcuts {

    static final KeyCombination THEME = new KeyCodeCombination(KeyCode.T, KeyCombination.SHORTCUT_DOWN);
    static final KeyCombination OPEN_KUBECONFIG = new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN);
    static final KeyCombination HELP = new KeyCodeCombination(KeyCode.F1);

    private Shortcuts() {
    }

    static void install(Scene scene, ShellViewModel viewModel) {
        for (View view : View.values()) {
            view.shortcut().ifPresent(key -> scene.getAccelerators().put(key, () -> viewModel.show(view)));
        }
        scene.getAccelerators().put(THEME, viewModel::toggleTheme);
        scene.getAccelerators().put(OPEN_KUBECONFIG, () -> WelcomeView.openKubeconfig(viewModel, scene.getWindow()));
        scene.getAccelerators().put(HELP, () -> showHelp(scene.getWindow()));
    }

    static Map<String, String> descriptions() {
        Map<String, String> all = new LinkedHashMap<>();
        for (View view : View.values()) {
            view.shortcut().ifPresent(key -> all.put(key.getDisplayText(), Texts.get("shell.shortcuts.show",
                    view.title())));
        }
        all.put(OPEN_KUBECONFIG.getDisplayText(), Texts.get("shell.shortcuts.open"));
        all.put(THEME.getDisplayText(), Texts.get("shell.shortcuts.theme"));
        all.put(HELP.getDisplayText(), Texts.get("shell.shortcuts.help"));
        return all;
    }

    static void showHelp(Window owner) {
        GridPane grid = new GridPane();
        grid.setHgap(24);
        grid.setVgap(6);
        int row = 0;
        for (Map.Entry<String, String> entry : descriptions().entrySet()) {
            Label key = new Label(entry.getKey());
            key.getStyleClass().add("shortcut-hint");
            grid.addRow(row++, key, new Label(entry.getValue()));
        }
        Alert alert = new Alert(Alert.AlertType.INFORMATION);
        alert.initOwner(owner);
        alert.setTitle(Texts.get("shell.shortcuts.title"));
        alert.setHeaderText(Texts.get("shell.shortcuts.title"));
        alert.getDialogPane().setContent(grid);
        alert.show();
    }
}
