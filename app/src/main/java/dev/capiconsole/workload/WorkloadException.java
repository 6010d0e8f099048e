package dev.capiconsole.workload;

/** A workload cluster that cannot be reached or read, with why and what to do. */
public class WorkloadException extends RuntimeException {

    public WorkloadException(String message) {
        super(message);
    }

    /** The cluster is still being created: worth retrying in the background. */
    public static final class NotYet extends WorkloadException {
        public NotYet(String message) {
            super(message);
        }
    }
}
