package dev.capiconsole.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import org.junit.jupiter.api.Test;

class ListUpdatesTest {

    @Test
    void anUnchangedListTellsItsViewsNothing() {
        ObservableList<String> shown = FXCollections.observableArrayList("a", "b", "c");
        List<String> changes = recordChanges(shown);
        ListUpdates.replaceChanged(shown, List.of("a", "b", "c"));
        assertThat(changes).isEmpty();
    }

    @Test
    void oneChangedElementIsTheOnlyOneReplaced() {
        ObservableList<String> shown = FXCollections.observableArrayList("a", "b", "c");
        List<String> changes = recordChanges(shown);
        ListUpdates.replaceChanged(shown, List.of("a", "B", "c"));
        assertThat(shown).containsExactly("a", "B", "c");
        assertThat(changes).containsExactly("replaced 1..2 with [B]");
    }

    @Test
    void aListOfAnotherLengthIsReplacedWhole() {
        ObservableList<String> shown = FXCollections.observableArrayList("a", "b", "c");
        List<String> changes = recordChanges(shown);
        ListUpdates.replaceChanged(shown, List.of("a", "c"));
        assertThat(shown).containsExactly("a", "c");
        assertThat(changes).containsExactly("replaced 0..2 with [a, c]");
    }

    private static List<String> recordChanges(ObservableList<String> list) {
        List<String> changes = new ArrayList<>();
        list.addListener((ListChangeListener<String>) change -> {
            while (change.next()) {
                changes.add("replaced " + change.getFrom() + ".." + change.getTo() + " with " + change.getAddedSubList());
            }
        });
        return changes;
    }
}
