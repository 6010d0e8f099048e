package dev.capiconsole.ui.common;

import java.util.List;
import java.util.Objects;
import javafx.collections.ObservableList;

/** Updates of observable lists that tell their views only what changed. */
public final class ListUpdates {

    private ListUpdates() {
    }

    /**
     * Makes {@code shown} equal {@code fresh}. When only elements changed in place (same length), only those are
     * replaced, so a table redraws the changed rows instead of all of them; otherwise the whole list is replaced.
     */
    public static <T> void replaceChanged(ObservableList<T> shown, List<T> fresh) {
        if (shown.size() != fresh.size()) {
            shown.setAll(fresh);
            return;
        }
        for (int i = 0; i < fresh.size(); i++) {
            if (!Objects.equals(shown.get(i), fresh.get(i))) {
                shown.set(i, fresh.get(i));
            }
        }
    }
}
