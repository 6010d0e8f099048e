package dev.capiconsole.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.capiconsole.topology.CapiObject;
import dev.capiconsole.yaml.YamlLimits;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * An operator's edit in the inspector, generated broken: the review either succeeds or refuses with a message
 * (an {@link OperationRefused}), never with another exception, and within seconds.
 */
class ObjectEditFuzzTest {

    static final CapiObject MACHINE_DEPLOYMENT = CapiObject.typed(YamlLimits.CONFIG.load("""
            apiVersion: cluster.x-k8s.io/v1beta2
            kind: MachineDeployment
            metadata:
              name: md
              namespace: ns
              resourceVersion: "5"
              labels: {cluster.x-k8s.io/cluster-name: demo}
              annotations: {team: blue}
            spec:
              clusterName: demo
              replicas: 2
              selector: {matchLabels: {pool: a}}
              template:
                metadata: {labels: {pool: a}}
                spec:
                  clusterName: demo
                  version: v1.34.0
                  bootstrap: {configRef: {apiGroup: bootstrap.cluster.x-k8s.io, kind: KubeadmConfigTemplate, name: md}}
                  infrastructureRef: {apiGroup: infrastructure.cluster.x-k8s.io, kind: DevMachineTemplate, name: md}
            """));

    static final String EDITABLE = ObjectEdit.editableYaml(MACHINE_DEPLOYMENT);

    static final List<String> NASTY = List.of("[", "]", "{", "}", ": ", "- ", "&a ", "*a", "!!binary x", "!!set",
            "\t", "\u0000", "'", "\"", "|\n", "---\n", "?", "~", "null", "-1", "1e999", "\uFEFF", "#", "\n  \n");

    @Property(tries = 300)
    void aBrokenEditIsRefusedWithAMessage(@ForAll("edits") String edited) {
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            try {
                ObjectEdit.plan(MACHINE_DEPLOYMENT, edited);
            } catch (OperationRefused refused) {
                assertThat(refused.getMessage()).isNotBlank().doesNotContain("Exception", "\tat ");
            }
        });
    }

    @Provide
    Arbitrary<String> edits() {
        Arbitrary<String> spliced = Combinators.combine(Arbitraries.integers().between(0, EDITABLE.length()),
                Arbitraries.of(NASTY), Arbitraries.integers().between(1, 3))
                .as((at, nasty, times) -> EDITABLE.substring(0, at) + nasty.repeat(times) + EDITABLE.substring(at));
        Arbitrary<String> truncated = Arbitraries.integers().between(0, EDITABLE.length())
                .map(end -> EDITABLE.substring(0, end));
        Arbitrary<String> retyped = Combinators.combine(Arbitraries.of("metadata", "spec", "replicas", "name",
                        "namespace", "annotations", "template", "clusterName", "apiVersion", "kind"),
                Arbitraries.of("42", "[]", "{}", "~", "[a, b]", "{x: {y: z}}", "true", "''"))
                .as((field, value) -> EDITABLE.replaceFirst("(?m)^(\\s*)" + field + ":.*$", "$1" + field + ": "
                        + value));
        Arbitrary<String> bombed = Arbitraries.integers().between(6, 10).map(levels -> {
            StringBuilder text = new StringBuilder(EDITABLE).append("x0: &x0 [lol]\n");
            for (int level = 1; level <= levels; level++) {
                text.append("x").append(level).append(": &x").append(level).append(" [")
                        .append(String.join(", ", Collections.nCopies(10, "*x" + (level - 1)))).append("]\n");
            }
            return text.toString();
        });
        return Arbitraries.oneOf(spliced, truncated, retyped, bombed, Arbitraries.strings().ofMaxLength(300),
                Arbitraries.integers().between(150, 5_000).map(depth -> EDITABLE + "deep: " + "[".repeat(depth)
                        + "]".repeat(depth) + "\n"));
    }

    @Property(tries = 20)
    void anUnchangedEditIsRefusedAsNothingChanged(@ForAll("whitespace") String trailing) {
        assertThatThrownBy(() -> ObjectEdit.plan(MACHINE_DEPLOYMENT, EDITABLE + trailing))
                .isInstanceOf(OperationRefused.class).hasMessage("nothing was changed");
    }

    @Provide
    Arbitrary<String> whitespace() {
        return Arbitraries.of("", "\n", "\n\n", "# a comment\n", "   \n");
    }
}
