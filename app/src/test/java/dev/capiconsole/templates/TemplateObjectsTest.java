package dev.capiconsole.templates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How objects are read from substituted text and printed the way clusterctl prints them. */
class TemplateObjectsTest {

    @Test
    void keysFollowGoYamlsNaturalOrder() {
        List<String> expected = List.of("-x", "1", "01", "9", "10", "A", "a", "a-b", "a_b", "a9", "a09", "a10", "a010",
                "aB", "ab", "x-y", "x.y", "z", "é");
        for (int seed = 0; seed < 20; seed++) {
            List<String> shuffled = new ArrayList<>(expected);
            Collections.shuffle(shuffled, new java.util.Random(seed));
            shuffled.sort(GoYamlKeyOrder.INSTANCE);
            assertThat(shuffled).isEqualTo(expected);
        }
    }

    @Test
    void printsLikeGoYaml() {
        String yaml = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\ndata:\n  empty: ''\n  flag: 'true'\n"
                + "  number: '0123'\n  colon: 'a: b'\n  multi: \"ab\\n\"\n  date: 2024-01-02\nspec:\n  ratio: 1.0\n"
                + "  big: 12345678901234567890\n  list: [a, b]\n";
        String printed = TemplateObjects.toYaml(TemplateObjects.parse(yaml, "test"));
        assertThat(printed).isEqualTo("apiVersion: v1\ndata:\n  colon: 'a: b'\n  date: \"2024-01-02\"\n  empty: \"\"\n"
                + "  flag: \"true\"\n  multi: |\n    ab\n  number: \"0123\"\nkind: ConfigMap\nmetadata:\n  name: x\n"
                + "spec:\n  big: 12345678901234567000\n  list:\n  - a\n  - b\n  ratio: 1\n");
    }

    @Test
    void badYamlNamesTheLine() {
        assertThatThrownBy(() -> TemplateObjects.parse("apiVersion: v1\nkind: X\nmetadata:\n  name: [oops\n", "t.yaml"))
                .isInstanceOf(InvalidTemplateException.class)
                .hasMessageContaining("t.yaml is not valid YAML after substitution at line");
        assertThatThrownBy(() -> TemplateObjects.parse("apiVersion: v1\nkind: X\n---\n- a\n", "t.yaml"))
                .hasMessageContaining("document 2 is not a YAML map");
        assertThatThrownBy(() -> TemplateObjects.parse("name: x\n", "t.yaml"))
                .hasMessageContaining("document 1 is not a Kubernetes object");
        assertThat(TemplateObjects.parse("---\n---\napiVersion: v1\nkind: X\n", "t")).hasSize(1)
                .first().isEqualTo(Map.of("apiVersion", "v1", "kind", "X"));
    }
}
