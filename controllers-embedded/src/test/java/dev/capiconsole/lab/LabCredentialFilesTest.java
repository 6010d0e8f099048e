package dev.capiconsole.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lab's private keys and admin kubeconfig are readable by their owner only; certificates may be public. */
class LabCredentialFilesTest {

    @TempDir
    Path pki;

    @Test
    void keysAndTheAdminKubeconfigAre0600() throws Exception {
        CertificateAuthority ca = CertificateAuthority.loadOrCreate(pki);
        CertificateAuthority.IssuedCertificate serving = ca.issueServing(pki, "apiserver", List.of());
        CertificateAuthority.IssuedCertificate admin = ca.issueClient(pki, "admin", "capi-console-admin",
                "system:masters");
        CertificateAuthority.ensureServiceAccountKeys(pki);
        Path kubeconfig = pki.resolve("kubeconfig");
        Files.writeString(kubeconfig, "left by an older version, world-readable\n");
        Files.setPosixFilePermissions(kubeconfig, PosixFilePermissions.fromString("rw-r--r--"));
        Kubeconfigs.writeAdmin(kubeconfig, 6443, pki.resolve("ca.crt"), admin.certificateFile(), admin.keyFile());

        try (Stream<Path> files = Files.list(pki)) {
            List<Path> secrets = files.filter(f -> f.getFileName().toString().endsWith(".key")).toList();
            assertThat(secrets).extracting(f -> f.getFileName().toString())
                    .contains("ca.key", "sa.key", serving.keyFile().getFileName().toString(), "admin.key");
            for (Path key : secrets) {
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).as(key.toString())
                        .isEqualTo("rw-------");
            }
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(kubeconfig))).isEqualTo("rw-------");
        assertThat(Files.readString(kubeconfig)).contains("client-key-data:");
        try (Stream<Path> files = Files.list(pki)) {
            assertThat(files.map(f -> f.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }
    }
}
