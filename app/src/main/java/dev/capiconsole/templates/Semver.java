package dev.capiconsole.templates;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A semantic version such as {@code v1.33.0} or {@code v1.33.0-rc.1+build}, ordered as semver orders it. */
public record Semver(long major, long minor, long patch, String preRelease, String build) implements Comparable<Semver> {

    private static final Pattern SEMVER = Pattern.compile(
            "v?(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(?:-([0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*))?"
                    + "(?:\\+([0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*))?");

    public static Optional<Semver> tryParse(String text) {
        Matcher m = SEMVER.matcher(text == null ? "" : text.trim());
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new Semver(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)),
                Long.parseLong(m.group(3)), m.group(4) == null ? "" : m.group(4), m.group(5) == null ? "" : m.group(5)));
    }

    static Semver parse(String text) {
        return tryParse(text).orElse(new Semver(0, 0, 0, "", ""));
    }

    @Override
    public int compareTo(Semver other) {
        int c = Long.compare(major, other.major);
        if (c == 0) {
            c = Long.compare(minor, other.minor);
        }
        if (c == 0) {
            c = Long.compare(patch, other.patch);
        }
        if (c != 0) {
            return c;
        }
        if (preRelease.isEmpty() || other.preRelease.isEmpty()) {
            return Boolean.compare(preRelease.isEmpty(), other.preRelease.isEmpty());
        }
        String[] a = preRelease.split("\\.");
        String[] b = other.preRelease.split("\\.");
        for (int i = 0; i < Math.min(a.length, b.length); i++) {
            boolean an = a[i].matches("\\d+");
            boolean bn = b[i].matches("\\d+");
            int d = an && bn ? Long.compare(Long.parseLong(a[i]), Long.parseLong(b[i]))
                    : an ? -1 : bn ? 1 : a[i].compareTo(b[i]);
            if (d != 0) {
                return d;
            }
        }
        return Integer.compare(a.length, b.length);
    }
}
