package dev.capiconsole.lab;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

/** Writes the lab's admin kubeconfig: embedded certificates, owner-only file. */
final class Kubeconfigs {

    static final String CONTEXT = "capi-console-lab";

    private Kubeconfigs() {
    }

    static void writeAdmin(Path file, int apiServerPort, Path caFile, Path clientCert, Path clientKey)
            throws IOException {
        String content = """
                apiVersion: v1
                kind: Config
                clusters:
                - name: %1$s
                  cluster:
                    server: https://127.0.0.1:%2$d
                    certificate-authority-data: %3$s
                users:
                - name: %1$s-admin
                  user:
                    client-certificate-data: %4$s
                    client-key-data: %5$s
                contexts:
                - name: %1$s
                  context:
                    cluster: %1$s
                    user: %1$s-admin
                current-context: %1$s
                preferences: {}
                """.formatted(CONTEXT, apiServerPort, base64(caFile), base64(clientCert), base64(clientKey));
        SecretFiles.write(file, content);
    }

    private static String base64(Path file) throws IOException {
        return Base64.getEncoder().encodeToString(Files.readString(file).getBytes(StandardCharsets.UTF_8));
    }
}
