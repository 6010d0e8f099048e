package dev.capiconsole.clusterclass;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class VariableSchemaTest {

    private static final String ROOT = "spec.topology.variables[v].value";

    private static VariableSchema schema(Map<String, Object> schema) {
        return new VariableSchema(schema);
    }

    private static List<SchemaError> errors(VariableSchema schema, Object value) {
        return schema.validate(schema.withDefaults(value), ROOT);
    }

    private static List<String> rules(VariableSchema schema, Object value) {
        return errors(schema, value).stream().map(SchemaError::rule).toList();
    }

    @Test
    void anIntegerIsAnyWholeNumberAndANumberAcceptsIntegers() {
        VariableSchema integer = schema(Map.of("type", "integer"));
        VariableSchema number = schema(Map.of("type", "number"));

        assertThat(rules(integer, 3L)).isEmpty();
        assertThat(rules(integer, 3.0d)).as("the server reads 3.0 as a float64 that is whole").isEmpty();
        assertThat(rules(integer, 3.5d)).containsExactly("type");
        assertThat(rules(integer, "3")).containsExactly("type");
        assertThat(rules(integer, 1e300)).as("beyond 2^53 is no JSON integer").containsExactly("type");
        assertThat(rules(number, 3L)).isEmpty();
        assertThat(rules(number, 3.25d)).isEmpty();
        assertThat(rules(number, true)).containsExactly("type");
    }

    @Test
    void nullIsRefusedWhereATypeIsSetUnlessADefaultReplacesIt() {
        assertThat(rules(schema(Map.of("type", "string")), null)).containsExactly("type");
        assertThat(errors(schema(Map.of("type", "string", "default", "x")), null)).isEmpty();
        assertThat(rules(schema(Map.of()), null)).isEmpty();
    }

    @Test
    void aBooleanInsideAnObjectIsABooleanNotItsText() {
        VariableSchema audit = schema(Map.of("type", "object", "required", List.of("enabled"),
                "properties", Map.of("enabled", Map.of("type", "boolean"))));

        assertThat(rules(audit, Map.of("enabled", false))).isEmpty();
        assertThat(errors(audit, Map.of("enabled", "false"))).singleElement().satisfies(e -> {
            assertThat(e.path()).isEqualTo(ROOT + ".enabled");
            assertThat(e.message()).isEqualTo("must be of type boolean, not string");
        });
        assertThat(errors(audit, Map.of())).extracting(SchemaError::path).containsExactly(ROOT + ".enabled");
    }

    @Test
    void defaultsAreFilledInsideObjectsThatArePresentAndForNullItems() {
        VariableSchema schema = schema(Map.of("type", "object", "properties", Map.of(
                "mode", Map.of("type", "string", "default", "log"),
                "inner", Map.of("type", "object", "properties", Map.of(
                        "depth", Map.of("type", "integer", "default", 3L))),
                "list", Map.of("type", "array", "items", Map.of("type", "integer", "default", 7L)))));

        Map<String, Object> value = new LinkedHashMap<>();
        value.put("inner", new LinkedHashMap<>());
        value.put("list", new ArrayList<>(java.util.Arrays.asList(1L, null)));
        assertThat(schema.withDefaults(value)).isEqualTo(Map.of("inner", Map.of("depth", 3L), "list", List.of(1L, 7L),
                "mode", "log"));
        assertThat(schema.withDefaults(Map.of())).as("an absent inner object stays absent")
                .isEqualTo(Map.of("mode", "log"));
        assertThat(value).as("the input is left alone").doesNotContainKey("mode");
        assertThat(schema.defaultForMissing()).isEmpty();
        assertThat(schema(Map.of("type", "object", "default", Map.of(), "properties", Map.of("a",
                Map.of("type", "string", "default", "b")))).defaultForMissing()).contains(Map.of("a", "b"));
    }

    @Test
    void patternsAreUnanchoredAndDollarIsTheEndOfTheText() {
        VariableSchema digit = schema(Map.of("type", "string", "pattern", "[0-9]"));
        VariableSchema word = schema(Map.of("type", "string", "pattern", "^[a-z]+$"));

        assertThat(rules(digit, "abc1def")).isEmpty();
        assertThat(rules(digit, "abc")).containsExactly("pattern");
        assertThat(rules(word, "abc")).isEmpty();
        assertThat(rules(word, "abc\n")).as("Go's $ does not match before a final line break").containsExactly("pattern");
        assertThat(rules(schema(Map.of("type", "string", "pattern", "^[[:alpha:]]+$")), "abc")).isEmpty();
        assertThat(rules(schema(Map.of("type", "string", "pattern", "^(?P<x>a)b$")), "ab")).isEmpty();
        assertThat(rules(schema(Map.of("type", "string", "pattern", "^[a&&b]$")), "&"))
                .as("&& is literal in RE2 classes").isEmpty();
    }

    @Test
    void lengthsCountCharactersAndBoundsHonourExclusiveFlags() {
        assertThat(rules(schema(Map.of("type", "string", "maxLength", 2L)), "éé")).isEmpty();
        assertThat(rules(schema(Map.of("type", "string", "maxLength", 2L)), "ééé")).containsExactly("maxLength");
        VariableSchema ratio = schema(Map.of("type", "number", "minimum", 0L, "exclusiveMinimum", true,
                "maximum", 4L));
        assertThat(rules(ratio, 0L)).containsExactly("minimum");
        assertThat(rules(ratio, 0.001d)).isEmpty();
        assertThat(rules(ratio, 4L)).isEmpty();
        assertThat(rules(ratio, 4.01d)).containsExactly("maximum");
    }

    @Test
    void enumComparesNumbersByValueAndObjectsDeeply() {
        assertThat(rules(schema(Map.of("type", "integer", "enum", List.of(1L, 2L))), 2.0d)).isEmpty();
        assertThat(rules(schema(Map.of("type", "object", "x-kubernetes-preserve-unknown-fields", true,
                "enum", List.of(Map.of("a", 1L)))), Map.of("a", 1.0d))).isEmpty();
        assertThat(errors(schema(Map.of("type", "string", "enum", List.of("dev", "prod"))), "test"))
                .singleElement().extracting(SchemaError::message)
                .isEqualTo("unsupported value \"test\": supported values: \"dev\", \"prod\"");
    }

    @Test
    void arraysCheckTheirItemsCountAndUniqueness() {
        VariableSchema servers = schema(Map.of("type", "array", "minItems", 1L, "maxItems", 2L, "uniqueItems", true,
                "items", Map.of("type", "string", "format", "hostname")));

        assertThat(rules(servers, List.of("ntp.example.org"))).isEmpty();
        assertThat(rules(servers, List.of())).containsExactly("minItems");
        assertThat(rules(servers, List.of("a", "b", "c"))).containsExactly("maxItems");
        assertThat(errors(servers, List.of("a", "a"))).extracting(SchemaError::path).containsExactly(ROOT);
        assertThat(errors(servers, List.of("ok", "not a host"))).singleElement().satisfies(e -> {
            assertThat(e.path()).isEqualTo(ROOT + "[1]");
            assertThat(e.rule()).isEqualTo("format");
        });
    }

    @Test
    void undeclaredFieldsAreRefusedUnlessPreservedOrAMap() {
        VariableSchema closed = schema(Map.of("type", "object", "properties", Map.of("a", Map.of("type", "string"))));
        VariableSchema open = schema(Map.of("type", "object", "x-kubernetes-preserve-unknown-fields", true,
                "properties", Map.of("a", Map.of("type", "string"))));
        VariableSchema map = schema(Map.of("type", "object", "additionalProperties", Map.of("type", "integer")));

        assertThat(errors(closed, Map.of("a", "x", "b", "y"))).singleElement().satisfies(e -> {
            assertThat(e.path()).isEqualTo(ROOT + ".b");
            assertThat(e.rule()).isEqualTo("unknown");
        });
        assertThat(rules(open, Map.of("a", "x", "b", Map.of("deep", 1L)))).isEmpty();
        assertThat(rules(map, Map.of("x", 1L, "y", 2L))).isEmpty();
        assertThat(errors(map, Map.of("x", "1"))).extracting(SchemaError::path).containsExactly(ROOT + ".x");
    }

    @Test
    void formatsFollowTheServersRulesAndUnknownFormatsAreIgnored() {
        assertThat(rules(schema(Map.of("type", "string", "format", "date-time")), "2026-12-01T22:00:00Z")).isEmpty();
        assertThat(rules(schema(Map.of("type", "string", "format", "date-time")), "2026-12-01 22:00")).containsExactly("format");
        assertThat(rules(schema(Map.of("type", "string", "format", "uri")), "relative/path")).containsExactly("format");
        assertThat(rules(schema(Map.of("type", "string", "format", "uri")), "/absolute")).isEmpty();
        assertThat(rules(schema(Map.of("type", "string", "format", "ipv4")), "010.1.1.1")).isEmpty();
        assertThat(rules(schema(Map.of("type", "string", "format", "ipv4")), "256.1.1.1")).containsExactly("format");
        assertThat(rules(schema(Map.of("type", "string", "format", "ipv6")), "fd00::1")).isEmpty();
        assertThat(rules(schema(Map.of("type", "string", "format", "cidr")), "10.0.0.0/33")).containsExactly("format");
        assertThat(rules(schema(Map.of("type", "string", "format", "uuid")), "not-a-uuid")).containsExactly("format");
        assertThat(rules(schema(Map.of("type", "string", "format", "no-such-format")), "anything")).isEmpty();
        assertThat(rules(schema(Map.of("type", "string", "format", "hostname")), List.of("x")))
                .as("the server skips the type check of a formatted string for arrays").isEmpty();
    }

    @Test
    void intOrStringAndCombinators() {
        VariableSchema intOrString = schema(Map.of("x-kubernetes-int-or-string", true));
        assertThat(rules(intOrString, 3L)).isEmpty();
        assertThat(rules(intOrString, "30%")).isEmpty();
        assertThat(rules(intOrString, 1.5d)).containsExactly("type");
        VariableSchema oneOf = schema(Map.of("type", "integer", "oneOf", List.of(Map.of("minimum", 10L),
                Map.of("maximum", 20L))));
        assertThat(rules(oneOf, 5L)).isEmpty();
        assertThat(rules(oneOf, 15L)).containsExactly("oneOf");
        assertThat(rules(schema(Map.of("type", "string", "not", Map.of("enum", List.of("x")))), "x"))
                .containsExactly("not");
    }

    @Test
    void celRulesAndUncheckedFormatsAreLeftToTheServer() {
        VariableSchema schema = schema(Map.of("type", "object", "properties", Map.of(
                "isbn", Map.of("type", "string", "format", "isbn"),
                "n", Map.of("type", "integer", "x-kubernetes-validations", List.of(Map.of("rule", "self > 1",
                        "message", "more than one"))))));

        assertThat(schema.serverChecks()).containsExactlyInAnyOrder(".isbn: format isbn is checked by the server",
                ".n: rule self > 1 (more than one) is checked by the server");
    }

    @Property(tries = 400)
    void generatedValidValuesPass(@ForAll long seed) {
        Random random = new Random(seed);
        VariableSchema schema = new RandomSchemas(random).schema();
        Object value = new SchemaValues(random).valid(schema);

        assertThat(errors(schema, value)).as("%s against %s", JsonValues.json(value), schema.raw()).isEmpty();
    }

    @Property(tries = 400)
    void aValueBrokenAtOnePlaceFailsThereWithThatRule(@ForAll long seed) {
        Random random = new Random(seed);
        VariableSchema schema = new RandomSchemas(random).schema();
        SchemaValues values = new SchemaValues(random);
        Optional<SchemaValues.Broken> broken = values.broken(schema, values.valid(schema));
        if (broken.isEmpty()) {
            return;
        }
        List<SchemaError> errors = errors(schema, broken.get().value());

        assertThat(errors).as("%s against %s", JsonValues.json(broken.get().value()), schema.raw())
                .anySatisfy(e -> assertThat(e.path()).isEqualTo(ROOT + broken.get().path()));
        assertThat(errors).extracting(SchemaError::rule).contains(broken.get().rule());
    }

    @Property(tries = 300)
    void defaultingIsIdempotentKeepsSetValuesAndKeepsValidValuesValid(@ForAll long seed) {
        Random random = new Random(seed);
        VariableSchema schema = new RandomSchemas(random).schema();
        Object value = new SchemaValues(random).valid(schema);
        Object defaulted = schema.withDefaults(value);

        assertThat(JsonValues.same(schema.withDefaults(defaulted), defaulted)).isTrue();
        assertThat(schema.validate(defaulted, ROOT)).isEmpty();
        if (value instanceof Map<?, ?> set && defaulted instanceof Map<?, ?> filled) {
            set.forEach((k, v) -> assertThat(JsonValues.same(filled.get(k), schema.properties().containsKey(
                    String.valueOf(k)) ? schema.properties().get(String.valueOf(k)).withDefaults(v) : v)).isTrue());
        }
    }
}
