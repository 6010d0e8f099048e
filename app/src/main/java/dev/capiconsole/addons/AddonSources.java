package dev.capiconsole.addons;

import dev.capiconsole.clusterctl.ClusterctlEnvironment;
import dev.capiconsole.providers.Release;
import dev.capiconsole.providers.ReleaseException;
import dev.capiconsole.providers.ReleaseResolver;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads add-on manifests as provider releases are read: the overrides folders first, laid out as
 * {@code <overrides>/addon-<name>/<version>/<file>} (e.g. {@code addon-calico/v3.31.0/calico.yaml}), then the
 * project's GitHub release (through {@code CAPI_CONSOLE_GITHUB_URL} when a mirror is set); any other manifest comes
 * from a file or a URL the operator names. Reading needs the network or files: do it off the FX thread.
 */
public final class AddonSources {

    private final ReleaseResolver releases;
    private final Path firstOverrides;

    /** @param overridesFolders searched in order; the first is where an unreachable file should be put */
    public AddonSources(ReleaseResolver releases, List<Path> overridesFolders) {
        this.releases = releases;
        this.firstOverrides = overridesFolders.isEmpty() ? Path.of("overrides") : overridesFolders.get(0);
    }

    /**
     * The clusterctl overrides folder (after {@code extraFolders}), then {@code offlineFolder} (the lab build's,
     * may be null), then the releases.
     */
    public static AddonSources of(ClusterctlEnvironment environment, List<Path> extraFolders, Path offlineFolder) {
        List<Path> folders = new ArrayList<>(extraFolders);
        folders.add(environment.overridesFolder());
        if (offlineFolder != null) {
            folders.add(offlineFolder);
        }
        return new AddonSources(environment.releases(folders), folders);
    }

    /** The add-on's pinned manifest, checked; fails naming the overrides path to use when it cannot be read. */
    public Manifest read(Addon addon) {
        if (addon.isNone()) {
            throw new AddonException("the add-on 'none' has no manifest");
        }
        Release release = release(addon);
        try {
            return new Manifest(addon.name(), addon.file(), release.read(addon.file()), release.locate(addon.file()),
                    addon.pool());
        } catch (ReleaseException e) {
            String hint = addon.releaseUrl() == null ? " (" + addon.note() + ")" : "";
            throw new AddonException(e.getMessage() + "; to use " + addon.name() + " " + addon.version()
                    + " without it, put " + addon.file() + " at " + overridesPlace(addon) + hint, e);
        }
    }

    /** Where the add-on's manifest would be read from, without reading it (for {@code addons list}). */
    public String where(Addon addon) {
        return addon.isNone() ? "-" : release(addon).locate(addon.file());
    }

    /** Where manifests go to be read without network: the first overrides folder. */
    public Path overridesFolder() {
        return firstOverrides;
    }

    /** {@code <first overrides folder>/addon-<name>/<version>/<file>}. */
    public Path overridesPlace(Addon addon) {
        return firstOverrides.resolve(addon.overridesLabel()).resolve(addon.version()).resolve(addon.file());
    }

    /** Another manifest, from an http(s) URL or a local file; its ConfigMap name comes from the file's name. */
    public Manifest readLocation(String location) {
        String trimmed = location.trim();
        String file = trimmed.substring(trimmed.lastIndexOf('/') + 1);
        String text;
        if (trimmed.startsWith("https://") || trimmed.startsWith("http://")) {
            try {
                text = releases.readUrl(trimmed).orElseThrow(() -> new AddonException(trimmed + " answered 404"));
            } catch (ReleaseException e) {
                throw new AddonException(e.getMessage() + "; download it and name the file instead", e);
            }
        } else {
            Path path = Path.of(trimmed);
            file = path.getFileName().toString();
            try {
                text = Files.readString(path, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new AddonException("cannot read " + path + ": " + e.getMessage(), e);
            }
        }
        return new Manifest(nameOf(file), file, text, trimmed, PodCidr.Pool.NONE);
    }

    private Release release(Addon addon) {
        if (addon.releaseUrl() != null) {
            return releases.resolve(addon.overridesLabel(), addon.releaseUrl(), addon.version());
        }
        return releases.resolveFile(addon.overridesLabel(), overridesPlace(addon).toString(), addon.version());
    }

    /** A file name as a Kubernetes name part: {@code My_Addon.yaml} gives {@code my-addon}. */
    static String nameOf(String file) {
        int dot = file.indexOf('.');
        String base = (dot > 0 ? file.substring(0, dot) : file).toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9-]+", "-").replaceAll("^-+|-+$", "");
        return base.isEmpty() ? "addon" : base;
    }
}
