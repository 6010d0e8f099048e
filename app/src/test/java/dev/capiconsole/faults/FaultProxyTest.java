package dev.capiconsole.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.capiconsole.testing.Await;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The fault proxy on plain loopback sockets, in front of a small echo server. */
class FaultProxyTest {

    private ServerSocket echo;
    private FaultProxy proxy;

    @BeforeEach
    void echoServerBehindAProxy() throws IOException {
        echo = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread server = new Thread(() -> {
            while (!echo.isClosed()) {
                try {
                    Socket socket = echo.accept();
                    Thread each = new Thread(() -> echoAll(socket));
                    each.setDaemon(true);
                    each.start();
                } catch (IOException e) {
                    return;
                }
            }
        });
        server.setDaemon(true);
        server.start();
        proxy = FaultProxy.to("127.0.0.1", echo.getLocalPort());
    }

    private static void echoAll(Socket socket) {
        try (socket; InputStream in = socket.getInputStream(); OutputStream out = socket.getOutputStream()) {
            in.transferTo(out);
        } catch (IOException e) {
            // the test reset it
        }
    }

    @AfterEach
    void close() throws IOException {
        proxy.close();
        echo.close();
    }

    private Socket connect() throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), proxy.port());
        socket.setSoTimeout(5_000);
        return socket;
    }

    private static String roundTrip(Socket socket, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        socket.getOutputStream().write(bytes);
        socket.getOutputStream().flush();
        return new String(socket.getInputStream().readNBytes(bytes.length), StandardCharsets.UTF_8);
    }

    @Test
    void pipesBytesBothWaysAndCountsThem() throws IOException {
        try (Socket socket = connect()) {
            assertThat(roundTrip(socket, "hello")).isEqualTo("hello");
            assertThat(roundTrip(socket, "again")).isEqualTo("again");
        }
        assertThat(proxy.connections()).isEqualTo(1);
        assertThat(proxy.bytesUp()).isEqualTo(10);
        Await.until(Duration.ofSeconds(5), "10 bytes counted back", () -> proxy.bytesDown() == 10);
    }

    @Test
    void resetEndsOpenConnectionsWithAnErrorNotAnEndOfStream() throws IOException {
        try (Socket socket = connect()) {
            assertThat(roundTrip(socket, "x")).isEqualTo("x");
            proxy.resetAll();
            assertThatThrownBy(() -> {
                for (int i = 0; i < 100; i++) {
                    socket.getOutputStream().write('y');
                    if (socket.getInputStream().read() < 0) {
                        throw new AssertionError("a clean end of stream, not a reset");
                    }
                }
            }).isInstanceOf(SocketException.class);
        }
    }

    @Test
    void refusesNewConnectionsForThePeriodThenPipesAgain() throws IOException {
        proxy.resetFor(Duration.ofMillis(800));
        try (Socket socket = connect()) {
            assertThatThrownBy(() -> roundTrip(socket, "no")).isInstanceOf(IOException.class);
        }
        assertThat(proxy.refusedConnections()).isEqualTo(1);
        Await.until(Duration.ofSeconds(5), "the proxy pipes again after the period", () -> {
            try (Socket socket = connect()) {
                return roundTrip(socket, "yes").equals("yes");
            } catch (IOException e) {
                return false;
            }
        });
        assertThat(proxy.connections()).isEqualTo(1);
    }

    @Test
    void refuseHoldsUntilRestored() throws IOException, InterruptedException {
        proxy.refuse();
        Thread.sleep(200);
        try (Socket socket = connect()) {
            assertThatThrownBy(() -> roundTrip(socket, "no")).isInstanceOf(IOException.class);
        }
        proxy.restore();
        try (Socket socket = connect()) {
            assertThat(roundTrip(socket, "ok")).isEqualTo("ok");
        }
    }

    @Test
    void delaysNewConnections() throws IOException {
        proxy.delay(Duration.ofMillis(400));
        long start = System.nanoTime();
        try (Socket socket = connect()) {
            assertThat(roundTrip(socket, "slow")).isEqualTo("slow");
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(400));
    }
}
