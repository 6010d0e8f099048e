package dev.capiconsole.connection;

import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.security.cert.CertificateException;
import java.util.Locale;
import javax.net.ssl.SSLHandshakeException;

/** A Kubernetes API server's refusal, or its silence, in words a person can act on. */
public final class ServerErrors {

    private static final String GENERIC_MESSAGE = "An error has occurred.";

    private ServerErrors() {
    }

    /** The server's own words (its Status message) when it gave them, else the client's. */
    public static String message(KubernetesClientException e) {
        Status status = e.getStatus();
        return status != null && status.getMessage() != null ? status.getMessage() : e.getMessage();
    }

    /** The refusal by its status code: a kind not served, forbidden, a field conflict, no answer; else its words. */
    public static String explain(KubernetesClientException e) {
        String message = message(e);
        return switch (e.getCode()) {
            case 404 -> "this cluster does not serve the object's kind (is its provider installed?): " + message;
            case 403 -> "forbidden: " + message;
            case 409 -> "conflict: another field manager owns fields this would change: " + message;
            case 0 -> "the API server could not be reached: " + message;
            default -> message;
        };
    }

    /** Why no answer came, from the innermost cause: connection refused, a timeout, or the I/O fault. */
    public static String whyUnanswered(KubernetesClientException e, int timeoutMillis) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        if (cause instanceof ConnectException) {
            return "nothing answers there (connection refused)";
        }
        if (cause instanceof SocketTimeoutException) {
            return "no answer within " + timeoutMillis / 1000 + " s (timeout)";
        }
        if (certificateRefused(e)) {
            return "its certificate is not trusted (" + rootMessage(e) + "): the certificate-authority of the "
                    + "kubeconfig's cluster entry must be the one that signed the server's certificate";
        }
        return cause instanceof IOException ? cause.getMessage() : e.getMessage();
    }

    /** A TLS handshake that failed on the server's certificate (unknown authority, wrong host name, expired). */
    static boolean certificateRefused(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SSLHandshakeException
                    || cause instanceof CertificateException) {
                return true;
            }
        }
        return false;
    }

    /**
     * The innermost cause's own words, without the exception class names Java puts in front of wrapped messages:
     * what a person can act on when a library fails deep inside.
     */
    public static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = cause.getMessage();
        if (message == null || message.isBlank()) {
            return "an unexpected " + cause.getClass().getSimpleName().replaceAll("(Exception|Error)$", "")
                    .replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT) + " failure";
        }
        return message.replaceAll("([a-z]+\\.)+[A-Za-z]*(Exception|Error):\\s*", "");
    }

    /** fabric8's words for a kind the API server does not serve (yet). */
    public static boolean unknownKind(Throwable e) {
        String message = String.valueOf(e.getMessage());
        return message.startsWith("Could not find the metadata for the given apiVersion and kind")
                || message.startsWith("Could not find a registered handler for item");
    }

    /** The failure's message, with fabric8's generic "An error has occurred." replaced by its cause's. */
    public static String specificMessage(Throwable e) {
        String message = String.valueOf(e.getMessage());
        if (message.equals(GENERIC_MESSAGE) && e.getCause() != null) {
            return e.getCause().getMessage() != null ? e.getCause().getMessage() : e.getCause().toString();
        }
        return message;
    }
}
