package dev.capiconsole.clusterclass;

/**
 * Where a patch of the class uses a variable: the patch's name, the JSON patch's target ({@code kind path}, e.g.
 * {@code KubeadmControlPlaneTemplate /spec/template/spec/...}; {@code enabledIf} for the patch's condition) and the
 * reference as written ({@code imageRepository.registry}, or {@code template} when a value template reads it).
 */
public record VariableUse(String patch, String target, String reference) {

    public String label() {
        return patch + ": " + target + (reference.isEmpty() ? "" : " (" + reference + ")");
    }
}
