package dev.capiconsole.install;

import dev.capiconsole.providers.ProviderType;

/** A Provider inventory object: what clusterctl (or this console) installed, where, and at which version. */
public record InstalledProvider(String namespace, String name, String providerName, ProviderType type,
        String version) {

    public boolean sameProviderAs(ProviderSpec spec) {
        return providerName.equals(spec.name()) && type == spec.type();
    }
}
