package dev.capiconsole.clusterclass;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A variable's {@code openAPIV3Schema}, the subset a ClusterClass allows, checked by hand the way the API server
 * (Cluster API's webhook, through apiextensions' validator) checks a Cluster's variable values: type (a whole
 * float counts as an integer, an integer as a number), enum, minimum/maximum with their exclusive flags,
 * minLength/maxLength (in characters), pattern (Go's regexp, unanchored), format, items, minItems/maxItems,
 * uniqueItems, properties, required, additionalProperties, min/maxProperties, allOf/anyOf/oneOf/not,
 * x-kubernetes-int-or-string, and the fields the schema does not declare (refused unless
 * x-kubernetes-preserve-unknown-fields). A ClusterClass schema has no {@code nullable}: null is refused wherever a
 * type is set. {@code x-kubernetes-validations} (CEL) and a few formats are left to the server, see
 * {@link #serverChecks()}. Defaults are filled in as the server's structural defaulting does.
 */
public final class VariableSchema {

    private final Map<String, Object> schema;

    public VariableSchema(Map<String, Object> schema) {
        this.schema = schema == null ? Map.of() : schema;
    }

    /** The schema as read, for showing it. */
    public Map<String, Object> raw() {
        return Collections.unmodifiableMap(schema);
    }

    /** {@code string}, {@code integer}, {@code number}, {@code boolean}, {@code object}, {@code array}, or empty. */
    public String type() {
        return text("type");
    }

    public String description() {
        return text("description");
    }

    public String format() {
        return text("format");
    }

    public String pattern() {
        return text("pattern");
    }

    public Optional<Object> defaultValue() {
        return schema.containsKey("default") ? Optional.ofNullable(JsonValues.copy(schema.get("default")))
                : Optional.empty();
    }

    public boolean hasDefault() {
        return schema.containsKey("default");
    }

    public Optional<Object> example() {
        return Optional.ofNullable(schema.get("example"));
    }

    /** The allowed values, empty when any value of the type is allowed. */
    public List<Object> enumValues() {
        return schema.get("enum") instanceof List<?> list ? List.copyOf(list) : List.of();
    }

    /** The declared fields of an object, in the schema's order. */
    public Map<String, VariableSchema> properties() {
        Map<String, VariableSchema> properties = new LinkedHashMap<>();
        if (schema.get("properties") instanceof Map<?, ?> map) {
            map.forEach((name, child) -> properties.put(String.valueOf(name), child(child)));
        }
        return properties;
    }

    /** The schema of a map's values, when the object is a map. */
    public Optional<VariableSchema> additionalProperties() {
        return schema.get("additionalProperties") instanceof Map<?, ?> map ? Optional.of(child(map))
                : Optional.empty();
    }

    /** The schema of an array's items. */
    public Optional<VariableSchema> items() {
        return schema.get("items") instanceof Map<?, ?> map ? Optional.of(child(map)) : Optional.empty();
    }

    /** The fields an object must have. */
    public List<String> requiredFields() {
        return schema.get("required") instanceof List<?> list ? list.stream().map(String::valueOf).toList()
                : List.of();
    }

    public Optional<Long> minimum() {
        return number("minimum");
    }

    public Optional<Long> maximum() {
        return number("maximum");
    }

    public boolean exclusiveMinimum() {
        return flag("exclusiveMinimum");
    }

    public boolean exclusiveMaximum() {
        return flag("exclusiveMaximum");
    }

    public Optional<Long> minLength() {
        return number("minLength");
    }

    public Optional<Long> maxLength() {
        return number("maxLength");
    }

    public Optional<Long> minItems() {
        return number("minItems");
    }

    public Optional<Long> maxItems() {
        return number("maxItems");
    }

    public boolean uniqueItems() {
        return flag("uniqueItems");
    }

    public boolean preservesUnknownFields() {
        return flag("x-kubernetes-preserve-unknown-fields");
    }

    public boolean intOrString() {
        return flag("x-kubernetes-int-or-string");
    }

    /**
     * What only the server checks in this schema and below, one English line each with its path relative to the
     * variable ({@code .field[*]}): CEL rules and formats not checked locally.
     */
    public List<String> serverChecks() {
        List<String> checks = new ArrayList<>();
        collectServerChecks("", checks);
        return checks;
    }

    /** The rules {@code value} breaks, with paths under {@code path} (e.g. {@code spec.topology.variables[x].value}). */
    public List<SchemaError> validate(Object value, String path) {
        List<SchemaError> errors = new ArrayList<>();
        check(value, path, errors);
        if (errors.isEmpty()) {
            unknownFields(value, path, errors);
        }
        return errors;
    }

    /**
     * A set value with the schema's defaults filled in as the server does: a declared field that is missing (or
     * null) gets its default, inside objects that are present; null array items and map values get the items' or
     * values' default; a null value gets the schema's own default.
     */
    public Object withDefaults(Object value) {
        if (value == null && schema.containsKey("default")) {
            return fillDefaults(JsonValues.copy(schema.get("default")));
        }
        return fillDefaults(JsonValues.copy(value));
    }

    /** What the server sets for a variable that is not set: the top-level default with its nested defaults. */
    public Optional<Object> defaultForMissing() {
        return schema.containsKey("default") ? Optional.ofNullable(withDefaults(null)) : Optional.empty();
    }

    @SuppressWarnings("unchecked")
    private Object fillDefaults(Object value) {
        if (value instanceof Map<?, ?> raw) {
            Map<String, Object> map = (Map<String, Object>) raw;
            Map<String, VariableSchema> properties = properties();
            properties.forEach((name, property) -> {
                if ((!map.containsKey(name) || map.get(name) == null) && property.schema.containsKey("default")) {
                    map.put(name, JsonValues.copy(property.schema.get("default")));
                }
            });
            Optional<VariableSchema> values = additionalProperties();
            for (Map.Entry<String, Object> entry : map.entrySet()) {
                VariableSchema child = properties.containsKey(entry.getKey()) ? properties.get(entry.getKey())
                        : values.orElse(null);
                if (child == null) {
                    continue;
                }
                if (entry.getValue() == null && !properties.containsKey(entry.getKey())
                        && child.schema.containsKey("default")) {
                    entry.setValue(JsonValues.copy(child.schema.get("default")));
                }
                entry.setValue(child.fillDefaults(entry.getValue()));
            }
            return map;
        }
        if (value instanceof List<?> raw) {
            List<Object> list = (List<Object>) raw;
            Optional<VariableSchema> items = items();
            if (items.isPresent()) {
                for (int i = 0; i < list.size(); i++) {
                    Object item = list.get(i);
                    if (item == null && items.get().schema.containsKey("default")) {
                        item = JsonValues.copy(items.get().schema.get("default"));
                    }
                    list.set(i, items.get().fillDefaults(item));
                }
            }
            return list;
        }
        return value;
    }

    private void check(Object value, String path, List<SchemaError> errors) {
        if (!typeAccepts(value)) {
            errors.add(new SchemaError(path, "type", "must be of type " + expectedType() + ", not "
                    + JsonValues.kind(value)));
            return;
        }
        List<Object> allowed = enumValues();
        if (!allowed.isEmpty() && value != null && allowed.stream().noneMatch(a -> JsonValues.same(a, value))) {
            errors.add(new SchemaError(path, "enum", "unsupported value " + JsonValues.json(value)
                    + ": supported values: " + String.join(", ", allowed.stream().map(JsonValues::json).toList())));
        }
        if (value instanceof String text) {
            checkString(text, path, errors);
        } else if (value instanceof Number number) {
            checkNumber(number, path, errors);
        } else if (value instanceof List<?> list) {
            checkArray(list, path, errors);
        } else if (value instanceof Map<?, ?> map) {
            checkObject(map, path, errors);
        }
        checkCombinations(value, path, errors);
    }

    private boolean typeAccepts(Object value) {
        String type = type();
        if (type.isEmpty()) {
            return !intOrString() || value == null || value instanceof String
                    || (value instanceof Number n && JsonValues.isInteger(n));
        }
        if (value == null) {
            return false;
        }
        // The server skips the type check of a string with a supported format when the value is a string or an
        // array (kube-openapi's type validator); such arrays then pass the string rules untouched.
        if (type.equals("string") && value instanceof List<?> && StringFormats.effective(format()).isPresent()) {
            return true;
        }
        return switch (type) {
            case "string" -> value instanceof String;
            case "integer" -> value instanceof Number n && JsonValues.isInteger(n);
            case "number" -> value instanceof Number;
            case "boolean" -> value instanceof Boolean;
            case "object" -> value instanceof Map<?, ?>;
            case "array" -> value instanceof List<?>;
            default -> true;
        };
    }

    private String expectedType() {
        return type().isEmpty() ? "integer or string" : type();
    }

    private void checkString(String text, String path, List<SchemaError> errors) {
        long length = text.codePointCount(0, text.length());
        minLength().filter(min -> length < min).ifPresent(min -> errors.add(new SchemaError(path, "minLength",
                "should be at least " + min + " chars long")));
        maxLength().filter(max -> length > max).ifPresent(max -> errors.add(new SchemaError(path, "maxLength",
                "may not be more than " + max + " chars long")));
        if (!pattern().isEmpty() && !GoRegex.compile(pattern()).matches(text)) {
            errors.add(new SchemaError(path, "pattern", "should match '" + pattern() + "'"));
        }
        StringFormats.effective(format()).filter(f -> !StringFormats.valid(f, text)).ifPresent(f ->
                errors.add(new SchemaError(path, "format", "must be of format " + format())));
    }

    private void checkNumber(Number number, String path, List<SchemaError> errors) {
        double value = number.doubleValue();
        minimum().ifPresent(min -> {
            if (exclusiveMinimum() ? value <= min : value < min) {
                errors.add(new SchemaError(path, "minimum", "should be greater than "
                        + (exclusiveMinimum() ? "" : "or equal to ") + min));
            }
        });
        maximum().ifPresent(max -> {
            if (exclusiveMaximum() ? value >= max : value > max) {
                errors.add(new SchemaError(path, "maximum", "should be less than "
                        + (exclusiveMaximum() ? "" : "or equal to ") + max));
            }
        });
    }

    private void checkArray(List<?> list, String path, List<SchemaError> errors) {
        minItems().filter(min -> list.size() < min).ifPresent(min -> errors.add(new SchemaError(path, "minItems",
                "should have at least " + min + " items")));
        maxItems().filter(max -> list.size() > max).ifPresent(max -> errors.add(new SchemaError(path, "maxItems",
                "must have at most " + max + " items")));
        if (uniqueItems()) {
            firstDuplicate(list).ifPresent(i -> errors.add(new SchemaError(path, "uniqueItems",
                    "shall not have duplicate items: item " + i + " repeats an earlier one")));
        }
        Optional<VariableSchema> items = items();
        if (items.isPresent()) {
            for (int i = 0; i < list.size(); i++) {
                items.get().check(list.get(i), path + "[" + i + "]", errors);
            }
        }
    }

    private static Optional<Integer> firstDuplicate(List<?> list) {
        for (int i = 0; i < list.size(); i++) {
            for (int j = 0; j < i; j++) {
                if (JsonValues.same(list.get(i), list.get(j))) {
                    return Optional.of(i);
                }
            }
        }
        return Optional.empty();
    }

    private void checkObject(Map<?, ?> map, String path, List<SchemaError> errors) {
        number("minProperties").filter(min -> map.size() < min).ifPresent(min -> errors.add(new SchemaError(path,
                "minProperties", "should have at least " + min + " properties")));
        number("maxProperties").filter(max -> map.size() > max).ifPresent(max -> errors.add(new SchemaError(path,
                "maxProperties", "may not have more than " + max + " properties")));
        for (String field : requiredFields()) {
            if (!map.containsKey(field)) {
                errors.add(new SchemaError(path + "." + field, "required", "required field is missing"));
            }
        }
        Map<String, VariableSchema> properties = properties();
        Optional<VariableSchema> values = additionalProperties();
        for (String key : inSchemaOrder(map, properties)) {
            VariableSchema child = properties.containsKey(key) ? properties.get(key) : values.orElse(null);
            if (child != null) {
                child.check(map.get(key), path + "." + key, errors);
            }
        }
    }

    /** The value's keys, declared fields first in the schema's order, so errors come in the form's order. */
    private static List<String> inSchemaOrder(Map<?, ?> map, Map<String, VariableSchema> properties) {
        List<String> keys = new ArrayList<>();
        properties.keySet().stream().filter(map::containsKey).forEach(keys::add);
        map.keySet().stream().map(String::valueOf).filter(k -> !properties.containsKey(k)).forEach(keys::add);
        return keys;
    }

    private void checkCombinations(Object value, String path, List<SchemaError> errors) {
        for (VariableSchema part : children("allOf")) {
            part.check(value, path, errors);
        }
        List<VariableSchema> anyOf = children("anyOf");
        if (!anyOf.isEmpty() && anyOf.stream().noneMatch(s -> s.accepts(value))) {
            errors.add(new SchemaError(path, "anyOf", "must match at least one of the schemas in anyOf"));
        }
        List<VariableSchema> oneOf = children("oneOf");
        long matching = oneOf.stream().filter(s -> s.accepts(value)).count();
        if (!oneOf.isEmpty() && matching != 1) {
            errors.add(new SchemaError(path, "oneOf", "must match exactly one of the schemas in oneOf, matches "
                    + matching));
        }
        if (schema.get("not") instanceof Map<?, ?> not && child(not).accepts(value)) {
            errors.add(new SchemaError(path, "not", "must not match the schema in not"));
        }
    }

    private boolean accepts(Object value) {
        List<SchemaError> errors = new ArrayList<>();
        check(value, "", errors);
        return errors.isEmpty();
    }

    /** The fields the schema does not declare, as the server's pruning finds them. */
    private void unknownFields(Object value, String path, List<SchemaError> errors) {
        if (value instanceof Map<?, ?> map) {
            Map<String, VariableSchema> properties = properties();
            Optional<VariableSchema> values = additionalProperties();
            for (String key : inSchemaOrder(map, properties)) {
                if (properties.containsKey(key)) {
                    properties.get(key).unknownFields(map.get(key), path + "." + key, errors);
                } else if (values.isPresent()) {
                    values.get().unknownFields(map.get(key), path + "." + key, errors);
                } else if (!preservesUnknownFields()) {
                    errors.add(new SchemaError(path + "." + key, "unknown", "field is not declared in the "
                            + "variable's schema"));
                }
            }
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                VariableSchema items = items().orElse(new VariableSchema(Map.of()));
                items.unknownFields(list.get(i), path + "[" + i + "]", errors);
            }
        }
    }

    private void collectServerChecks(String path, List<String> checks) {
        if (schema.get("x-kubernetes-validations") instanceof List<?> rules) {
            for (Object rule : rules) {
                if (rule instanceof Map<?, ?> map) {
                    checks.add((path.isEmpty() ? "." : path) + ": rule " + map.get("rule")
                            + (map.get("message") instanceof String message ? " (" + message + ")" : "")
                            + " is checked by the server");
                }
            }
        }
        StringFormats.effective(format()).filter(f -> !StringFormats.checkedLocally(f)).ifPresent(f ->
                checks.add((path.isEmpty() ? "." : path) + ": format " + format() + " is checked by the server"));
        properties().forEach((name, child) -> child.collectServerChecks(path + "." + name, checks));
        additionalProperties().ifPresent(child -> child.collectServerChecks(path + ".*", checks));
        items().ifPresent(child -> child.collectServerChecks(path + "[*]", checks));
        for (String combination : List.of("allOf", "anyOf", "oneOf")) {
            children(combination).forEach(child -> child.collectServerChecks(path, checks));
        }
    }

    private List<VariableSchema> children(String key) {
        return schema.get(key) instanceof List<?> list ? list.stream().filter(Map.class::isInstance)
                .map(m -> child((Map<?, ?>) m)).toList() : List.of();
    }

    @SuppressWarnings("unchecked")
    private static VariableSchema child(Object map) {
        return new VariableSchema(map instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of());
    }

    private String text(String key) {
        return schema.get(key) instanceof String s ? s : "";
    }

    private boolean flag(String key) {
        return Boolean.TRUE.equals(schema.get(key));
    }

    private Optional<Long> number(String key) {
        return schema.get(key) instanceof Number n ? Optional.of(n.longValue()) : Optional.empty();
    }
}
