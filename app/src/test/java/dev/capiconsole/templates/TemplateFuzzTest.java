package dev.capiconsole.templates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.capiconsole.providers.ProviderCatalog;
import dev.capiconsole.providers.ReleaseResolver;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterTry;
import net.jqwik.api.lifecycle.BeforeTry;

/**
 * Broken template files, generated, through the whole generation: each ends in a result or in one of the
 * template exceptions, whose message names the file, and never in another exception or a hang.
 */
class TemplateFuzzTest {

    static final String TEMPLATE = BuiltInTemplates.find("docker", "in-memory").orElseThrow().text();

    static final List<String> NASTY = List.of("[", "]", "{", "}", ": ", "- ", "&a ", "*a", "!!binary", "!!java.io.File",
            "\t", "\u0000", "${", "${X:=", "}}", "$${Y}", "'", "\"", "|\n", ">-\n", "---\n", "...\n", "%YAML 1.1\n", "?",
            "\uFEFF", "\\u", "\n  \n", "#");

    Path dir;

    @BeforeTry
    void folder() throws IOException {
        dir = Files.createTempDirectory("template-fuzz");
    }

    @AfterTry
    void clean() throws IOException {
        try (var files = Files.list(dir)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
        Files.delete(dir);
    }

    @Property(tries = 100)
    void aBrokenTemplateIsRefusedWithAMessageNamingIt(@ForAll("broken") String text) throws IOException {
        Path file = Files.writeString(dir.resolve("cluster-template.yaml"), text, StandardCharsets.UTF_8);
        ClusterGenerator generator = new ClusterGenerator(new TemplateFetcher(ProviderCatalog.builtIn(),
                new ReleaseResolver(List.of(dir.resolve("overrides")), "http://127.0.0.1:9"),
                InputStream::nullInputStream, null), ClusterClassLookup.NONE);
        GenerateRequest request = new GenerateRequest("demo", "ns", "v1.34.0", 1L, 1L,
                new TemplateSource.Location(file.toString()), Map.of());
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            try {
                generator.generate(request, VariableValues.none());
            } catch (InvalidTemplateException | MissingVariablesException | TemplateEvaluationException
                    | TemplateSourceException | TemplateSyntaxException refused) {
                assertThat(refused.getMessage()).isNotBlank().doesNotContain("Exception", "\tat ");
            }
        });
    }

    @Provide
    Arbitrary<String> broken() {
        return Arbitraries.oneOf(truncated(), spliced(), deep(), laughs(), Arbitraries.strings().ofMaxLength(500));
    }

    private Arbitrary<String> truncated() {
        return Arbitraries.integers().between(0, TEMPLATE.length()).map(end -> TEMPLATE.substring(0, end));
    }

    private Arbitrary<String> spliced() {
        return Combinators.combine(Arbitraries.integers().between(0, TEMPLATE.length()), Arbitraries.of(NASTY),
                Arbitraries.integers().between(1, 3))
                .as((at, nasty, times) -> TEMPLATE.substring(0, at) + nasty.repeat(times) + TEMPLATE.substring(at));
    }

    private Arbitrary<String> deep() {
        return Arbitraries.integers().between(150, 20_000)
                .map(depth -> TEMPLATE + "---\napiVersion: v1\nkind: ConfigMap\ndata: " + "[".repeat(depth)
                        + "]".repeat(depth) + "\n");
    }

    private Arbitrary<String> laughs() {
        return Arbitraries.integers().between(6, 12).map(levels -> {
            StringBuilder text = new StringBuilder(TEMPLATE + "---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n"
                    + "  name: lol\nl0: &l0 [lol]\n");
            for (int level = 1; level <= levels; level++) {
                text.append("l").append(level).append(": &l").append(level).append(" [")
                        .append(String.join(", ", Collections.nCopies(10, "*l" + (level - 1))))
                        .append("]\n");
            }
            return text.toString();
        });
    }
}
