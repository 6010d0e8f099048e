package dev.capiconsole.ui.common;

import javafx.scene.control.Label;

/** The labels every page uses, styled the same everywhere. */
public final class Labels {

    private Labels() {
    }

    /** A page's title. */
    public static Label title(String text) {
        Label title = new Label(text);
        title.getStyleClass().add("title-2");
        return title;
    }

    /** Secondary text in the theme's muted colour; {@code wrap} for sentences that may not fit on one line. */
    public static Label muted(String text, boolean wrap) {
        Label label = new Label(text);
        label.getStyleClass().add("muted");
        label.setWrapText(wrap);
        return label;
    }
}
