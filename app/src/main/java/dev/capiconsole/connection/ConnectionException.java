package dev.capiconsole.connection;

/** A cluster could not be reached or read; the message names the endpoint and the cause. */
public class ConnectionException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ConnectionException(String message, Throwable cause) {
        super(message, cause);
    }
}
