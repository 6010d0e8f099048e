package dev.capiconsole.templates;

import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.client.KubernetesClientException;

/** The server's reason for refusing an object, in words an operator can act on. */
public final class ApplyErrors {

    private ApplyErrors() {
    }

    public static String explain(KubernetesClientException e) {
        Status status = e.getStatus();
        String message = status != null && status.getMessage() != null ? status.getMessage() : e.getMessage();
        switch (e.getCode()) {
            case 404:
                return "this cluster does not serve the object's kind (is its provider installed?): " + message;
            case 403:
                return "forbidden: " + message;
            case 409:
                return "conflict: another field manager owns fields this would change: " + message;
            case 0:
                return "the API server could not be reached: " + message;
            default:
                return message;
        }
    }
}
