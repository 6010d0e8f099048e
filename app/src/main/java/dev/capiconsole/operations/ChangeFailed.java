package dev.capiconsole.operations;

/**
 * The server did not make a change, and why: the object {@link Reason#CHANGED changed} after it was read (nothing
 * was overwritten; read it again), {@link Reason#FIELDS_OWNED fields} the change sets are owned by another field
 * manager (server-side apply; the message names them), or the server {@link Reason#REFUSED refused} it (webhook
 * messages included).
 */
public final class ChangeFailed extends RuntimeException {

    public enum Reason { CHANGED, FIELDS_OWNED, REFUSED }

    private final Reason reason;
    private final int code;

    public ChangeFailed(String message, int code, Reason reason) {
        super(message);
        this.code = code;
        this.reason = reason;
    }

    public boolean conflict() {
        return reason == Reason.CHANGED;
    }

    public Reason reason() {
        return reason;
    }

    public int code() {
        return code;
    }
}
