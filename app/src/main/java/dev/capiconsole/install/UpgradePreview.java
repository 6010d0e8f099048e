package dev.capiconsole.install;

import java.util.List;

/**
 * What upgrading one provider changes: the objects it adds, the ones it changes (each with the diff of its manifest
 * between the two releases, or of the object as it is now when the installed release cannot be read), how many stay
 * as they are, the objects it removes, and the CRDs whose storage version changes (their stored objects are then
 * migrated by the provider's manager).
 */
public record UpgradePreview(UpgradePlan.Item item, List<String> added, List<Change> changed, int unchanged,
        List<String> removed, List<String> storageChanges, String diffBase) {

    public record Change(String object, String diff) {
    }

    public String title() {
        return item.provider().name() + " " + item.provider().version() + " -> " + item.nextVersion() + " (namespace "
                + item.provider().namespace() + ")";
    }

    /** "2 added, 5 changed, 40 unchanged, 1 removed". */
    public String summary() {
        return added.size() + " added, " + changed.size() + " changed, " + unchanged + " unchanged, " + removed.size()
                + " removed";
    }
}
