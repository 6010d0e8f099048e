package dev.capiconsole.workload;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.capiconsole.connection.ManagementCluster;
import io.fabric8.kubernetes.api.model.EventListBuilder;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.NodeListBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodListBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A narrow stand-in, on loopback, for both sides of one workload cluster: the management API server's kubeconfig
 * Secret and Cluster {@value #NAMESPACE}/{@value #CLUSTER}, and the workload API server's pods (with a watch that
 * sends an event whenever the test changes them), nodes and events. Workload requests need the bearer token the test
 * says is accepted; the Secret hands out the token the test says it holds.
 */
public final class StandInApiServer implements AutoCloseable {

    public static final String NAMESPACE = "default";
    public static final String CLUSTER = "web";
    private static final String SECRET_PATH = "/api/v1/namespaces/" + NAMESPACE + "/secrets/" + CLUSTER + "-kubeconfig";
    private static final String CLUSTER_PATH = "/apis/cluster.x-k8s.io/v1beta2/namespaces/" + NAMESPACE + "/clusters/"
            + CLUSTER;

    /** What the pod watch sends: the console only takes it as a sign to list again. */
    private static final String CHANGED = """
            {"type":"MODIFIED","object":{"apiVersion":"v1","kind":"Pod","metadata":{"name":"any"}}}
            """;

    private final KubernetesSerialization json = new KubernetesSerialization();
    private final ExecutorService handlers = Executors.newCachedThreadPool();
    private final HttpServer server;
    private final List<HttpExchange> podWatches = new CopyOnWriteArrayList<>();
    private final List<HttpExchange> otherWatches = new CopyOnWriteArrayList<>();
    private final AtomicInteger secretReads = new AtomicInteger();
    private final AtomicInteger secretMissingFor = new AtomicInteger();
    private volatile boolean secretForbidden;
    private volatile String secretToken = "token-1";
    private volatile String acceptedToken = "token-1";
    private volatile boolean clusterExists = true;
    private volatile List<Pod> pods = List.of();
    private volatile boolean podListsFail;

    public StandInApiServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(handlers);
        server.createContext("/", this::handle);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The management cluster, as the console holds it once connected (close it after the test). */
    public ManagementCluster management() {
        return new ManagementCluster("stand-in", url(), null, kubeconfig("stand-in", null), "v1.34.0", true);
    }

    private String kubeconfig(String name, String token) {
        return """
                apiVersion: v1
                kind: Config
                clusters:
                - name: %1$s
                  cluster:
                    server: %2$s
                users:
                - name: %1$s-admin
                  user: %3$s
                contexts:
                - name: %1$s-admin@%1$s
                  context:
                    cluster: %1$s
                    user: %1$s-admin
                current-context: %1$s-admin@%1$s
                """.formatted(name, url(), token == null ? "{}" : "{token: " + token + "}");
    }

    /** The Secret is missing for the next {@code reads} reads: the cluster is still being created. */
    public void secretMissingFor(int reads) {
        secretMissingFor.set(reads);
    }

    public void forbidSecret() {
        secretForbidden = true;
    }

    /** The Secret now holds {@code token}, and the workload API server accepts only that one. */
    public void rotateCredentials(String token) {
        secretToken = token;
        acceptedToken = token;
    }

    /** The workload API server accepts only {@code token}; the Secret keeps what it holds. */
    public void acceptOnly(String token) {
        acceptedToken = token;
    }

    public int secretReads() {
        return secretReads.get();
    }

    /** From now on (until called with false) pod lists fail with 503, as a server on its way down answers. */
    public void failPodLists(boolean fail) {
        podListsFail = fail;
    }

    public void deleteCluster() {
        clusterExists = false;
    }

    /** Replaces the workload cluster's pods and tells the open pod watches. */
    public void pods(Pod... now) {
        pods = List.of(now);
        for (HttpExchange watch : podWatches) {
            try {
                watch.getResponseBody().write(CHANGED.getBytes(StandardCharsets.UTF_8));
                watch.getResponseBody().flush();
            } catch (IOException e) {
                podWatches.remove(watch); // the console closed this watch
            }
        }
    }

