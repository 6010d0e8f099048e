package dev.capiconsole.ui.shell;

import dev.capiconsole.ui.common.Texts;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The first page: the three ways to reach a management cluster. Built in code rather than FXML: it is drawn in the
 * first frame, before which a first FXML load would add the loader's start-up, and its three cards share one builder.
 */
final class WelcomeView {

    private final VBox root = new VBox(24);

    WelcomeView(ShellViewModel viewModel) {
        root.getStyleClass().add("welcome");
        Label title = new Label(Texts.get("shell.welcome.title"));
        title.getStyleClass().add("title-1");
        Label lead = new Label(Texts.get("shell.welcome.lead"));
        lead.getStyleClass().add("lead");
        lead.setWrapText(true);

        HBox cards = new HBox(20,
                card("open-kubeconfig", Feather.FOLDER, Texts.get("shell.welcome.open.title"),
                        Texts.get("shell.welcome.open.text"),
                        Shortcuts.OPEN_KUBECONFIG.getDisplayText(), () -> openKubeconfig(viewModel, root.getScene().getWindow())),
                card("create-kind", Feather.BOX, Texts.get("shell.welcome.kind.title"),
                        Texts.get("shell.welcome.kind.text"),
                        View.KIND.shortcutText(), () -> viewModel.show(View.KIND)),
                card("start-lab", Feather.CPU, Texts.get("shell.welcome.lab.title"),
                        Texts.get("shell.welcome.lab.text"),
                        View.LAB.shortcutText(), viewModel::startLab));
        cards.setAlignment(Pos.TOP_LEFT);
        cards.setFillHeight(false);

        Label hint = new Label(Texts.get("shell.welcome.hint", Shortcuts.HELP.getDisplayText()));
        hint.getStyleClass().add("muted");
        root.getChildren().addAll(title, lead, cards, hint);
    }

    Node root() {
        return root;
    }

    /** Asks for a kubeconfig file, lists its contexts and connects to its current one. */
    static void openKubeconfig(ShellViewModel viewModel, javafx.stage.Window owner) {
        javafx.stage.FileChooser chooser = new javafx.stage.FileChooser();
        chooser.setTitle(Texts.get("shell.open.title"));
        java.io.File kube = new java.io.File(System.getProperty("user.home"), ".kube");
        if (kube.isDirectory()) {
            chooser.setInitialDirectory(kube);
        }
        java.io.File file = chooser.showOpenDialog(owner);
        if (file != null) {
            viewModel.loadKubeconfigs(java.util.List.of(file.toPath()), true);
        }
    }

    private static Button card(String id, Feather icon, String title, String description, String shortcut,
                               Runnable action) {
        FontIcon glyph = new FontIcon(icon);
        glyph.getStyleClass().add("card-icon");
        Label heading = new Label(title);
        heading.getStyleClass().add("card-title");
        heading.setWrapText(true);
        Label text = new Label(description);
        text.setWrapText(true);
        text.getStyleClass().add("card-text");
        VBox body = new VBox(10, glyph, heading, text);
        if (shortcut != null) {
            Label key = new Label(shortcut);
            key.getStyleClass().add("shortcut-hint");
            body.getChildren().add(key);
        }
        Button card = new Button(null, body);
        card.setId(id);
        card.getStyleClass().add("start-card");
        card.setOnAction(e -> action.run());
        return card;
    }
}
