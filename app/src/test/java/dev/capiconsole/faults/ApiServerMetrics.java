package dev.capiconsole.faults;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.http.HttpClient;
import io.fabric8.kubernetes.client.http.HttpResponse;
import java.util.concurrent.TimeUnit;

/** Counters from the API server's own /metrics, read as the admin. */
final class ApiServerMetrics {

    private ApiServerMetrics() {
    }

    /**
     * Requests whose credentials the API server did not accept so far ({@code authentication_attempts} with a result
     * other than success: "failure", and "error" for a token it cannot validate), or -1 when this API server does not
     * publish that counter.
     */
    static double authenticationFailures(KubernetesClient admin) throws Exception {
        HttpClient http = admin.getHttpClient();
        HttpResponse<String> response = http.sendAsync(http.newHttpRequestBuilder()
                .uri(admin.getMasterUrl().toURI().resolve("/metrics")).build(), String.class).get(30, TimeUnit.SECONDS);
        if (response.code() != 200) {
            return -1;
        }
        double sum = 0;
        boolean found = false;
        for (String line : response.body().split("\n")) {
            if (line.startsWith("authentication_attempts{") && !line.contains("result=\"success\"")) {
                sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                found = true;
            }
        }
        return found ? sum : -1;
    }
}
