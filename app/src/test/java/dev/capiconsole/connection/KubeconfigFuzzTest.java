package dev.capiconsole.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterTry;
import net.jqwik.api.lifecycle.BeforeTry;

/**
 * Broken kubeconfig files, generated: whatever is wrong, reading one ends in a {@link ConnectionException} that
 * names the file or the context, never in another exception, and within seconds.
 */
class KubeconfigFuzzTest {

    /** Nothing listens on port 1, so no case waits on the network. */
    static final String VALID = """
            apiVersion: v1
            kind: Config
            current-context: ops
            clusters:
            - name: mgmt
              cluster:
                server: https://127.0.0.1:1
                certificate-authority-data: %s
            contexts:
            - name: ops
              context: {cluster: mgmt, user: admin, namespace: default}
            users:
            - name: admin
              user:
                client-certificate-data: %s
                client-key-data: %s
            """;

    static final List<String> FIELDS = List.of("clusters", "users", "contexts", "current-context", "cluster",
            "server", "user", "context", "name", "certificate-authority-data", "client-certificate-data",
            "client-key-data", "namespace", "kind", "apiVersion");

    static final List<String> WRONG_VALUES = List.of("42", "[]", "{}", "[1, 2]", "{a: b}", "null", "~", "true",
            "\"\"", "!!binary aGVsbG8=", "-1e309", "\"\\u0000\"", "[[[[[]]]]]", "&x [*x]", "'" + "y".repeat(5000) + "'");

    Path dir;

    @BeforeTry
    void folder() throws IOException {
        dir = Files.createTempDirectory("kubeconfig-fuzz");
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

    @Property(tries = 200)
    void aBrokenKubeconfigIsRefusedWithAMessage(@ForAll("broken") byte[] content) throws IOException {
        Path file = Files.write(dir.resolve("config"), content);
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            try {
                KubeconfigSet set = KubeconfigSet.load(List.of(file));
                for (KubeContext context : set.contexts().subList(0, Math.min(3, set.contexts().size()))) {
                    ClusterProbe.open(set.configFor(context.name(), null), context.name()).close();
                }
            } catch (ConnectionException refused) {
                assertThat(refused.getMessage()).isNotBlank().containsAnyOf(file.toString(), "context '");
                assertThat(refused.getMessage()).doesNotContain("Exception", "\tat ");
            }
        });
    }

    @Provide
    Arbitrary<byte[]> broken() {
        return Arbitraries.oneOf(truncated(), wrongType(), badCertificates(), unknownFields(), randomBytes(), huge());
    }

    static String valid(String ca, String cert, String key) {
        return VALID.formatted(ca, cert, key);
    }

    static String validWithGarbageCertificates() {
        String data = Base64.getEncoder().encodeToString("not a certificate".getBytes(StandardCharsets.UTF_8));
        return valid(data, data, data);
    }

    private Arbitrary<byte[]> truncated() {
        String text = validWithGarbageCertificates();
        return Arbitraries.integers().between(0, text.length()).map(end -> bytes(text.substring(0, end)));
    }

    private Arbitrary<byte[]> wrongType() {
        String text = validWithGarbageCertificates();
        return Combinators.combine(Arbitraries.of(FIELDS), Arbitraries.of(WRONG_VALUES)).as((field, value) -> {
            int at = text.indexOf(field + ":");
            int end = text.indexOf('\n', at);
            String replaced = text.substring(0, at) + field + ": " + value + text.substring(end);
            return bytes(replaced);
        });
    }

    private Arbitrary<byte[]> badCertificates() {
        Arbitrary<String> data = Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(200),
                Arbitraries.strings().withCharRange('A', 'z').ofMaxLength(200),
                Arbitraries.strings().ofMaxLength(200).map(s -> Base64.getEncoder()
                        .encodeToString(s.getBytes(StandardCharsets.UTF_8))),
                Arbitraries.of("LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCg==", "%%%", "===="));
        return Combinators.combine(data, data, data).as((ca, cert, key) -> bytes(valid(quoted(ca), quoted(cert),
                quoted(key))));
    }

    private Arbitrary<byte[]> unknownFields() {
        return Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(20)
                .map(name -> bytes(validWithGarbageCertificates().replace("  cluster:\n", "  cluster:\n    " + name
                        + ": {deep: [1, 2]}\n").replace("kind: Config\n", "kind: Config\n" + name + ": 7\n")));
    }

    private Arbitrary<byte[]> randomBytes() {
        return Arbitraries.bytes().array(byte[].class).ofMaxSize(2000);
    }

    private Arbitrary<byte[]> huge() {
        return Arbitraries.integers().between(1, 3).map(scale -> {
            StringBuilder text = new StringBuilder(validWithGarbageCertificates());
            for (int i = 0; i < 2_000 * scale; i++) {
                text.append("- name: extra-").append(i).append("\n  context: {cluster: mgmt, user: admin}\n");
            }
            return bytes(text.toString());
        });
    }

    private static String quoted(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
