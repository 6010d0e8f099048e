package dev.capiconsole.ui.common;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextInputControl;
import javafx.scene.text.Text;

/** The texts the visible nodes of a scene graph show, one per line, in full (not as ellipsized on screen). */
final class SceneText {

    private SceneText() {
    }

    static String of(Node root) {
        StringBuilder text = new StringBuilder();
        collect(root, false, text);
        return text.toString();
    }

    /**
     * {@code owned}: inside a text input, whose skin's Text nodes repeat its text; a Labeled's own text node
     * (LabeledText) is skipped the same way, while other nodes inside a Labeled (a titled pane's content) count.
     */
    private static void collect(Node node, boolean owned, StringBuilder text) {
        if (!node.isVisible()) {
            return;
        }
        String shown = null;
        if (node instanceof Labeled labeled) {
            shown = labeled.getText();
        } else if (node instanceof TextInputControl input) {
            shown = input.getText();
        } else if (node instanceof Text plain && !owned
                && !plain.getClass().getSimpleName().equals("LabeledText")) {
            shown = plain.getText();
        }
        if (shown != null && !shown.isBlank()) {
            text.append(shown.strip()).append('\n');
        }
        if (node instanceof Parent parent) {
            boolean owner = owned || node instanceof TextInputControl;
            parent.getChildrenUnmodifiable().forEach(child -> collect(child, owner, text));
        }
    }
}
