package dev.capiconsole.topology;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class ParagraphTest {

    @Test
    void foldsWhiteSpaceAndKeepsLineBreaks() {
        assertThat(Paragraph.format("a\t b  c \n\tx  \n   * yy zz", 100)).isEqualTo("a b c \nx \n   * yy zz");
        assertThat(Paragraph.format("", 100)).isEqualTo("");
    }

    @Test
    void wrapsBeforeTheWidthAndIndentsBulletContinuations() {
        String message = "  * MachineDeployment md1: 2 available replicas, at least 3 required "
                + "(spec.strategy.rollout.maxUnavailable is 0, spec.replicas is 3)";
        assertThat(Paragraph.format(message, 100)).isEqualTo(
                "  * MachineDeployment md1: 2 available replicas, at least 3 required\n"
                        + "    (spec.strategy.rollout.maxUnavailable is 0, spec.replicas is 3)");
    }

    @Test
    void aWordLongerThanTheWidthStandsOnItsOwnLine() {
        String word = "y".repeat(120);
        assertThat(Paragraph.format(word + " b", 100)).isEqualTo("\n" + word + "\nb");
        assertThat(Paragraph.format("* " + word, 100)).isEqualTo("*\n  " + word);
    }

    @Property
    void wrappedLinesOfShortWordsStayWithinTheWidthAndKeepEveryWord(@ForAll @StringLength(max = 400) @AlphaChars String letters) {
        String text = letters.replaceAll("(.{7})", "$1 ");
        for (String line : Paragraph.format(text, 100).split("\n")) {
            assertThat(line.length()).isLessThanOrEqualTo(100);
        }
        assertThat(Paragraph.format(text, 100).replace("\n", " ").replaceAll(" +", " ").strip())
                .isEqualTo(text.replaceAll(" +", " ").strip());
    }
}
