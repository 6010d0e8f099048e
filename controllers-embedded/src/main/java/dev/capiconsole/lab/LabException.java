package dev.capiconsole.lab;

/** The lab could not do what was asked; the message says what failed, why, and what to do. */
public class LabException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public LabException(String message) {
        super(message);
    }

    public LabException(String message, Throwable cause) {
        super(message, cause);
    }
}
