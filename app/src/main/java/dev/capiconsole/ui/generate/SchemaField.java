package dev.capiconsole.ui.generate;

import dev.capiconsole.clusterclass.JsonValues;
import dev.capiconsole.clusterclass.VariableInput;
import dev.capiconsole.clusterclass.VariableSchema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * One value of a ClusterClass variable as a form holds it, shaped by its schema: a text (strings, numbers, untyped
 * values), a yes/no, a choice among the enum's values, a group of an object's fields, a map's entries or an array's
 * items. A field that is not set has no value, so the server's default applies. Every change runs the form's
 * {@code changed} callback; errors are put at the field their path names ({@link #locate}).
 */
public abstract sealed class SchemaField permits SchemaField.Text, SchemaField.YesNo, SchemaField.Choice,
        SchemaField.Group, SchemaField.Entries, SchemaField.Items {

    private final String id;
    private final String label;
    private final VariableSchema schema;
    private final boolean required;
    private final StringProperty error = new SimpleStringProperty("");
    final Runnable changed;

    SchemaField(String id, String label, VariableSchema schema, boolean required, Runnable changed) {
        this.id = id;
        this.label = label;
        this.schema = schema;
        this.required = required;
        this.changed = changed;
    }

    /** The field for {@code schema}; {@code id} names its control, {@code required} marks it in the form. */
    static SchemaField of(String id, String label, VariableSchema schema, boolean required, Runnable changed) {
        if (!schema.enumValues().isEmpty()) {
            return new Choice(id, label, schema, required, changed);
        }
        return switch (schema.type()) {
            case "boolean" -> new YesNo(id, label, schema, required, changed);
            case "object" -> !schema.properties().isEmpty() ? new Group(id, label, schema, required, changed)
                    : schema.additionalProperties().isPresent() ? new Entries(id, label, schema, required, changed)
                    : new Text(id, label, schema, required, changed);
            case "array" -> schema.items().isPresent() ? new Items(id, label, schema, required, changed)
                    : new Text(id, label, schema, required, changed);
            default -> new Text(id, label, schema, required, changed);
        };
    }

    /** The value as set, empty when the field is not set; fails with {@link UnreadableValue} on unreadable text. */
    public abstract Optional<Object> value();

    public String id() {
        return id;
    }

    public String label() {
        return label;
    }

    public VariableSchema schema() {
        return schema;
    }

    public boolean required() {
        return required;
    }

    /** What is wrong with the value here, or empty. */
    public StringProperty errorProperty() {
        return error;
    }

    /** The field inside this one that a relative path ({@code .field[0].name}) names, as deep as it exists. */
    public SchemaField locate(String path) {
        if (path.isEmpty()) {
            return this;
        }
        int end = path.startsWith("[") ? path.indexOf(']') + 1 : nextSegment(path);
        if (end <= 0) {
            return this;
        }
        String segment = path.startsWith("[") ? path.substring(1, end - 1) : path.substring(1, end);
        return child(segment).map(c -> c.locate(path.substring(end))).orElse(this);
    }

    private static int nextSegment(String path) {
        int end = path.length();
        for (char stop : new char[] {'.', '['}) {
            int index = path.indexOf(stop, 1);
            if (index > 0 && index < end) {
                end = index;
            }
        }
        return end;
    }

    Optional<SchemaField> child(String segment) {
        return Optional.empty();
    }

    /** The value of a list's item or a map's value: an object without fields set is empty, anything else null. */
    static Object itemValue(SchemaField item) {
        return item instanceof Group group ? group.setFields() : item.value().orElse(null);
    }

    /** This field and every field inside it. */
    public List<SchemaField> all() {
        List<SchemaField> all = new ArrayList<>();
        all.add(this);
        children().forEach(c -> all.addAll(c.all()));
        return all;
    }

    List<SchemaField> children() {
        return List.of();
    }

    /** A text that does not read as the field's type at all (broken YAML). */
    static final class UnreadableValue extends RuntimeException {
        private final transient SchemaField field;

        UnreadableValue(SchemaField field, String message) {
            super(message);
            this.field = field;
        }

        SchemaField field() {
            return field;
        }
    }

    /** Strings, numbers, int-or-string and untyped values (YAML), typed as text. */
    public static final class Text extends SchemaField {
        private final StringProperty text = new SimpleStringProperty("");

        Text(String id, String label, VariableSchema schema, boolean required, Runnable changed) {
            super(id, label, schema, required, changed);
            text.addListener((obs, old, now) -> changed.run());
        }

        public StringProperty textProperty() {
            return text;
        }

        /** Whether the schema wants a number, for a number field. */
        public boolean numeric() {
            return schema().type().equals("integer") || schema().type().equals("number");
        }

        @Override
        public Optional<Object> value() {
            if (text.get().isEmpty()) {
                return Optional.empty();
            }
            try {
                return Optional.ofNullable(VariableInput.read(text.get(), schema()));
            } catch (IllegalArgumentException e) {
                throw new UnreadableValue(this, e.getMessage());
            }
        }
    }

    /** A boolean: yes, no, or not set (null). */
    public static final class YesNo extends SchemaField {
        private final ObjectProperty<Boolean> choice = new SimpleObjectProperty<>();

        YesNo(String id, String label, VariableSchema schema, boolean required, Runnable changed) {
            super(id, label, schema, required, changed);
            choice.addListener((obs, old, now) -> changed.run());
        }

        public ObjectProperty<Boolean> choiceProperty() {
            return choice;
        }

        @Override
        public Optional<Object> value() {
            return Optional.ofNullable(choice.get());
        }
    }

    /** One of the enum's values, or not set (null). */
    public static final class Choice extends SchemaField {
        private final ObjectProperty<Object> choice = new SimpleObjectProperty<>();

        Choice(String id, String label, VariableSchema schema, boolean required, Runnable changed) {
            super(id, label, schema, required, changed);
            choice.addListener((obs, old, now) -> changed.run());
        }

        public ObjectProperty<Object> choiceProperty() {
            return choice;
        }

        public List<Object> options() {
            return schema().enumValues();
        }

        @Override
        public Optional<Object> value() {
            return Optional.ofNullable(choice.get()).map(JsonValues::copy);
        }
    }

    /** An object with declared fields: set when any of its fields is set. */
    public static final class Group extends SchemaField {
        private final Map<String, SchemaField> fields = new LinkedHashMap<>();

        Group(String id, String label, VariableSchema schema, boolean required, Runnable changed) {
            super(id, label, schema, required, changed);
            List<String> requiredFields = schema.requiredFields();
            schema.properties().forEach((name, child) -> fields.put(name, SchemaField.of(id + "-" + name, name,
                    child, requiredFields.contains(name), changed)));
        }

        public Map<String, SchemaField> fields() {
            return fields;
        }

        @Override
        public Optional<Object> value() {
            Map<String, Object> value = setFields();
            return value.isEmpty() ? Optional.empty() : Optional.of(value);
        }

        /** The fields that are set, possibly none: an item of a list or a map's value is there even when empty. */
        Map<String, Object> setFields() {
            Map<String, Object> value = new LinkedHashMap<>();
            fields.forEach((name, field) -> field.value().ifPresent(v -> value.put(name, v)));
            return value;
        }

        @Override
        Optional<SchemaField> child(String segment) {
            return Optional.ofNullable(fields.get(segment));
        }

        @Override
        List<SchemaField> children() {
            return List.copyOf(fields.values());
        }
    }

    /** A map (additionalProperties): entries of a key and a value; set when it has an entry. */
    public static final class Entries extends SchemaField {
        private final ObservableList<Entry> entries = FXCollections.observableArrayList();
        private int added;

        Entries(String id, String label, VariableSchema schema, boolean required, Runnable changed) {
            super(id, label, schema, required, changed);
        }

        /** One key and its value. */
        public record Entry(StringProperty key, SchemaField value) {
        }

        public ObservableList<Entry> entries() {
            return entries;
        }

        public Entry add() {
            int index = added++;
            VariableSchema values = schema().additionalProperties().orElseThrow();
            Entry entry = new Entry(new SimpleStringProperty(""), SchemaField.of(id() + "-" + index, "", values,
                    false, changed));
            entry.key().addListener((obs, old, now) -> changed.run());
            entries.add(entry);
            changed.run();
            return entry;
        }

        public void remove(Entry entry) {
            entries.remove(entry);
            changed.run();
        }

        @Override
        public Optional<Object> value() {
            Map<String, Object> value = new LinkedHashMap<>();
            for (Entry entry : entries) {
                if (!entry.key().get().isBlank()) {
                    value.put(entry.key().get().strip(), itemValue(entry.value()));
                }
            }
            return value.isEmpty() ? Optional.empty() : Optional.of(value);
        }

        @Override
        Optional<SchemaField> child(String segment) {
            return entries.stream().filter(e -> e.key().get().strip().equals(segment)).map(Entry::value).findFirst();
        }

        @Override
        List<SchemaField> children() {
            return entries.stream().map(Entry::value).toList();
        }
    }

    /** An array: its items, each a field of the items' schema; set when it has an item (an unset item is null). */
    public static final class Items extends SchemaField {
        private final ObservableList<SchemaField> items = FXCollections.observableArrayList();
        private int added;

        Items(String id, String label, VariableSchema schema, boolean required, Runnable changed) {
            super(id, label, schema, required, changed);
        }

        public ObservableList<SchemaField> items() {
            return items;
        }

        public SchemaField add() {
            SchemaField item = SchemaField.of(id() + "-" + added++, "", schema().items().orElseThrow(), false,
                    changed);
            items.add(item);
            changed.run();
            return item;
        }

        public void remove(SchemaField item) {
            items.remove(item);
            changed.run();
        }

        @Override
        public Optional<Object> value() {
            if (items.isEmpty()) {
                return Optional.empty();
            }
            List<Object> value = new ArrayList<>();
            items.forEach(item -> value.add(itemValue(item)));
            return Optional.of(value);
        }

        @Override
        Optional<SchemaField> child(String segment) {
            try {
                int index = Integer.parseInt(segment);
                return index >= 0 && index < items.size() ? Optional.of(items.get(index)) : Optional.empty();
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }

        @Override
        List<SchemaField> children() {
            return List.copyOf(items);
        }
    }
}
