package dev.capiconsole.install;

import dev.capiconsole.providers.ProviderType;
import java.util.regex.Pattern;

/**
 * A provider asked for on the command line or in the form: {@code docker} or {@code docker:v1.14.2}, of a type.
 *
 * @param version {@code null} for the newest release the repository offers
 */
public record ProviderSpec(ProviderType type, String name, String version) {

    private static final Pattern NAME = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
    private static final Pattern VERSION = Pattern.compile("v\\d+\\.\\d+\\.\\d+([-+][0-9A-Za-z.+-]+)?");

    public ProviderSpec {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new InstallException("\"" + name + "\" is not a provider name (lower case letters, digits and '-')");
        }
        if (version != null && !VERSION.matcher(version).matches()) {
            throw new InstallException("\"" + version + "\" is not a release version of " + name
                    + " (expected e.g. v1.14.2)");
        }
    }

    /** {@code name} or {@code name:version}, as clusterctl takes them. */
    public static ProviderSpec parse(ProviderType type, String text) {
        String trimmed = text == null ? "" : text.trim();
        int colon = trimmed.indexOf(':');
        if (colon < 0) {
            return new ProviderSpec(type, trimmed, null);
        }
        String version = trimmed.substring(colon + 1);
        return new ProviderSpec(type, trimmed.substring(0, colon), version.isEmpty() ? null : version);
    }

    /** clusterctl's manifest label: the inventory object's name and the overrides folder's name. */
    public String label() {
        return type.manifestLabel(name);
    }

    public ProviderSpec withVersion(String chosen) {
        return new ProviderSpec(type, name, chosen);
    }

    @Override
    public String toString() {
        return label() + (version == null ? "" : ":" + version);
    }
}
