package dev.capiconsole.providers;

/** A provider entry that clusterctl would refuse; the message says which entry and why. */
public class InvalidProviderException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public InvalidProviderException(String message) {
        super(message);
    }
}
