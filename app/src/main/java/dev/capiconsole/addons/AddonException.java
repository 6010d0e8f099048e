package dev.capiconsole.addons;

/** An add-on cannot be read or used; the message says which, why, and where to put the file instead. */
public class AddonException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public AddonException(String message) {
        super(message);
    }

    public AddonException(String message, Throwable cause) {
        super(message, cause);
    }
}
