package dev.capiconsole.bootstrap;

/** Creating a local management cluster cannot go on: what is wrong and what to do. */
public class BootstrapException extends RuntimeException {

    public BootstrapException(String message) {
        super(message);
    }
}
