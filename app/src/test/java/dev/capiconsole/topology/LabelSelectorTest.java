package dev.capiconsole.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Label selectors as the MachineHealthCheck controller applies them, over random label sets. */
class LabelSelectorTest {

    @Property
    void matchLabelsSelectExactlyTheLabelSetsThatContainThem(@ForAll("labels") Map<String, Object> labels,
                                                              @ForAll("labels") Map<String, Object> wanted) {
        boolean contained = wanted.entrySet().stream()
                .allMatch(e -> e.getValue().equals(labels.get(e.getKey())));
        assertThat(LabelSelector.matches(Map.of("matchLabels", wanted), labels)).isEqualTo(contained);

        Map<String, Object> superset = new HashMap<>(labels);
        superset.putAll(wanted);
        assertThat(LabelSelector.matches(Map.of("matchLabels", wanted), superset)).isTrue();
    }

    @Property
    void inAndNotInAreOpposites(@ForAll("labels") Map<String, Object> labels, @ForAll("key") String key,
                                @ForAll("values") List<String> values) {
        boolean in = LabelSelector.matches(expression(key, "In", values), labels);
        boolean notIn = LabelSelector.matches(expression(key, "NotIn", values), labels);
        assertThat(in).isNotEqualTo(notIn);
        assertThat(in).isEqualTo(labels.containsKey(key) && values.contains(labels.get(key)));
    }

    @Property
    void existsAndDoesNotExistAreOpposites(@ForAll("labels") Map<String, Object> labels, @ForAll("key") String key) {
        boolean exists = LabelSelector.matches(expression(key, "Exists", List.of()), labels);
        assertThat(exists).isEqualTo(labels.containsKey(key));
        assertThat(LabelSelector.matches(expression(key, "DoesNotExist", List.of()), labels)).isNotEqualTo(exists);
    }

    @Property
    void everyTermMustMatch(@ForAll("labels") Map<String, Object> labels, @ForAll("key") String key,
                            @ForAll("values") List<String> values) {
        Map<String, Object> both = Map.of("matchLabels", Map.of(key, values.get(0)), "matchExpressions",
                List.of(Map.of("key", key, "operator", "DoesNotExist")));
        assertThat(LabelSelector.matches(both, labels)).isFalse();
        assertThat(LabelSelector.matches(Map.of(), labels)).isTrue();
    }

    private static Map<String, Object> expression(String key, String operator, List<String> values) {
        return Map.of("matchExpressions", List.of(Map.of("key", key, "operator", operator, "values", values)));
    }

    @Provide
    Arbitrary<Map<String, Object>> labels() {
        return Arbitraries.maps(key(), Arbitraries.of("a", "b", "c").map(v -> (Object) v)).ofMaxSize(4);
    }

    @Provide
    Arbitrary<String> key() {
        return Arbitraries.of("cluster.x-k8s.io/deployment-name", "cluster.x-k8s.io/control-plane", "role", "zone");
    }

    @Provide
    Arbitrary<List<String>> values() {
        return Arbitraries.of("a", "b", "c").list().ofMinSize(1).ofMaxSize(3);
    }
}
