package dev.capiconsole.ui.common;

import java.util.function.Function;
import javafx.util.StringConverter;

/** Choice boxes whose values are shown by a name from the window's texts. */
public final class Choices {

    private Choices() {
    }

    /** Shows each value as {@code name} gives it; the choices are picked, never typed. */
    public static <T> StringConverter<T> named(Function<T, String> name) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return name.apply(value);
            }

            @Override
            public T fromString(String text) {
                throw new UnsupportedOperationException("choices are picked, not typed");
            }
        };
    }
}
