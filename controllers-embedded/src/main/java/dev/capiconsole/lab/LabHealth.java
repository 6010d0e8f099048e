package dev.capiconsole.lab;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** Health probes of the lab's processes: plain HTTP for etcd and managers, TLS with the lab CA for the apiserver. */
final class LabHealth {

    private final HttpClient plain = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();
    private final HttpClient trusted;
    private volatile String lastFailure = "no probe yet";

    LabHealth(X509Certificate ca) {
        try {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            store.setCertificateEntry("capi-console-lab-ca", ca);
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            trusted = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).sslContext(context).connectTimeout(Duration.ofSeconds(2)).build();
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot set up TLS with the lab CA", e);
        }
    }

    boolean etcdHealthy(int port) {
        String body = get(plain, "http://127.0.0.1:" + port + "/health");
        return body != null && body.contains("\"health\":\"true\"");
    }

    boolean apiServerReady(int port) {
        return "ok".equals(get(trusted, "https://127.0.0.1:" + port + "/readyz"));
    }

    boolean managerReady(int healthPort) {
        return get(plain, "http://127.0.0.1:" + healthPort + "/readyz") != null;
    }

    /** What the last probe that failed saw, for error messages. */
    String lastFailure() {
        return lastFailure;
    }

    /** The body of a 200 answer, or null for anything else (not listening yet, not ready). */
    private String get(HttpClient client, String url) {
        try {
            HttpResponse<String> response = client.send(
                    HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(3)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200) {
                return response.body().trim();
            }
            lastFailure = url + " answered " + response.statusCode() + ": " + abbreviate(response.body());
            return null;
        } catch (IOException e) {
            lastFailure = url + ": " + e;
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static String abbreviate(String body) {
        String flat = body.replace('\n', ' ').trim();
        return flat.length() > 300 ? flat.substring(0, 300) + "..." : flat;
    }
}
