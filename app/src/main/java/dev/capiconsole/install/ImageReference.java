package dev.capiconsole.install;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A container image as clusterctl splits it to apply image overrides: the repository (registry and path up to the
 * last '/'), the name (the last path element), the tag and the digest. Like clusterctl, only fully qualified
 * references are accepted ({@code registry.k8s.io/pause:3.10}, not {@code pause:3.10}).
 */
public record ImageReference(String repository, String name, String tag, String digest) {

    private static final String COMPONENT = "[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*";
    private static final String DOMAIN = "(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?"
            + "(?:\\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*|\\[[0-9a-fA-F:.]+\\])(?::[0-9]+)?";
    private static final Pattern REFERENCE = Pattern.compile("(" + DOMAIN + ")/(" + COMPONENT + "(?:/" + COMPONENT
            + ")*)(?::([\\w][\\w.-]{0,127}))?(?:@([A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}))?");

    /** Parses {@code image}; a reference without a registry, or not a reference at all, is refused. */
    public static ImageReference parse(String image) {
        Matcher matcher = REFERENCE.matcher(image == null ? "" : image);
        if (!matcher.matches() && image != null && REFERENCE.matcher("registry.invalid/" + image).matches()) {
            throw notCanonical(image);
        }
        if (!matcher.matches()) {
            throw new InstallException("couldn't parse image name \"" + image + "\": not a container image "
                    + "reference");
        }
        String domain = matcher.group(1);
        if (!domain.contains(".") && !domain.contains(":") && !domain.equals("localhost")
                && domain.equals(domain.toLowerCase())) {
            throw notCanonical(image);
        }
        String path = domain + "/" + matcher.group(2);
        int last = path.lastIndexOf('/');
        return new ImageReference(path.substring(0, last), path.substring(last + 1), orEmpty(matcher.group(3)),
                orEmpty(matcher.group(4)));
    }

    private static InstallException notCanonical(String image) {
        return new InstallException("couldn't parse image name \"" + image + "\": repository name must be canonical "
                + "(name its registry, e.g. docker.io/" + (image.contains("/") ? "" : "library/") + image + ")");
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }

    @Override
    public String toString() {
        return repository + "/" + name + (tag.isEmpty() ? "" : ":" + tag) + (digest.isEmpty() ? "" : "@" + digest);
    }
}
