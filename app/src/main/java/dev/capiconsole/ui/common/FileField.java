package dev.capiconsole.ui.common;

import java.io.File;
import javafx.beans.property.StringProperty;
import javafx.scene.control.Button;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.stage.FileChooser;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** A text field for a file or URL with a button beside it that picks a file into {@code target}. */
public final class FileField {

    private FileField() {
    }

    public static HBox row(TextField field, String buttonText, String chooserTitle, StringProperty target,
                           FileChooser.ExtensionFilter... filters) {
        Button browse = new Button(buttonText, new FontIcon(Feather.FOLDER));
        browse.setMinWidth(Region.USE_PREF_SIZE);
        browse.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle(chooserTitle);
            chooser.getExtensionFilters().addAll(filters);
            File file = chooser.showOpenDialog(browse.getScene().getWindow());
            if (file != null) {
                target.set(file.getAbsolutePath());
            }
        });
        HBox row = new HBox(8, field, browse);
        HBox.setHgrow(field, Priority.ALWAYS);
        return row;
    }
}