    public static Pod pod(String namespace, String name, String phase) {
        return new PodBuilder().withNewMetadata().withNamespace(namespace).withName(name).withUid(name)
                .withCreationTimestamp("2026-01-01T00:00:00Z").endMetadata()
                .withNewSpec().withNodeName("worker-1").addNewContainer().withName("app").withImage("nginx")
                .endContainer().endSpec().withNewStatus().withPhase(phase).endStatus().build();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String query = exchange.getRequestURI().getQuery() == null ? "" : exchange.getRequestURI().getQuery();
        if (path.equals(SECRET_PATH)) {
            secret(exchange);
        } else if (path.startsWith("/apis/cluster.x-k8s.io")) {
            management(exchange, path);
        } else if (!("Bearer " + acceptedToken).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            status(exchange, 401, "Unauthorized");
        } else if (query.contains("watch=true")) {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, 0);
            exchange.getResponseBody().flush();
            (path.equals("/api/v1/pods") ? podWatches : otherWatches).add(exchange);
        } else if (path.equals("/api/v1/pods") && podListsFail) {
            status(exchange, 503, "ServiceUnavailable");
        } else if (path.equals("/api/v1/pods")) {
            send(exchange, json.asJson(new PodListBuilder().withNewMetadata().withResourceVersion("1").endMetadata()
                    .withItems(pods).build()));
        } else if (path.equals("/api/v1/nodes")) {
            send(exchange, json.asJson(new NodeListBuilder().withNewMetadata().withResourceVersion("1").endMetadata()
                    .addToItems(new NodeBuilder().withNewMetadata().withName("worker-1").endMetadata().build())
                    .build()));
        } else if (path.matches("/api/v1/namespaces/[^/]+/events")) {
            send(exchange, json.asJson(new EventListBuilder().withNewMetadata().endMetadata().build()));
        } else if (path.matches("/api/v1/namespaces/[^/]+/pods/[^/]+")) {
            String[] parts = path.split("/");
            Pod pod = pods.stream().filter(p -> p.getMetadata().getNamespace().equals(parts[4])
                    && p.getMetadata().getName().equals(parts[6])).findFirst().orElse(null);
            if (pod == null) {
                status(exchange, 404, "NotFound");
            } else {
                send(exchange, json.asJson(pod));
            }
        } else {
            status(exchange, 404, "NotFound");
        }
    }

    private void secret(HttpExchange exchange) throws IOException {
        secretReads.incrementAndGet();
        if (secretForbidden) {
            status(exchange, 403, "Forbidden");
        } else if (secretMissingFor.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
            status(exchange, 404, "NotFound");
        } else {
            send(exchange, json.asJson(new SecretBuilder().withNewMetadata().withNamespace(NAMESPACE)
                    .withName(CLUSTER + "-kubeconfig").endMetadata().addToData("value", Base64.getEncoder()
                            .encodeToString(kubeconfig(CLUSTER, secretToken).getBytes(StandardCharsets.UTF_8)))
                    .build()));
        }
    }

    private void management(HttpExchange exchange, String path) throws IOException {
        if (path.equals("/apis/cluster.x-k8s.io/v1beta2")) {
            send(exchange, """
                    {"kind":"APIResourceList","apiVersion":"v1","groupVersion":"cluster.x-k8s.io/v1beta2",
                     "resources":[{"name":"clusters","singularName":"cluster","namespaced":true,"kind":"Cluster",
                                   "verbs":["get","list","watch"]}]}""");
        } else if (path.equals(CLUSTER_PATH) && clusterExists) {
            send(exchange, """
                    {"apiVersion":"cluster.x-k8s.io/v1beta2","kind":"Cluster",
                     "metadata":{"name":"%s","namespace":"%s"}}""".formatted(CLUSTER, NAMESPACE));
        } else {
            status(exchange, 404, "NotFound");
        }
    }

    private static void status(HttpExchange exchange, int code, String reason) throws IOException {
        byte[] body = ("{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"reason\":\"" + reason
                + "\",\"message\":\"stand-in says " + reason + "\",\"code\":" + code + "}")
                .getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(code, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static void send(HttpExchange exchange, String text) throws IOException {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        podWatches.forEach(HttpExchange::close);
        otherWatches.forEach(HttpExchange::close);
        server.stop(0);
        handlers.shutdownNow();
    }
}
