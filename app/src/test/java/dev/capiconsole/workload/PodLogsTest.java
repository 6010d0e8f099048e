package dev.capiconsole.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The log requests the console sends (tail, previous, container, follow) and how it reads the answers. A narrow
 * stand-in server on loopback plays the kubelet-backed log endpoint, which the lab's in-memory workload servers do
 * not have; the "not served" case is also checked against the real lab in WorkloadClusterIT.
 */
class PodLogsTest {

    private static final String POD = """
            {"apiVersion":"v1","kind":"Pod","metadata":{"name":"web","namespace":"shop","uid":"u1"},
             "spec":{"containers":[{"name":"app","image":"nginx:1.27"},{"name":"sidecar","image":"busybox"}]},
             "status":{"phase":"Running","conditions":[{"type":"Ready","status":"True"}]}}""";

    private HttpServer server;
    private final List<String> queries = new CopyOnWriteArrayList<>();
    private volatile boolean logEndpoint = true;
    private volatile boolean podExists = true;
    private final CountDownLatch followDone = new CountDownLatch(1);
    private KubernetesClient client;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/v1/namespaces/shop/pods/web", this::handle);
        server.start();
        Config config = new ConfigBuilder(Config.empty()).withMasterUrl("http://127.0.0.1:" + server.getAddress()
                .getPort()).withRequestTimeout(5000).build();
        client = new KubernetesClientBuilder().withConfig(config).build();
    }

    @AfterEach
    void stop() {
        client.close();
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        if (path.endsWith("/log")) {
            String query = exchange.getRequestURI().getQuery();
            queries.add(query == null ? "" : query);
            if (!logEndpoint) {
                reply(exchange, 404, "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\","
                        + "\"message\":\"the server could not find the requested resource\",\"code\":404}");
                return;
            }
            if (query != null && query.contains("follow=true")) {
                exchange.getResponseHeaders().add("Content-Type", "text/plain");
                exchange.sendResponseHeaders(200, 0);
                try (OutputStream body = exchange.getResponseBody()) {
                    for (String line : List.of("first\n", "sec", "ond\n", "third\n")) {
                        body.write(line.getBytes(StandardCharsets.UTF_8));
                        body.flush();
                        Thread.sleep(50);
                    }
                    followDone.await(5, TimeUnit.SECONDS);
                } catch (InterruptedException | IOException e) {
                    // the client closed the stream: that is how following ends
                }
                return;
            }
            reply(exchange, 200, "line 1\nline 2 ü\n");
            return;
        }
        if (podExists) {
            reply(exchange, 200, POD);
        } else {
            reply(exchange, 404, "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\","
                    + "\"message\":\"pods \\\"web\\\" not found\",\"reason\":\"NotFound\",\"code\":404}");
        }
    }

    private static void reply(HttpExchange exchange, int code, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", body.startsWith("{") ? "application/json" : "text/plain");
        exchange.sendResponseHeaders(code, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Test
    void tailOfAContainerAsksForItsLinesAndReadsUtf8() {
        String text = PodLogs.tail(client, new PodLogs.Request("shop", "web", "app", 50, false));
        assertThat(text).isEqualTo("line 1\nline 2 ü\n");
        assertThat(queries).hasSize(1);
        assertThat(queries.get(0)).contains("container=app").contains("tailLines=50").doesNotContain("previous");
    }

    @Test
    void previousAsksForTheTerminatedInstanceAndZeroTailMeansAll() {
        PodLogs.tail(client, new PodLogs.Request("shop", "web", "sidecar", 0, true));
        assertThat(queries.get(0)).contains("container=sidecar").contains("previous=true").doesNotContain("tailLines");
    }

    @Test
    void aServerWithoutLogsIsToldApartFromAMissingPod() {
        logEndpoint = false;
        assertThatThrownBy(() -> PodLogs.tail(client, new PodLogs.Request("shop", "web", "app", 10, false)))
                .isInstanceOf(PodLogs.NotServed.class).hasMessageContaining("does not serve container logs");
        podExists = false;
        assertThatThrownBy(() -> PodLogs.tail(client, new PodLogs.Request("shop", "web", "app", 10, false)))
                .isInstanceOf(WorkloadException.class).isNotInstanceOf(PodLogs.NotServed.class)
                .hasMessageContaining("cannot read the logs of shop/web container app");
    }

    @Test
    void followingHandsOverWholeLinesUntilClosed() throws Exception {
        List<String> lines = new CopyOnWriteArrayList<>();
        try (PodLogs.Following following = PodLogs.follow(client, new PodLogs.Request("shop", "web", "app", 5, false),
                lines::add)) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (lines.size() < 3 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(lines).containsExactly("first", "second", "third");
        } finally {
            followDone.countDown();
        }
        assertThat(queries.get(0)).contains("follow=true").contains("tailLines=5");
    }

    @Test
    void negativeTailIsRefused() {
        assertThatThrownBy(() -> new PodLogs.Request("shop", "web", null, -1, false))
                .hasMessageContaining("must not be negative");
    }
}
