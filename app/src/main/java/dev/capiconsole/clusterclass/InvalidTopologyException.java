package dev.capiconsole.clusterclass;

import java.util.List;

/** A Cluster that cannot be built from its class: every problem found, each at its field. */
public final class InvalidTopologyException extends RuntimeException {

    private final List<SchemaError> errors;

    public InvalidTopologyException(List<SchemaError> errors) {
        super(errors.size() + (errors.size() == 1 ? " problem" : " problems") + ":\n  "
                + String.join("\n  ", errors.stream().map(SchemaError::toString).toList()));
        this.errors = List.copyOf(errors);
    }

    public List<SchemaError> errors() {
        return errors;
    }
}
