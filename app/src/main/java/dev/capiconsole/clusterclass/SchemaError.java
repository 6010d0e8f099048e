package dev.capiconsole.clusterclass;

/**
 * One rule a variable value breaks: the field path as the API server writes it
 * ({@code spec.topology.variables[imageRepository].value.registry}), the rule's name as the schema spells it
 * ({@code type}, {@code enum}, {@code pattern}, ...; {@code server} for the server's own words) and an English message.
 */
public record SchemaError(String path, String rule, String message) {

    @Override
    public String toString() {
        return path + ": " + message;
    }
}
