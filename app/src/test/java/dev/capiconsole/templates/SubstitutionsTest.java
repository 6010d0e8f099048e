package dev.capiconsole.templates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.capiconsole.templates.TemplateSyntaxException.Kind;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** clusterctl's substitution forms, one by one; SubstitutionParityIT compares random templates with clusterctl. */
class SubstitutionsTest {

    private static final Map<String, String> VALUES = Map.of("NAME", "my-cluster", "PATH_", "a/b/c/d", "EMPTY", "",
            "MIXED", "hello World", "VERSION", "v1.33.0", "FILE", "archive.tar.gz");

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
        "${NAME}|my-cluster",
        "$NAME and $$ and $${NAME}|$NAME and $ and ${NAME}",
        "${UNSET}|''",
        "${UNSET:=fallback}|fallback",
        "${UNSET=fallback}|fallback",
        "${UNSET:-fallback}|fallback",
        "${EMPTY:-fallback}|fallback",
        "${EMPTY=fallback}|fallback",
        "${NAME:-fallback}|my-cluster",
        "${NAME:+other}|my-cluster",
        "${UNSET:?message}|message",
        "${UNSET:=${NAME}-md-0}|my-cluster-md-0",
        "${UNSET:=${ALSO_UNSET:=deep}}|deep",
        "${UNSET:=a b: c}|a b: c",
        "${UNSET:=$$x}|$$x",
        "${#NAME}|10",
        "${NAME^}|My-cluster",
        "${MIXED^^}|HELLO WORLD",
        "${MIXED,}|hello World",
        "${MIXED,,}|hello world",
        "${NAME:3}|cluster",
        "${NAME:3:4}|clus",
        "${NAME:-7}|my-cluster",
        "${NAME: -7}|my-cluster",
        "${NAME:x}|my-cluster",
        "${NAME:3:99}|cluster",
        "${FILE#*.}|tar.gz",
        "${FILE##*.}|gz",
        "${FILE%.*}|archive.tar",
        "${FILE%%.*}|archive",
        "${PATH_#*/}|b/c/d",
        "${PATH_/\\//-}|a-b/c/d",
        "${PATH_//\\//-}|a-b-c-d",
        "${PATH_//\\//}|abcd",
        "${VERSION/#v/}|v1.33.0",
        "${VERSION/#v/V}|V1.33.0",
        "${VERSION/%0/x}|v1.33.x",
        "${VERSION/1/2}|v2.33.0",
    })
    void evaluatesLikeClusterctl(String template, String expected) {
        assertThat(Substitutions.evaluate(template, VALUES::get)).isEqualTo(expected);
    }

    @Test
    void legacySpacesAreDroppedWhenProcessing() {
        assertThat(TemplateVariables.process("${ NAME } ${NAME } ${ NAME}", VALUES::get))
                .isEqualTo("my-cluster my-cluster my-cluster");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "${|VARIABLE_NAME",
        "${}|VARIABLE_NAME",
        "${-x}|VARIABLE_NAME",
        "${NAME|MISSING_CLOSING_BRACE",
        "${NAME-x}|MISSING_CLOSING_BRACE",
        "${NAME+x}|MISSING_CLOSING_BRACE",
        "${NAME:=x|FUNCTION_ARGUMENT",
        "${NAME#}|FUNCTION_ARGUMENT",
        "${NAME:}|FUNCTION_ARGUMENT",
        "${NAME:1:2x${A}}|BAD_SUBSTITUTION",
        "${#}|BAD_SUBSTITUTION",
        "${NAME:é}|BAD_SUBSTITUTION",
        "${NAME/x}|BAD_SUBSTITUTION",
        "${NAME^x}|BAD_SUBSTITUTION",
        "${ NAME }|VARIABLE_NAME",
    })
    void refusesWhatClusterctlRefuses(String template, Kind kind) {
        assertThatThrownBy(() -> Substitutions.evaluate(template, VALUES::get))
                .isInstanceOfSatisfying(TemplateSyntaxException.class, e -> assertThat(e.kind()).isEqualTo(kind));
    }

    @Test
    void syntaxErrorsSayWhere() {
        assertThatThrownBy(() -> TemplateVariables.of("kind: Cluster\nmetadata:\n  name: ${CLUSTER_NAME\n"))
                .isInstanceOf(TemplateSyntaxException.class)
                .hasMessage("missing closing brace at line 3, column 23: ${CLUSTER_NAME")
                .satisfies(e -> assertThat(((TemplateSyntaxException) e).line()).isEqualTo(3));
    }

    @Test
    void variablesAreTopLevelWithTheirFirstDefault() {
        Map<String, String> expected = new java.util.TreeMap<>();
        expected.put("A", null);
        expected.put("B", "x");
        expected.put("C", "${D}-${E}");
        expected.put("F", null);
        expected.put("G", "12");
        expected.put("H", "ab");
        assertThat(TemplateVariables.of("${B:=x} ${A} ${A:=y} ${C:=${D}-${E:=e}} ${#F} ${G:1:2} ${H/a/b} $I $${J}"))
                .containsExactlyEntriesOf(expected);
    }

    @Test
    void missingVariablesAreAllNamedSorted() {
        assertThatThrownBy(() -> TemplateVariables.process("${ZED} ${ALPHA} ${WITH:=default} ${MID}", Map.<String, String>of()::get))
                .isInstanceOfSatisfying(MissingVariablesException.class,
                        e -> assertThat(e.missing()).containsExactly("ALPHA", "MID", "ZED"))
                .hasMessageContaining("value for variables [ALPHA, MID, ZED] is not set");
        assertThat(TemplateVariables.process("${SET_EMPTY}", Map.of("SET_EMPTY", "")::get)).isEmpty();
    }

    @Test
    void aNegativeSubstringLengthIsAnErrorNotACrash() {
        assertThatThrownBy(() -> Substitutions.evaluate("${NAME:1:-3}", VALUES::get))
                .isInstanceOf(TemplateEvaluationException.class).hasMessageContaining("negative length");
    }

    @Property
    void textWithoutDollarsIsUnchanged(@ForAll String text) {
        String plain = text.replace("$", "");
        assertThat(Substitutions.evaluate(plain, name -> "x")).isEqualTo(plain);
    }

    @Property
    void doubledDollarsAreLiteralDollars(@ForAll String text) {
        String plain = text.replace("$", "");
        String escaped = plain.replace("{", "$${");
        assertThat(Substitutions.evaluate(escaped, name -> "x")).isEqualTo(plain.replace("{", "${"));
    }

    @Property
    void aReferenceGivesTheValue(@ForAll String value, @ForAll @AlphaChars @StringLength(min = 1, max = 8) String name) {
        assertThat(Substitutions.evaluate("<${" + name + "}>", Map.of(name, value)::get)).isEqualTo("<" + value + ">");
    }

    @Property
    void aDefaultAppliesWhenUnsetOrEmpty(@ForAll @CharRange(from = ' ', to = 'z') String fallback,
            @ForAll boolean empty) {
        String plain = fallback.replace("}", "").replace("$", "");
        Map<String, String> values = new HashMap<>();
        if (empty) {
            values.put("V", "");
        }
        assertThat(Substitutions.evaluate("${V:=" + plain + "}", values::get)).isEqualTo(plain);
    }

    @Property
    void lengthCountsUtf8Bytes(@ForAll String value) {
        assertThat(Substitutions.evaluate("${#V}", Map.of("V", value)::get))
                .isEqualTo(String.valueOf(value.getBytes(StandardCharsets.UTF_8).length));
    }
}
