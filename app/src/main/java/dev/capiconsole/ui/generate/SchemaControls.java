package dev.capiconsole.ui.generate;

import dev.capiconsole.clusterclass.JsonValues;
import dev.capiconsole.clusterclass.VariableSchema;
import dev.capiconsole.ui.common.Texts;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TextField;
import javafx.scene.control.TextFormatter;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The control for each kind of {@link SchemaField}: a text field (numbers only for numeric schemas), a check box
 * whose third state is "not set", a choice of the enum's values, a box of an object's fields, and editable lists of
 * a map's entries and an array's items. Each field shows its name, type, default and description, and its problem
 * under it.
 */
final class SchemaControls {

    private SchemaControls() {
    }

    /** The field with its name, hints and problem. */
    static Node row(SchemaField field) {
        Label name = new Label(field.label() + (field.required() ? " *" : ""));
        name.getStyleClass().add("class-form-name");
        name.setMinWidth(Region.USE_PREF_SIZE);
        Label type = new Label(typeText(field.schema()));
        type.getStyleClass().add("field-hint");
        HBox heading = new HBox(10, name, type);
        heading.setAlignment(Pos.BASELINE_LEFT);
        VBox row = new VBox(4, heading, control(field));
        String hint = hint(field.schema());
        if (!hint.isEmpty()) {
            Label hintLabel = new Label(hint);
            hintLabel.getStyleClass().add("field-hint");
            hintLabel.setWrapText(true);
            row.getChildren().add(hintLabel);
        }
        row.getChildren().add(problem(field));
        return row;
    }

    /** The field's control alone, with its problem under it (items of lists and values of maps). */
    private static Node bare(SchemaField field) {
        VBox box = new VBox(2, control(field), problem(field));
        HBox.setHgrow(box, Priority.ALWAYS);
        return box;
    }

    private static Node control(SchemaField field) {
        if (field instanceof SchemaField.Text text) {
            return textField(text);
        }
        if (field instanceof SchemaField.YesNo yesNo) {
            return checkBox(yesNo);
        }
        if (field instanceof SchemaField.Choice choice) {
            return choiceBox(choice);
        }
        if (field instanceof SchemaField.Group group) {
            VBox box = new VBox(8);
            box.setId(field.id());
            box.getStyleClass().add("class-form-group");
            group.fields().values().forEach(child -> box.getChildren().add(row(child)));
            return box;
        }
        if (field instanceof SchemaField.Entries entries) {
            return entries(entries);
        }
        return items((SchemaField.Items) field);
    }

    private static Node textField(SchemaField.Text field) {
        TextField text = new TextField();
        text.setId(field.id());
        text.textProperty().bindBidirectional(field.textProperty());
        field.schema().defaultValue().ifPresent(d -> text.setPromptText(Texts.get("generate.class.defaultPrompt",
                JsonValues.json(d))));
        if (field.numeric()) {
            String allowed = field.schema().type().equals("integer") ? "-?\\d*" : "-?\\d*(\\.\\d*)?([eE][-+]?\\d*)?";
            UnaryOperator<TextFormatter.Change> numbersOnly = change -> change.getControlNewText().matches(allowed)
                    ? change : null;
            text.setTextFormatter(new TextFormatter<>(numbersOnly));
            text.setMaxWidth(180);
        } else {
            text.setMaxWidth(520);
        }
        return text;
    }

    private static Node checkBox(SchemaField.YesNo field) {
        CheckBox box = new CheckBox();
        box.setId(field.id());
        box.setAllowIndeterminate(true);
        Runnable show = () -> {
            Boolean value = field.choiceProperty().get();
            box.setIndeterminate(value == null);
            box.setSelected(Boolean.TRUE.equals(value));
            box.setText(Texts.get(value == null ? "generate.class.notSet" : value ? "generate.class.yes"
                    : "generate.class.no"));
        };
        show.run();
        field.choiceProperty().addListener((obs, old, now) -> show.run());
        box.setOnAction(e -> field.choiceProperty().set(box.isIndeterminate() ? null : box.isSelected()));
        return box;
    }

    private static Node choiceBox(SchemaField.Choice field) {
        List<Object> options = new ArrayList<>();
        options.add(null);
        options.addAll(field.options());
        ComboBox<Object> box = new ComboBox<>();
        box.setId(field.id());
        box.getItems().setAll(options);
        box.setButtonCell(choiceCell());
        box.setCellFactory(list -> choiceCell());
        box.valueProperty().bindBidirectional(field.choiceProperty());
        box.setMinWidth(180);
        return box;
    }

