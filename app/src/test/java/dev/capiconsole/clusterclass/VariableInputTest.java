package dev.capiconsole.clusterclass;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VariableInputTest {

    private final ClusterClassModel model = TestClass.model("team");

    @Test
    void readsTextAsTheSchemaTypeWants() {
        assertThat(VariableInput.read("1.0", new VariableSchema(Map.of("type", "string")))).isEqualTo("1.0");
        assertThat(VariableInput.read("true", new VariableSchema(Map.of("type", "string")))).isEqualTo("true");
        assertThat(VariableInput.read("42", new VariableSchema(Map.of("type", "integer")))).isEqualTo(42L);
        assertThat(VariableInput.read("1e3", new VariableSchema(Map.of("type", "integer")))).isEqualTo(1000L);
        assertThat(VariableInput.read("1.5", new VariableSchema(Map.of("type", "integer")))).isEqualTo(1.5d);
        assertThat(VariableInput.read("ten", new VariableSchema(Map.of("type", "integer")))).isEqualTo("ten");
        assertThat(VariableInput.read("false", new VariableSchema(Map.of("type", "boolean")))).isEqualTo(false);
        assertThat(VariableInput.read("yes", new VariableSchema(Map.of("type", "boolean")))).isEqualTo("yes");
        assertThat(VariableInput.read("[a, b]", new VariableSchema(Map.of("type", "array")))).isEqualTo(List.of("a", "b"));
        assertThat(VariableInput.read("{enabled: true}", new VariableSchema(Map.of("type", "object"))))
                .isEqualTo(Map.of("enabled", true));
    }

    @Test
    void setsWholeVariablesJsonAndNestedFields() {
        Map<String, Object> values = new LinkedHashMap<>();
        VariableInput.set(values, model, "maxPods=120", false);
        VariableInput.set(values, model, "audit.enabled=true", false);
        VariableInput.set(values, model, "audit.maxAge=7", false);
        VariableInput.set(values, model, "extraFiles=[{\"path\":\"/a\",\"content\":\"b\"}]", true);
        VariableInput.set(values, model, "extraLabels.team=blue", false);

        assertThat(values).isEqualTo(Map.of("maxPods", 120L, "audit", Map.of("enabled", true, "maxAge", 7L),
                "extraFiles", List.of(Map.of("path", "/a", "content", "b")), "extraLabels", Map.of("team", "blue")));
    }

    @Test
    void namesAnUnknownVariableWithTheClassVariables() {
        assertThatThrownBy(() -> VariableInput.set(new LinkedHashMap<>(), model, "nosuch=1", false))
                .hasMessageStartingWith("the class capi-console-test has no variable nosuch; it has: environment, ");
        assertThatThrownBy(() -> VariableInput.set(new LinkedHashMap<>(), model, "maxPods", false))
                .hasMessage("\"maxPods\" is not NAME=VALUE");
    }
}
