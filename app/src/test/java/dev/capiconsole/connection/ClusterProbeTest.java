package dev.capiconsole.connection;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClusterProbeTest {

    @TempDir
    Path dir;

    @Test
    void anUnreachableServerIsNamedWithTheReasonQuickly() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        Path file = Files.writeString(dir.resolve("gone.yaml"), """
                apiVersion: v1
                kind: Config
                current-context: ctx
                contexts:
                - name: ctx
                  context: {cluster: gone, user: u}
                clusters:
                - name: gone
                  cluster: {server: "https://127.0.0.1:%d"}
                users:
                - name: u
                  user:
                    token: t
                """.formatted(closed));
        Instant start = Instant.now();
        assertThatThrownBy(() -> ClusterProbe.probe(KubeconfigSet.load(List.of(file)), "ctx",
                new ExecPath("/usr/bin", List.of())))
                .isInstanceOf(ConnectionException.class)
                .hasMessageContaining("cannot reach https://127.0.0.1:" + closed)
                .hasMessageContaining("context 'ctx'");
        System.out.printf("[measure] unreachable server reported after %d ms%n",
                Duration.between(start, Instant.now()).toMillis());
    }
}
