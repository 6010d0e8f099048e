package dev.capiconsole.providers;

import java.util.Comparator;

/** A provider repository: where clusterctl fetches a provider's components from. */
public record Provider(String name, ProviderType type, String url) {

    /** clusterctl's order: by type, then by name. */
    public static final Comparator<Provider> CLUSTERCTL_ORDER =
            Comparator.comparing(Provider::type).thenComparing(Provider::name);

    /** Two entries are the same provider when name and type match; the URL may differ. */
    public boolean sameAs(Provider other) {
        return name.equals(other.name) && type == other.type;
    }

    /** clusterctl's manifest label, e.g. {@code infrastructure-docker}: the inventory name and overrides folder. */
    public String manifestLabel() {
        return type.manifestLabel(name);
    }

    /** The URL up to and including its last slash (clusterctl's URL column). */
    public String repositoryUrl() {
        return url.substring(0, url.lastIndexOf('/') + 1);
    }

    /** The components file name at the end of the URL (clusterctl's FILE column). */
    public String componentsFile() {
        return url.substring(url.lastIndexOf('/') + 1);
    }
}
