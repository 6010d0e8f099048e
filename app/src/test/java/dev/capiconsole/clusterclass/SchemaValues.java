package dev.capiconsole.clusterclass;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Supplier;

/**
 * Values made for a schema, for property tests and the lab's comparison with the server: valid ones built from the
 * schema's rules, and invalid ones made from a valid value by one change that breaks one rule at a known path.
 */
final class SchemaValues {

    /** A value that breaks {@code rule} at {@code path} (relative: {@code .field[0]}). */
    record Broken(Object value, String path, String rule) {
    }

    private static final List<Supplier<String>> NO_SHAPES = List.of();
    private final Random random;

    SchemaValues(Random random) {
        this.random = random;
    }

    Object valid(VariableSchema schema) {
        if (!schema.enumValues().isEmpty()) {
            return JsonValues.copy(schema.enumValues().get(random.nextInt(schema.enumValues().size())));
        }
        return switch (schema.type()) {
            case "string" -> string(schema);
            case "integer" -> integer(schema);
            case "number" -> number(schema);
            case "boolean" -> random.nextBoolean();
            case "object" -> object(schema);
            case "array" -> array(schema);
            default -> schema.intOrString() ? (Object) (random.nextBoolean() ? 8080L : "80%") : "anything";
        };
    }

    /** One rule-breaking change of {@code valid} somewhere in it, or empty when the schema allows anything. */
    Optional<Broken> broken(VariableSchema schema, Object valid) {
        List<Broken> candidates = new ArrayList<>();
        collect(schema, valid, "", candidates);
        return candidates.isEmpty() ? Optional.empty() : Optional.of(candidates.get(random.nextInt(candidates.size())));
    }

