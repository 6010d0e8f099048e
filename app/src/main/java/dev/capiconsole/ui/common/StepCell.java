package dev.capiconsole.ui.common;

import java.util.function.Function;
import javafx.scene.control.ListCell;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** One step of a long-running job in a list: its text and an icon coloured by how it went. */
public final class StepCell<T> extends ListCell<T> {

    /** How a step went, as the icon shows it. */
    public enum Mark { PENDING, RUNNING, DONE, SKIPPED, FAILED }

    private final Function<T, String> text;
    private final Function<T, Mark> mark;
    private final boolean wrap;

    /** {@code wrap}: long texts wrap within the list's width instead of widening it. */
    public StepCell(Function<T, String> text, Function<T, Mark> mark, boolean wrap) {
        this.text = text;
        this.mark = mark;
        this.wrap = wrap;
    }

    @Override
    protected void updateItem(T step, boolean empty) {
        super.updateItem(step, empty);
        getStyleClass().removeAll("status-good", "status-bad", "status-unknown");
        if (empty || step == null) {
            setText(null);
            setGraphic(null);
            return;
        }
        setText(text.apply(step));
        if (wrap) {
            setWrapText(true);
            setPrefWidth(0);
        }
        Mark how = mark.apply(step);
        FontIcon icon = new FontIcon(switch (how) {
            case PENDING -> Feather.CIRCLE;
            case RUNNING -> Feather.CLOCK;
            case DONE -> Feather.CHECK_CIRCLE;
            case SKIPPED -> Feather.MINUS_CIRCLE;
            case FAILED -> Feather.X_CIRCLE;
        });
        icon.getStyleClass().add(switch (how) {
            case PENDING, SKIPPED -> "muted";
            case RUNNING -> "status-unknown";
            case DONE -> "status-good";
            case FAILED -> "status-bad";
        });
        setGraphic(icon);
    }
}
