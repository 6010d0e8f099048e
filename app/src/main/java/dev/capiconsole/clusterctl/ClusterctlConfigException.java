package dev.capiconsole.clusterctl;

/** A clusterctl config file that cannot be used; the message names the file and the fault. */
public class ClusterctlConfigException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ClusterctlConfigException(String message) {
        super(message);
    }
}
