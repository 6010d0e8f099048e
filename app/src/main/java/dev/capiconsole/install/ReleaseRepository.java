package dev.capiconsole.install;

import dev.capiconsole.providers.Provider;
import dev.capiconsole.providers.ProviderCatalog;
import dev.capiconsole.providers.Release;
import dev.capiconsole.providers.ReleaseException;
import dev.capiconsole.providers.ReleaseResolver;
import java.util.List;
import java.util.function.Supplier;

/**
 * The releases init installs, found by the {@link ReleaseResolver}: providers by name from the catalog, and
 * cert-manager and MetalLB by URL. Failures are {@link InstallException}s that say how to install without network.
 */
public final class ReleaseRepository {

    private final ProviderCatalog catalog;
    private final ReleaseResolver resolver;

    public ReleaseRepository(ProviderCatalog catalog, ReleaseResolver resolver) {
        this.catalog = catalog;
        this.resolver = resolver;
    }

    /** The release of a provider: the version asked for, or the newest one its sources offer. */
    public Release resolve(ProviderSpec spec) {
        Provider provider = provider(spec);
        return explained(() -> resolver.resolve(provider, spec.version()));
    }

    /** The versions the provider's sources offer, oldest first (see {@link ReleaseResolver#versions}). */
    public List<String> versions(ProviderSpec spec) {
        Provider provider = provider(spec);
        return explain(() -> resolver.versions(provider));
    }

    private Provider provider(ProviderSpec spec) {
        return catalog.find(spec.name(), spec.type()).orElseThrow(() -> new InstallException(
                "there is no " + spec.type().clusterctlName() + " named \"" + spec.name() + "\"; known: "
                        + String.join(", ", catalog.ofType(spec.type()).stream().map(Provider::name).toList())
                        + " (add others to the providers: section of the clusterctl config file)"));
    }

    /** A release of any repository URL in clusterctl's forms; {@code version} {@code null} means the newest. */
    public Release resolve(String label, String url, String version) {
        return explained(() -> resolver.resolve(label, url, version));
    }

    /** A file published at a fixed URL, e.g. MetalLB's manifest (see {@link ReleaseResolver#resolveFile}). */
    public Release resolveFile(String label, String url, String version) {
        return explained(() -> resolver.resolveFile(label, url, version));
    }

    private static Release explained(Supplier<Release> resolving) {
        Release release = explain(resolving);
        Release.Source files = release.source();
        return new Release(release.label(), release.version(), release.componentsFile(), release.origin(),
                new Release.Source() {
                    @Override
                    public String read(String file) {
                        return explain(() -> files.read(file));
                    }

                    @Override
                    public String locate(String file) {
                        return files.locate(file);
                    }
                });
    }

    private static <T> T explain(Supplier<T> work) {
        try {
            return work.get();
        } catch (ReleaseException e) {
            if (e.offlinePlace() == null) {
                throw new InstallException(e.getMessage(), e);
            }
            boolean metadata = e.offlinePlace().endsWith("metadata.yaml");
            throw new InstallException(e.getMessage() + ". To install without network, use the offline component "
                    + "files (--offline) or put the files into an overrides folder: " + e.offlinePlace()
                    + (metadata ? "" : " (and metadata.yaml beside it)"), e);
        }
    }
}
