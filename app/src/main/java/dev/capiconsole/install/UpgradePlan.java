package dev.capiconsole.install;

import java.util.List;

/**
 * The upgrades of the installed providers towards one Cluster API contract, as {@code clusterctl upgrade plan}
 * lists them.
 */
public record UpgradePlan(String contract, List<Item> providers) {

    /** One installed provider and the version it would go to; {@code nextVersion} is empty when it stays. */
    public record Item(InstalledProvider provider, String nextVersion) {
        public boolean upgrades() {
            return !nextVersion.isEmpty();
        }
    }

    /** Some provider has no release for this contract. */
    boolean partial() {
        return providers.stream().anyMatch(item -> !item.upgrades());
    }

    public boolean upgradeAvailable() {
        return providers.stream().anyMatch(Item::upgrades);
    }
}
