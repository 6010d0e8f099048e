package dev.capiconsole.install;

/** The newest release a provider's repository offers, to set beside the installed version. */
public final class NewestRelease {

    private NewestRelease() {
    }

    /** The version, or {@code unknown: <why>} when the repository cannot say (e.g. no network). */
    public static String of(ReleaseRepository repository, InstalledProvider provider) {
        try {
            return repository.resolve(new ProviderSpec(provider.type(), provider.providerName(), null)).version();
        } catch (RuntimeException e) {
            String reason = String.valueOf(e.getMessage());
            int cut = reason.indexOf(" to read ");
            return "unknown: " + (cut > 0 ? reason.substring(0, cut) : reason);
        }
    }
}
