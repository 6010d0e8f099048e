package dev.capiconsole.providers;

import java.nio.file.Path;

/**
 * A release or one of its files cannot be had; the message says which and why. When the network (or a repository
 * kind the console does not read) is in the way, {@link #offlinePlace()} says where the file would be read offline.
 */
public class ReleaseException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public enum Reason { MISSING_FILE, NEEDS_NETWORK, OTHER }

    private final Reason reason;
    private final transient Path offlinePlace;

    ReleaseException(Reason reason, String message, Path offlinePlace, Throwable cause) {
        super(message, cause);
        this.reason = reason;
        this.offlinePlace = offlinePlace;
    }

    ReleaseException(Reason reason, String message) {
        this(reason, message, null, null);
    }

    public Reason reason() {
        return reason;
    }

    /**
     * {@code <overrides folder>/<label>/<version>/<file>} ({@code <version>} when none was chosen), when a release
     * file needs the network; otherwise null.
     */
    public Path offlinePlace() {
        return offlinePlace;
    }
}
