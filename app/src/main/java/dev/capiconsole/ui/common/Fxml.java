package dev.capiconsole.ui.common;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import javafx.fxml.FXMLLoader;

/** Loads a view's static layout from the FXML file named after its controller's class, beside it; {@code %key}s from {@link Texts}. */
public final class Fxml {

    private Fxml() {
    }

    /**
     * Builds the layout of {@code <ControllerClass>.fxml} with {@code controller} as its controller: the loader injects
     * its {@code @FXML} fields and calls its {@code initialize()}, which binds them to the view-model.
     */
    public static <T> T load(Object controller) {
        Class<?> type = controller.getClass();
        String file = type.getSimpleName() + ".fxml";
        URL location = type.getResource(file);
        if (location == null) {
            throw new IllegalStateException("no " + file + " beside " + type.getName());
        }
        FXMLLoader loader = new FXMLLoader(location, Texts.bundle());
        // The FXML's imports resolve against the application's class loader, not whatever the thread has.
        loader.setClassLoader(type.getClassLoader());
        loader.setController(controller);
        try {
            return loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("could not load " + location, e);
        }
    }
}
