package dev.capiconsole.clusterclass;

import java.util.List;
import java.util.Optional;

/**
 * A variable of a ClusterClass: its name, whether a Cluster must set it, its schema, where it comes from
 * ({@code inline} or an external patch's name) and where the class's patches use it.
 */
public record ClassVariable(String name, boolean required, VariableSchema schema, String from, List<VariableUse> uses) {

    public String type() {
        return schema.type().isEmpty() && schema.intOrString() ? "int-or-string" : schema.type();
    }

    public String description() {
        return schema.description();
    }

    public Optional<Object> defaultValue() {
        return schema.defaultValue();
    }

    public List<Object> enumValues() {
        return schema.enumValues();
    }
}
