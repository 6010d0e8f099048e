package dev.capiconsole.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;

/** The lab's etcd through its v3 HTTP/JSON gateway (plain HTTP on loopback, as the lab configures it). */
final class EtcdGateway {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    private EtcdGateway(URI base) {
        this.base = base;
    }

    /** The etcd of the lab in {@code labDataDir}, at the client port its ports.properties keeps. */
    static EtcdGateway of(Path labDataDir) {
        Properties ports = new Properties();
        try (Reader reader = Files.newBufferedReader(labDataDir.resolve("ports.properties"))) {
            ports.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new EtcdGateway(URI.create("http://127.0.0.1:" + ports.getProperty("etcd.client").trim()));
    }

    /** The store's current revision (from a range request's header). */
    long revision() throws IOException, InterruptedException {
        // key "\0" base64: any key will do, the header carries the revision
        return post("/v3/kv/range", "{\"key\":\"AA==\",\"count_only\":true}").path("header").path("revision")
                .asLong();
    }

    /** Compacts (physically) to the current revision: every older revision is gone. Returns it. */
    long compactToCurrent() throws IOException, InterruptedException {
        long revision = revision();
        post("/v3/kv/compaction", "{\"revision\":\"" + revision + "\",\"physical\":true}");
        return revision;
    }

    private JsonNode post(String path, String body) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("etcd " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }
}
