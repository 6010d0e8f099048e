package dev.capiconsole.install;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LineDiffTest {

    @Test
    void equalTextsHaveNoDiff() {
        assertThat(LineDiff.unified("a\nb\n", "a\nb\n", "old", "new")).isEmpty();
    }

    @Test
    void aChangedLineIsShownWithThreeLinesOfContext() {
        String before = "1\n2\n3\n4\nimage: a:v1\n6\n7\n8\n9\n";
        String after = "1\n2\n3\n4\nimage: a:v2\n6\n7\n8\n9\n";
        assertThat(LineDiff.unified(before, after, "old", "new")).isEqualTo("""
                --- old
                +++ new
                @@ -2,7 +2,7 @@
                 2
                 3
                 4
                -image: a:v1
                +image: a:v2
                 6
                 7
                 8
                """);
    }

    @Test
    void farApartChangesMakeTwoHunks() {
        String before = "a\nx\nb\nc\nd\ne\nf\ng\nh\ni\nj\ny\n";
        String after = "a\nX\nb\nc\nd\ne\nf\ng\nh\ni\nj\nY\n";
        String diff = LineDiff.unified(before, after, "old", "new");
        assertThat(diff).contains("@@ -1,5 +1,5 @@").contains("@@ -9,4 +9,4 @@").contains("-x\n+X").contains("-y\n+Y");
    }
}