    private void collect(VariableSchema schema, Object value, String path, List<Broken> out) {
        wrongType(schema).ifPresent(wrong -> out.add(new Broken(wrong, path, "type")));
        if (!schema.hasDefault() && !schema.type().isEmpty()) {
            out.add(new Broken(null, path, "type"));
        }
        if (!schema.enumValues().isEmpty()) {
            out.add(new Broken(schema.type().equals("string") ? "not-in-enum" : 987654321L, path, "enum"));
        }
        if (value instanceof String text) {
            schema.maxLength().ifPresent(max -> out.add(new Broken("a".repeat((int) (max + 1)), path, "maxLength")));
            schema.minLength().filter(min -> min > 0).ifPresent(min ->
                    out.add(new Broken("a".repeat((int) (min - 1)), path, "minLength")));
            if (!schema.pattern().isEmpty()) {
                for (String candidate : List.of("Not Matching!", "", "#", " x", text + "\n")) {
                    if (!GoRegex.compile(schema.pattern()).matches(candidate) && schema.enumValues().isEmpty()) {
                        out.add(new Broken(candidate, path, "pattern"));
                        break;
                    }
                }
            }
            StringFormats.effective(schema.format()).filter(StringFormats::checkedLocally)
                    .filter(f -> !f.equals("password")).ifPresent(f ->
                            out.add(new Broken("not a " + f + "!", path, "format")));
        } else if (value instanceof Number) {
            schema.minimum().ifPresent(min -> out.add(new Broken(schema.exclusiveMinimum() ? min : min - 1, path,
                    "minimum")));
            schema.maximum().ifPresent(max -> out.add(new Broken(schema.exclusiveMaximum() ? max : max + 1, path,
                    "maximum")));
            if (schema.type().equals("integer")) {
                out.add(new Broken(schema.minimum().orElse(0L) + 0.5, path, "type"));
            }
        } else if (value instanceof Map<?, ?> map) {
            for (String field : schema.requiredFields()) {
                if (schema.properties().containsKey(field) && schema.properties().get(field).hasDefault()) {
                    continue;
                }
                Map<String, Object> without = copy(map);
                without.remove(field);
                out.add(new Broken(without, path + "." + field, "required"));
            }
            if (schema.additionalProperties().isEmpty() && !schema.preservesUnknownFields()) {
                Map<String, Object> extra = copy(map);
                extra.put("undeclaredField", "x");
                out.add(new Broken(extra, path + ".undeclaredField", "unknown"));
            }
            Map<String, VariableSchema> properties = schema.properties();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                String key = String.valueOf(entry.getKey());
                VariableSchema child = properties.getOrDefault(key, schema.additionalProperties().orElse(null));
                if (child == null) {
                    continue;
                }
                List<Broken> inner = new ArrayList<>();
                collect(child, entry.getValue(), path + "." + key, inner);
                for (Broken b : inner) {
                    if (b.value() == null && (child.hasDefault())) {
                        continue;
                    }
                    Map<String, Object> changed = copy(map);
                    changed.put(key, b.value());
                    out.add(new Broken(changed, b.path(), b.rule()));
                }
            }
        } else if (value instanceof List<?> list) {
            schema.maxItems().ifPresent(max -> {
                List<Object> longer = new ArrayList<>(list);
                while (longer.size() <= max) {
                    longer.add(schema.items().map(this::valid).orElse("x"));
                }
                out.add(new Broken(longer, path, "maxItems"));
            });
            schema.minItems().filter(min -> min > 0).ifPresent(min ->
                    out.add(new Broken(new ArrayList<>(list.subList(0, (int) (min - 1))), path, "minItems")));
            if (schema.uniqueItems() && !list.isEmpty() && schema.maxItems().map(m -> list.size() < m).orElse(true)) {
                List<Object> twice = new ArrayList<>(list);
                twice.add(JsonValues.copy(list.get(0)));
                out.add(new Broken(twice, path, "uniqueItems"));
            }
            if (!list.isEmpty() && schema.items().isPresent()) {
                List<Broken> inner = new ArrayList<>();
                collect(schema.items().get(), list.get(0), path + "[0]", inner);
                for (Broken b : inner) {
                    if (b.value() == null && schema.items().get().hasDefault()) {
                        continue;
                    }
                    List<Object> changed = new ArrayList<>(list);
                    changed.set(0, b.value());
                    if (schema.uniqueItems() && changed.stream().skip(1).anyMatch(o -> JsonValues.same(o, b.value()))) {
                        continue;
                    }
                    out.add(new Broken(changed, b.path(), b.rule()));
                }
            }
        }
    }

    private Optional<Object> wrongType(VariableSchema schema) {
        return switch (schema.type()) {
            case "string" -> Optional.of(42L);
            case "integer", "number" -> Optional.of("12");
            case "boolean" -> Optional.of("true");
            case "object" -> Optional.of(List.of("x"));
            case "array" -> Optional.of(Map.of("x", 1L));
            default -> Optional.empty();
        };
    }

    private String string(VariableSchema schema) {
        String format = StringFormats.effective(schema.format()).orElse("");
        List<Supplier<String>> shapes = switch (format) {
            case "hostname" -> List.of(() -> "ntp" + random.nextInt(100) + ".example.org", () -> "time");
            case "uri" -> List.of(() -> "http://proxy.example:" + (3000 + random.nextInt(999)),
                    () -> "https://example.org/p" + random.nextInt(9));
            case "ipv4" -> List.of(() -> "10." + random.nextInt(256) + ".0." + random.nextInt(256));
            case "uuid" -> List.of(() -> java.util.UUID.nameUUIDFromBytes(new byte[] {(byte) random.nextInt()})
                    .toString());
            case "date" -> List.of(() -> "2026-0" + (1 + random.nextInt(9)) + "-1" + random.nextInt(9));
            case "cidr" -> List.of(() -> "10." + random.nextInt(256) + ".0.0/16");
            default -> NO_SHAPES;
        };
        if (shapes.isEmpty()) {
            shapes = List.of(() -> word(1 + random.nextInt(8)), () -> "/" + word(3) + "/" + word(2),
                    () -> "0" + random.nextInt(8) + random.nextInt(8) + random.nextInt(8),
                    () -> word(4) + "." + word(3) + ":" + (1000 + random.nextInt(9000)) + "/" + word(3),
                    () -> word(2) + random.nextInt(10) + "-" + word(3), () -> "Mixed Case " + random.nextInt(99));
        }
        long min = schema.minLength().orElse(0L);
        long max = schema.maxLength().orElse(Long.MAX_VALUE);
        for (int attempt = 0; attempt < 200; attempt++) {
            String candidate = shapes.get(random.nextInt(shapes.size())).get();
            long length = candidate.codePointCount(0, candidate.length());
            if (length >= min && length <= max && (schema.pattern().isEmpty()
                    || GoRegex.compile(schema.pattern()).matches(candidate))) {
                return candidate;
            }
        }
        throw new IllegalStateException("no value found for " + schema.raw());
    }

    private String word(int length) {
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < length; i++) {
            word.append((char) ('a' + random.nextInt(26)));
        }
        return word.toString();
    }

    private long integer(VariableSchema schema) {
        long min = schema.minimum().map(m -> schema.exclusiveMinimum() ? m + 1 : m).orElse(-1000L);
        long max = schema.maximum().map(m -> schema.exclusiveMaximum() ? m - 1 : m).orElse(min + 2000);
        return min + (long) (random.nextDouble() * (max - min + 1));
    }

    private double number(VariableSchema schema) {
        double min = schema.minimum().map(Long::doubleValue).orElse(-1000d);
        double max = schema.maximum().map(Long::doubleValue).orElse(min + 2000);
        for (int attempt = 0; attempt < 20; attempt++) {
            double value = Math.round((min + random.nextDouble() * (max - min)) * 100) / 100d;
            boolean aboveMin = schema.exclusiveMinimum() ? value > min : value >= min;
            boolean belowMax = schema.exclusiveMaximum() ? value < max : value <= max;
            if (aboveMin && belowMax) {
                return value;
            }
        }
        return (min + max) / 2;
    }

    private Map<String, Object> object(VariableSchema schema) {
        Map<String, Object> value = new LinkedHashMap<>();
        List<String> required = schema.requiredFields();
        schema.properties().forEach((name, child) -> {
            if (required.contains(name) || random.nextBoolean()) {
                value.put(name, valid(child));
            }
        });
        schema.additionalProperties().ifPresent(values -> {
            int count = random.nextInt(3);
            for (int i = 0; i < count; i++) {
                value.put(word(3 + i), valid(values));
            }
        });
        return value;
    }

    private List<Object> array(VariableSchema schema) {
        long min = schema.minItems().orElse(0L);
        long max = Math.min(schema.maxItems().orElse(min + 3), min + 3);
        long size = min + random.nextInt((int) (max - min + 1));
        List<Object> items = new ArrayList<>();
        VariableSchema itemSchema = schema.items().orElse(new VariableSchema(Map.of("type", "string")));
        for (int attempt = 0; items.size() < size && attempt < 50; attempt++) {
            Object item = valid(itemSchema);
            // The server compares the items once defaulted.
            if (!schema.uniqueItems() || items.stream().noneMatch(i -> JsonValues.same(itemSchema.withDefaults(i),
                    itemSchema.withDefaults(item)))) {
                items.add(item);
            }
        }
        return items;
    }

    private static Map<String, Object> copy(Map<?, ?> map) {
        @SuppressWarnings("unchecked")
        Map<String, Object> copy = (Map<String, Object>) JsonValues.copy(map);
        return copy;
    }
}