    private static ListCell<Object> choiceCell() {
        return new ListCell<>() {
            @Override
            protected void updateItem(Object item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item == null ? Texts.get("generate.class.notSet")
                        : item instanceof String text ? text : JsonValues.json(item));
            }
        };
    }

    private static Node entries(SchemaField.Entries field) {
        VBox list = new VBox(6);
        Runnable show = () -> list.getChildren().setAll(field.entries().stream().map(entry -> {
            TextField key = new TextField();
            key.setId(entry.value().id() + "-key");
            key.setPromptText(Texts.get("generate.class.key"));
            key.textProperty().bindBidirectional(entry.key());
            key.setPrefWidth(160);
            HBox line = new HBox(8, key, bare(entry.value()), removeButton(() -> field.remove(entry)));
            line.setAlignment(Pos.TOP_LEFT);
            return (Node) line;
        }).toList());
        field.entries().addListener((ListChangeListener<SchemaField.Entries.Entry>) c -> show.run());
        show.run();
        Button add = new Button(Texts.get("generate.class.addEntry"), new FontIcon(Feather.PLUS));
        add.setId(field.id() + "-add");
        add.setOnAction(e -> field.add());
        VBox box = new VBox(6, list, add);
        box.setId(field.id());
        box.getStyleClass().add("class-form-group");
        return box;
    }

    private static Node items(SchemaField.Items field) {
        VBox list = new VBox(6);
        Runnable show = () -> {
            List<Node> lines = new ArrayList<>();
            for (int i = 0; i < field.items().size(); i++) {
                SchemaField item = field.items().get(i);
                Label index = new Label(String.valueOf(i + 1));
                index.getStyleClass().add("field-hint");
                index.setMinWidth(18);
                HBox line = new HBox(8, index, bare(item), removeButton(() -> field.remove(item)));
                line.setAlignment(Pos.TOP_LEFT);
                lines.add(line);
            }
            list.getChildren().setAll(lines);
        };
        field.items().addListener((ListChangeListener<SchemaField>) c -> show.run());
        show.run();
        Button add = new Button(Texts.get("generate.class.addItem"), new FontIcon(Feather.PLUS));
        add.setId(field.id() + "-add");
        add.setOnAction(e -> field.add());
        VBox box = new VBox(6, list, add);
        box.setId(field.id());
        box.getStyleClass().add("class-form-group");
        return box;
    }

    private static Button removeButton(Runnable remove) {
        Button button = new Button(null, new FontIcon(Feather.X));
        button.getStyleClass().addAll("flat", "button-icon");
        button.setAccessibleText(Texts.get("generate.class.remove"));
        button.setOnAction(e -> remove.run());
        return button;
    }

    private static Label problem(SchemaField field) {
        Label problem = new Label();
        problem.setId(field.id() + "-error");
        problem.getStyleClass().add("field-problem");
        problem.setWrapText(true);
        problem.textProperty().bind(field.errorProperty());
        problem.managedProperty().bind(field.errorProperty().isNotEmpty());
        problem.visibleProperty().bind(field.errorProperty().isNotEmpty());
        return problem;
    }

    /** The schema's type with its limits: {@code integer 10..250}, {@code string ≤64}, {@code array 1..4 unique}. */
    static String typeText(VariableSchema schema) {
        StringBuilder text = new StringBuilder(schema.type().isEmpty() ? schema.intOrString() ? "int-or-string"
                : Texts.get("generate.class.anyType") : schema.type());
        if (schema.minimum().isPresent() || schema.maximum().isPresent()) {
            text.append(' ').append(schema.minimum().map(m -> (schema.exclusiveMinimum() ? ">" : "") + m).orElse(""))
                    .append("..").append(schema.maximum().map(m -> (schema.exclusiveMaximum() ? "<" : "") + m)
                            .orElse(""));
        }
        if (schema.minLength().isPresent() || schema.maxLength().isPresent()) {
            text.append(' ').append(Texts.get("generate.class.length", schema.minLength().orElse(0L),
                    schema.maxLength().map(String::valueOf).orElse("")));
        }
        if (schema.minItems().isPresent() || schema.maxItems().isPresent()) {
            text.append(' ').append(Texts.get("generate.class.items", schema.minItems().orElse(0L),
                    schema.maxItems().map(String::valueOf).orElse("")));
        }
        if (schema.uniqueItems()) {
            text.append(' ').append(Texts.get("generate.class.unique"));
        }
        if (!schema.format().isEmpty()) {
            text.append(' ').append(Texts.get("generate.class.format", schema.format()));
        }
        if (!schema.pattern().isEmpty()) {
            text.append(' ').append(Texts.get("generate.class.pattern", schema.pattern()));
        }
        return text.toString();
    }

    private static String hint(VariableSchema schema) {
        List<String> parts = new ArrayList<>();
        if (!schema.description().isEmpty()) {
            parts.add(schema.description());
        }
        schema.defaultValue().ifPresent(d -> parts.add(Texts.get("generate.class.default", JsonValues.json(d))));
        return String.join("  ·  ", parts);
    }
}
