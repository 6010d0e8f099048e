package dev.capiconsole.operations;

/** An operation the console will not plan, with why (in clusterctl's words where clusterctl has them). */
public class OperationRefused extends RuntimeException {

    public OperationRefused(String message) {
        super(message);
    }
}
