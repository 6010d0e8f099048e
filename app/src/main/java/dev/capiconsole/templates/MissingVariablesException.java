package dev.capiconsole.templates;

import java.util.List;

/** Required variables without a value: all of them, sorted, in clusterctl's words. */
public final class MissingVariablesException extends RuntimeException {

    private final List<String> missing;

    MissingVariablesException(List<String> missing) {
        super("value for variables [" + String.join(", ", missing.stream().sorted().toList())
                + "] is not set. Please set the value using os environment variables or the clusterctl config file");
        this.missing = missing.stream().sorted().toList();
    }

    public List<String> missing() {
        return missing;
    }
}
