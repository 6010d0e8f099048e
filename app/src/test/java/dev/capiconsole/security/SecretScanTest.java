package dev.capiconsole.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capiconsole.lab.CertificateAuthority;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scanner finds each kind of credential, names file and line, and never repeats the secret. */
class SecretScanTest {

    private static final String JWT = "eyJhbGciOiJSUzI1NiIsImtpZCI6ImFiYyJ9.eyJpc3MiOiJrdWJlcm5ldGVzL3NlcnZpY2VhY2NvdW50In0"
            + ".c2lnbmF0dXJlLW9mLXRoZS10b2tlbi1oZXJl";

    @TempDir
    Path dir;

    @Test
    void findsKeysTokensAndKnownSecretsWithoutShowingThem() throws Exception {
        CertificateAuthority.loadOrCreate(dir.resolve("pki"));
        Path key = dir.resolve("pki/ca.key");
        String pem = Files.readString(key);
        String keyLine = pem.lines().filter(l -> !l.startsWith("-----")).skip(3).findFirst().orElseThrow();
        Path logs = Files.createDirectories(dir.resolve("logs"));
        Files.writeString(logs.resolve("console.log"), "INFO connected\nDEBUG header Authorization: Bearer " + JWT + "\n");
        Files.writeString(logs.resolve("report.xml"), "<system-out>\n\n" + keyLine + "\n</system-out>\n");
        Files.writeString(logs.resolve("screen.txt"), "Export\nclient-key-data: "
                + Base64.getEncoder().encodeToString(pem.getBytes(StandardCharsets.UTF_8)) + "\n");
        Files.writeString(logs.resolve("clean.log"), "INFO token refreshed (expires in 3600 s)\n");
        Path wide = Files.writeString(dir.resolve("wide.kubeconfig"), kubeconfig());
        Files.setPosixFilePermissions(wide, PosixFilePermissions.fromString("rw-r--r--"));
        Path own = Files.writeString(dir.resolve("own.kubeconfig"), kubeconfig());
        Files.setPosixFilePermissions(own, PosixFilePermissions.fromString("rw-------"));

        SecretScan scan = new SecretScan();
        scan.addPrivateKey(key);
        scan.scan(dir, null, 5);

        assertThat(scan.findings()).extracting(f -> dir.relativize(f.file()) + ":" + f.line() + " " + f.kind())
                .contains("logs/console.log:2 JSON web token", "logs/console.log:2 bearer token",
                        "logs/report.xml:3 known secret: private key ca.key",
                        "logs/screen.txt:2 client-key-data value",
                        "logs/screen.txt:2 base64 begin rsa private key",
                        "wide.kubeconfig:0 credential file readable by others (mode rw-r--r--, must be 0600)",
                        "wide.kubeconfig:8 token value")
                .noneMatch(f -> f.startsWith("own.kubeconfig") || f.startsWith("pki/") || f.startsWith("logs/clean"));
        assertThat(scan.credentialFiles()).contains(own, wide, key);
        assertThat(scan.findings()).allSatisfy(f -> assertThat(f.toString())
                .doesNotContain(JWT.substring(0, 30)).doesNotContain(keyLine.substring(0, 20)));
    }

    private static String kubeconfig() {
        return """
                apiVersion: v1
                kind: Config
                clusters:
                - name: c
                  cluster: {server: "https://127.0.0.1:6443"}
                users:
                - name: u
                  user: {token: %s}
                """.formatted(JWT);
    }
}
