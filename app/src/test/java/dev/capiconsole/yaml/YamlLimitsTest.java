package dev.capiconsole.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.error.YAMLException;

class YamlLimitsTest {

    /** Nine levels of ten aliases each: 10^9 values once walked, from a few hundred bytes. */
    static String billionLaughs(int levels) {
        StringBuilder text = new StringBuilder("a0: &a0 [lol]\n");
        for (int level = 1; level <= levels; level++) {
            String previous = "*a" + (level - 1);
            text.append("a").append(level).append(": &a").append(level).append(" [")
                    .append(String.join(", ", java.util.Collections.nCopies(10, previous))).append("]\n");
        }
        return text.toString();
    }

    static String nested(int depth) {
        return "[".repeat(depth) + "]".repeat(depth);
    }

    @Test
    void billionLaughsIsRefusedByItsExpansionNotByMemory() {
        for (YamlLimits limits : YamlLimits.values()) {
            assertThatThrownBy(() -> limits.load(billionLaughs(9)))
                    .isInstanceOf(YAMLException.class)
                    .hasMessageContaining("anchors and aliases");
        }
    }

    @Test
    void aFewSharedAnchorsStayAllowed() {
        Map<String, Object> document = YamlLimits.CONFIG.load(billionLaughs(2));
        assertThat((List<?>) document.get("a2")).hasSize(10);
    }

    @Test
    void nestingDeeperThanTheLimitIsRefusedBeforeTheStackOverflows() {
        assertThat((Object) YamlLimits.CONFIG.load(nested(YamlLimits.NESTING_DEPTH - 1))).isInstanceOf(List.class);
        assertThatThrownBy(() -> YamlLimits.CONFIG.load(nested(100_000)))
                .isInstanceOf(YAMLException.class)
                .hasMessageContaining("Nesting Depth");
    }

    @Test
    void aConfigFileOverSixteenMebibytesIsRefusedWhileAManifestOverSnakeYamlsDefaultLoads() {
        String overConfigLimit = "- " + "x".repeat(98) + "\n";
        assertThatThrownBy(() -> YamlLimits.CONFIG.load(overConfigLimit.repeat(170_000)))
                .isInstanceOf(YAMLException.class)
                .hasMessageContaining("code points");
        // SnakeYAML's own default stops at 3 MB; provider components are often larger.
        List<?> loaded = YamlLimits.MANIFEST.load("- item\n".repeat(600_000));
        assertThat(loaded).hasSize(600_000);
    }

    @Test
    void aValueSnakeYamlCannotBuildIsAYamlErrorAtItsLine() {
        assertThatThrownBy(() -> YamlLimits.CONFIG.load("a: 1\nb: !!binary '%%%'\n"))
                .isInstanceOf(YAMLException.class)
                .satisfies(e -> assertThat(YamlLimits.problem((YAMLException) e))
                        .isEqualTo("at line 2: cannot read the !!binary value: Illegal base64 character 25"));
    }

    @Test
    void aRecursiveAliasIsRefused() {
        assertThatThrownBy(() -> YamlLimits.CONFIG.load("&a [*a]"))
                .isInstanceOf(YAMLException.class);
    }
}
