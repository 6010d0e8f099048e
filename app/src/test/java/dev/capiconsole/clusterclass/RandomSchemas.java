package dev.capiconsole.clusterclass;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Random variable schemas of the subset a ClusterClass allows, with valid defaults, for property tests. */
final class RandomSchemas {

    private static final List<String> PATTERNS = List.of("^[a-z]+$", "[0-9]", "^/", "^[a-z][a-z0-9-]*$", "^0[0-7]{3}$");
    private static final List<String> FORMATS = List.of("hostname", "uri", "ipv4", "uuid", "date", "cidr");
    private static final List<String> SCALARS = List.of("string", "integer", "number", "boolean");
    private static final List<String> ALL = List.of("string", "integer", "number", "boolean", "object", "array");

    private final Random random;
    private final SchemaValues values;

    RandomSchemas(Random random) {
        this.random = random;
        this.values = new SchemaValues(random);
    }

    VariableSchema schema() {
        return new VariableSchema(schema(0));
    }

    private Map<String, Object> schema(int depth) {
        List<String> types = depth >= 2 ? SCALARS : ALL;
        String type = types.get(random.nextInt(types.size()));
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", type);
        switch (type) {
            case "string" -> string(schema);
            case "integer", "number" -> number(schema);
            case "object" -> object(schema, depth);
            case "array" -> array(schema, depth);
            default -> { }
        }
        if (random.nextInt(4) == 0) {
            schema.put("default", values.valid(new VariableSchema(schema)));
        }
        return schema;
    }

    private void string(Map<String, Object> schema) {
        switch (random.nextInt(4)) {
            case 0 -> schema.put("enum", List.of("dev", "staging", "prod").subList(0, 1 + random.nextInt(3)));
            case 1 -> schema.put("format", FORMATS.get(random.nextInt(FORMATS.size())));
            case 2 -> schema.put("pattern", PATTERNS.get(random.nextInt(PATTERNS.size())));
            default -> { }
        }
        if (!schema.containsKey("enum") && !schema.containsKey("format") && random.nextBoolean()) {
            schema.put("minLength", 1L + random.nextInt(2));
            schema.put("maxLength", 12L + random.nextInt(10));
        }
    }

    private void number(Map<String, Object> schema) {
        long min = random.nextInt(200) - 100;
        if (random.nextBoolean()) {
            schema.put("minimum", min);
            schema.put("exclusiveMinimum", random.nextBoolean());
        }
        if (random.nextBoolean()) {
            schema.put("maximum", min + 3 + random.nextInt(100));
            schema.put("exclusiveMaximum", random.nextBoolean());
        }
    }

    private void object(Map<String, Object> schema, int depth) {
        if (random.nextInt(4) == 0) {
            schema.put("additionalProperties", schema(depth + 1));
            if (random.nextBoolean()) {
                schema.put("maxProperties", 3L);
            }
            return;
        }
        Map<String, Object> properties = new LinkedHashMap<>();
        List<String> required = new ArrayList<>();
        int count = 1 + random.nextInt(3);
        for (int i = 0; i < count; i++) {
            properties.put("p" + i, schema(depth + 1));
            if (random.nextBoolean()) {
                required.add("p" + i);
            }
        }
        schema.put("properties", properties);
        if (!required.isEmpty()) {
            schema.put("required", required);
        }
        if (random.nextInt(5) == 0) {
            schema.put("x-kubernetes-preserve-unknown-fields", true);
        }
    }

    private void array(Map<String, Object> schema, int depth) {
        schema.put("items", schema(depth + 1));
        if (random.nextBoolean()) {
            schema.put("minItems", (long) random.nextInt(2));
        }
        if (random.nextBoolean()) {
            schema.put("maxItems", 2L + random.nextInt(3));
        }
        if (random.nextBoolean()) {
            schema.put("uniqueItems", true);
        }
    }
}
