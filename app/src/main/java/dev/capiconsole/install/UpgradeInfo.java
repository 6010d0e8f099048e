package dev.capiconsole.install;

import dev.capiconsole.templates.Semver;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What one installed provider may upgrade to, as clusterctl reasons about it: the metadata of the newest release
 * (whose release series say which contract each minor implements), the installed version and its contract, and
 * every newer version the sources offer.
 */
record UpgradeInfo(InstalledProvider provider, ReleaseMetadata metadata, Semver current, String currentContract,
        List<Semver> nextVersions) {

    /** Reads the provider's versions and its newest release's metadata, refusing what clusterctl refuses. */
    static UpgradeInfo of(ReleaseRepository repository, InstalledProvider provider) {
        ProviderSpec spec = new ProviderSpec(provider.type(), provider.providerName(), null);
        List<String> versions = repository.versions(spec);
        if (versions.isEmpty()) {
            throw new InstallException("failed to get available versions for the " + instanceName(provider)
                    + " provider");
        }
        String latest = versions.get(versions.size() - 1);
        ReleaseMetadata metadata = ReleaseMetadata.parse(repository.resolve(spec.withVersion(latest))
                .read("metadata.yaml"), provider.name() + " " + latest + " metadata.yaml");
        Semver current = Semver.tryParse(provider.version()).orElseThrow(() -> new InstallException(
                "failed to parse current version for the " + instanceName(provider) + " provider: \""
                        + provider.version() + "\""));
        String currentContract = metadata.contractOf(provider.version()).orElseThrow(() -> new InstallException(
                "invalid provider metadata: version " + provider.version() + " (the current version) for the provider "
                        + instanceName(provider) + " does not match any release series"));
        List<Semver> next = new ArrayList<>();
        for (String version : versions) {
            Semver semver = Semver.tryParse(version).orElseThrow();
            if (current.compareTo(semver) < 0) {
                if (metadata.contractOf(version).isEmpty()) {
                    throw new InstallException("invalid provider metadata: version " + version + " (one of the "
                            + "available versions) for the provider " + instanceName(provider) + " does not match any "
                            + "release series");
                }
                next.add(semver);
            }
        }
        return new UpgradeInfo(provider, metadata, current, currentContract, List.copyOf(next));
    }

    /** The contracts of the current and every later release series, sorted. */
    Set<String> contractsForUpgrade() {
        Set<String> contracts = new TreeSet<>();
        for (ReleaseMetadata.Series series : metadata.releaseSeries()) {
            boolean older = current.major() > series.major()
                    || current.major() == series.major() && current.minor() > series.minor();
            if (!older) {
                contracts.add(series.contract());
            }
        }
        return contracts;
    }

    /** The newest release (no pre-release) whose series implements one of the contracts; empty when none. */
    Optional<String> latestNextVersion(Set<String> compatibleContracts) {
        Semver latest = null;
        for (ReleaseMetadata.Series series : metadata.releaseSeries()) {
            if (!compatibleContracts.contains(series.contract())) {
                continue;
            }
            for (Semver next : nextVersions) {
                if (next.major() == series.major() && next.minor() == series.minor() && next.preRelease().isEmpty()
                        && (latest == null || latest.compareTo(next) < 0)) {
                    latest = next;
                }
            }
        }
        return Optional.ofNullable(latest).map(UpgradeInfo::tag);
    }

    static String tag(Semver version) {
        return "v" + version.major() + "." + version.minor() + "." + version.patch()
                + (version.preRelease().isEmpty() ? "" : "-" + version.preRelease())
                + (version.build().isEmpty() ? "" : "+" + version.build());
    }

    /** clusterctl's instance name: {@code namespace/name}. */
    static String instanceName(InstalledProvider provider) {
        return provider.namespace() + "/" + provider.name();
    }
}
