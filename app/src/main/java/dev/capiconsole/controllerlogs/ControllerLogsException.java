package dev.capiconsole.controllerlogs;

/** The managers' logs could not be found or read; the message says which and why. */
public final class ControllerLogsException extends RuntimeException {

    public ControllerLogsException(String message, Throwable cause) {
        super(message, cause);
    }
}
