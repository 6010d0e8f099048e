package dev.capiconsole.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class TextTableTest {

    @Test
    void padsLikeGoTabwriterWithMinWidthTenAndPaddingThree() {
        TextTable table = new TextTable(10, 3);
        table.row("NAME", "TYPE", "FILE");
        table.row("a-rather-long-name", "X", "f.yaml");
        // column 1: widest cell 18 + 3 = 21; column 2: "TYPE" 4 + 3 = 7, raised to the minimum 10; last column bare
        assertThat(print(table)).isEqualTo(
                "NAME                 TYPE      FILE\n"
                        + "a-rather-long-name   X         f.yaml\n");
    }

    @Property
    void everyColumnStartsAtTheSameOffsetOnEveryLine(
            @ForAll @Size(min = 1, max = 6) List<@Size(3) List<@AlphaChars @StringLength(min = 1, max = 30) String>> rows) {
        TextTable table = new TextTable(10, 3);
        rows.forEach(r -> table.row(r.toArray(String[]::new)));
        String[] lines = print(table).split("\n");
        int second = lines[0].indexOf(rows.get(0).get(1), rows.get(0).get(0).length());
        int third = lines[0].lastIndexOf(rows.get(0).get(2));
        for (int i = 0; i < rows.size(); i++) {
            List<String> row = rows.get(i);
            assertThat(lines[i]).startsWith(row.get(0));
            assertThat(lines[i].substring(second)).startsWith(row.get(1));
            assertThat(lines[i].substring(third)).isEqualTo(row.get(2));
            assertThat(second - row.get(0).length()).isGreaterThanOrEqualTo(3);
        }
        assertThat(second).isGreaterThanOrEqualTo(10);
    }

    private static String print(TextTable table) {
        StringWriter out = new StringWriter();
        table.print(new PrintWriter(out));
        return out.toString().replace(System.lineSeparator(), "\n");
    }
}
