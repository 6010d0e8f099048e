package dev.capiconsole.clusterclass;

import dev.capiconsole.yaml.YamlLimits;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Variable values typed as text ({@code --set NAME=VALUE}, a form's text field) read the way their schema wants:
 * a string schema keeps the text as it is ({@code 1.0} stays a string), numbers and booleans are read as such,
 * objects and arrays (and untyped schemas) as YAML or JSON. {@code NAME.field=VALUE} sets one field of an object
 * variable. A value that does not read as its type is kept as text, so validation names the type error.
 */
public final class VariableInput {

    private static final Set<String> TRUE = Set.of("true", "True", "TRUE");
    private static final Set<String> FALSE = Set.of("false", "False", "FALSE");

    private VariableInput() {
    }

    /** {@code text} read for {@code schema}. */
    public static Object read(String text, VariableSchema schema) {
        String type = schema.type();
        switch (type) {
            case "string":
                return text;
            case "boolean":
                return TRUE.contains(text) ? Boolean.TRUE : FALSE.contains(text) ? Boolean.FALSE : text;
            case "integer":
            case "number":
                return number(text.strip(), type.equals("integer"));
            default:
                if (schema.intOrString() && !text.isEmpty()) {
                    Object number = number(text.strip(), true);
                    return number instanceof Number ? number : text;
                }
                return yaml(text);
        }
    }

    /**
     * Sets {@code NAME=VALUE} (or {@code NAME.field.sub=VALUE}) into {@code values}, read for the variable's schema;
     * {@code json} reads VALUE as JSON whatever the schema. Fails naming the problem when NAME is not a variable of
     * the class or a field path crosses a value that is not an object.
     */
    @SuppressWarnings("unchecked")
    public static void set(Map<String, Object> values, ClusterClassModel model, String assignment, boolean json) {
        int equals = assignment.indexOf('=');
        if (equals <= 0) {
            throw new IllegalArgumentException("\"" + assignment + "\" is not NAME=VALUE");
        }
        String target = assignment.substring(0, equals);
        String text = assignment.substring(equals + 1);
        String name = model.variable(target).isPresent() ? target : ClassReader.topLevelName(target);
        ClassVariable variable = model.variable(name).orElseThrow(() -> new IllegalArgumentException("the class "
                + model.name() + " has no variable " + name + "; it has: " + String.join(", ",
                model.variables().stream().map(ClassVariable::name).toList())));
        List<String> fields = name.equals(target) ? List.of()
                : List.of(target.substring(name.length() + 1).split("\\.", -1));
        VariableSchema schema = variable.schema();
        for (String field : fields) {
            schema = schema.properties().getOrDefault(field, schema.additionalProperties()
                    .orElse(new VariableSchema(Map.of())));
        }
        Object value = json ? JsonValues.parseJson(text) : read(text, schema);
        if (fields.isEmpty()) {
            values.put(name, value);
            return;
        }
        Object current = values.computeIfAbsent(name, k -> new LinkedHashMap<String, Object>());
        for (int i = 0; i < fields.size() - 1; i++) {
            if (!(current instanceof Map<?, ?>)) {
                throw new IllegalArgumentException(target + ": " + name + " is not an object here");
            }
            current = ((Map<String, Object>) current).computeIfAbsent(fields.get(i),
                    k -> new LinkedHashMap<String, Object>());
        }
        if (!(current instanceof Map<?, ?>)) {
            throw new IllegalArgumentException(target + ": " + name + " is not an object here");
        }
        ((Map<String, Object>) current).put(fields.get(fields.size() - 1), value);
    }

    private static Object number(String text, boolean integer) {
        try {
            BigDecimal number = new BigDecimal(text);
            if (integer && number.stripTrailingZeros().scale() <= 0) {
                try {
                    return number.longValueExact();
                } catch (ArithmeticException e) {
                    return number.toBigInteger();
                }
            }
            return number.doubleValue();
        } catch (NumberFormatException e) {
            return text;
        }
    }

    private static Object yaml(String text) {
        try {
            Object value = YamlLimits.CONFIG.load(text);
            return value instanceof Map<?, ?> || value instanceof List<?> ? JsonValues.copy(value) : value;
        } catch (YAMLException e) {
            throw new IllegalArgumentException("\"" + text + "\" is not valid YAML: " + YamlLimits.problem(e), e);
        }
    }
}
