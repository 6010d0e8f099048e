package dev.capiconsole.install;

/** An install that cannot go on, with a message an operator can act on. */
public class InstallException extends RuntimeException {

    public InstallException(String message) {
        super(message);
    }

    public InstallException(String message, Throwable cause) {
        super(message, cause);
    }
}
