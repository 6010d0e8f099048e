package dev.capiconsole.templates;

import java.util.Optional;
import java.util.regex.Pattern;

/** Validation of the names and numbers a cluster template needs, with messages that say how to fix them. */
public final class KubernetesNames {

    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
    private static final Pattern SUBDOMAIN = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");

    private KubernetesNames() {
    }

    /** A problem with a namespace name (RFC 1123 label), or empty when it is fine. */
    public static Optional<String> namespaceProblem(String name) {
        if (name == null || name.isEmpty()) {
            return Optional.of("a namespace is needed");
        }
        if (name.length() > 63 || !LABEL.matcher(name).matches()) {
            return Optional.of("\"" + name + "\" is not a valid namespace: use at most 63 lower-case letters, digits "
                    + "and '-', starting and ending with a letter or digit");
        }
        return Optional.empty();
    }

    /** A problem with a cluster name (RFC 1123 subdomain, as clusterctl checks), or empty. */
    public static Optional<String> clusterNameProblem(String name) {
        if (name == null || name.isEmpty()) {
            return Optional.of("a cluster name is needed");
        }
        if (name.length() > 253 || !SUBDOMAIN.matcher(name).matches()) {
            return Optional.of("\"" + name + "\" is not a valid cluster name: use lower-case letters, digits, '-' "
                    + "and '.', starting and ending with a letter or digit");
        }
        return Optional.empty();
    }

    /** A problem with a Kubernetes version (semantic version such as v1.33.0), or empty. */
    public static Optional<String> versionProblem(String version) {
        if (Semver.tryParse(version).isEmpty()) {
            return Optional.of("\"" + version + "\" is not a Kubernetes version: use a semantic version such as "
                    + "v1.33.0");
        }
        return Optional.empty();
    }
}
