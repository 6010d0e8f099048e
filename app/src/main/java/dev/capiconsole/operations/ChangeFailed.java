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
    private final Change replanned;

    public ChangeFailed(String message, int code, Reason reason) {
        this(message, code, reason, null);
    }

    public ChangeFailed(String message, int code, Reason reason, Change replanned) {
        super(message);
        this.code = code;
        this.reason = reason;
        this.replanned = replanned;
    }

    /** After a conflict: the same operation planned again from the live objects, for a new review (or null). */
    public Change replanned() {
        return replanned;
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
