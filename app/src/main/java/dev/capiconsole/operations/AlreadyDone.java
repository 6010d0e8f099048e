package dev.capiconsole.operations;

/**
 * A change that is already in place (the version or the replicas asked for are what the object declares): nothing
 * to plan. The window shows it as a refusal; the CLI counts it as done, so that running an interrupted command again
 * succeeds.
 */
public final class AlreadyDone extends OperationRefused {

    public AlreadyDone(String message) {
        super(message);
    }
}
