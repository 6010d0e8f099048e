package dev.capiconsole.connection;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import org.junit.jupiter.api.Test;

class ServerErrorsTest {

    private static KubernetesClientException refused(int code, String message) {
        Status status = new StatusBuilder().withCode(code).withMessage(message).build();
        return new KubernetesClientException("Failure executing: PATCH at: https://x. Message: " + message, code,
                status);
    }

    @Test
    void theServersOwnWordsWinOverTheClients() {
        assertThat(ServerErrors.message(refused(422, "spec.replicas: Invalid value")))
                .isEqualTo("spec.replicas: Invalid value");
        assertThat(ServerErrors.message(new KubernetesClientException("no status", 500, null))).isEqualTo("no status");
        assertThat(ServerErrors.message(new KubernetesClientException("empty status", 500, new Status())))
                .isEqualTo("empty status");
    }

    @Test
    void eachStatusCodeHasItsSentence() {
        assertThat(ServerErrors.explain(refused(404, "the server could not find the requested resource")))
                .isEqualTo("this cluster does not serve the object's kind (is its provider installed?): "
                        + "the server could not find the requested resource");
        assertThat(ServerErrors.explain(refused(403, "clusters is forbidden")))
                .isEqualTo("forbidden: clusters is forbidden");
        assertThat(ServerErrors.explain(refused(409, "Apply failed with 1 conflict")))
                .isEqualTo("conflict: another field manager owns fields this would change: "
                        + "Apply failed with 1 conflict");
        assertThat(ServerErrors.explain(new KubernetesClientException("Operation: [get] failed", 0, null)))
                .isEqualTo("the API server could not be reached: Operation: [get] failed");
        assertThat(ServerErrors.explain(refused(422, "invalid"))).isEqualTo("invalid");
    }

    @Test
    void noAnswerIsExplainedByItsInnermostCause() {
        KubernetesClientException refusedConnection = new KubernetesClientException("An error has occurred.",
                new RuntimeException("wrapped", new ConnectException("Connection refused")));
        assertThat(ServerErrors.whyUnanswered(refusedConnection, 5_000))
                .isEqualTo("nothing answers there (connection refused)");
        assertThat(ServerErrors.whyUnanswered(new KubernetesClientException("x", new SocketTimeoutException()), 5_000))
                .isEqualTo("no answer within 5 s (timeout)");
        assertThat(ServerErrors.whyUnanswered(new KubernetesClientException("x",
                new IOException("PKIX path building failed")), 5_000)).isEqualTo("PKIX path building failed");
        assertThat(ServerErrors.whyUnanswered(refused(500, "internal"), 5_000)).contains("internal");
    }

    @Test
    void fabric8sGenericWordsAreToldApart() {
        assertThat(ServerErrors.unknownKind(new KubernetesClientException(
                "Could not find the metadata for the given apiVersion and kind: cert-manager.io/v1 Issuer"))).isTrue();
        assertThat(ServerErrors.unknownKind(new KubernetesClientException(
                "Could not find a registered handler for item: [GenericKubernetesResource]"))).isTrue();
        assertThat(ServerErrors.unknownKind(refused(404, "not found"))).isFalse();
        assertThat(ServerErrors.specificMessage(new KubernetesClientException("An error has occurred.",
                new IllegalStateException("module jdk.crypto.ec not found"))))
                .isEqualTo("module jdk.crypto.ec not found");
        assertThat(ServerErrors.specificMessage(new KubernetesClientException("An error has occurred.",
                new IllegalStateException()))).isEqualTo("java.lang.IllegalStateException");
        assertThat(ServerErrors.specificMessage(new RuntimeException("plain"))).isEqualTo("plain");
    }
}
