package dev.capiconsole.install;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capiconsole.providers.ProviderType;
import dev.capiconsole.templates.Semver;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class UpgradeInfoTest {

    private static final ReleaseMetadata METADATA = new ReleaseMetadata(List.of(
            new ReleaseMetadata.Series(1, 9, "v1beta1"), new ReleaseMetadata.Series(1, 10, "v1beta1"),
            new ReleaseMetadata.Series(1, 11, "v1beta2"), new ReleaseMetadata.Series(1, 12, "v1beta2")));

    private static UpgradeInfo info(String current, String... next) {
        InstalledProvider provider = new InstalledProvider("capi-system", "cluster-api", "cluster-api",
                ProviderType.CORE, current);
        return new UpgradeInfo(provider, METADATA, Semver.tryParse(current).orElseThrow(),
                METADATA.contractOf(current).orElseThrow(), List.of(next).stream()
                        .map(v -> Semver.tryParse(v).orElseThrow()).toList());
    }

    @Test
    void contractsAreThoseOfTheCurrentAndLaterSeries() {
        assertThat(info("v1.10.3").contractsForUpgrade()).containsExactly("v1beta1", "v1beta2");
        assertThat(info("v1.11.0").contractsForUpgrade()).containsExactly("v1beta2");
    }

    @Test
    void nextVersionIsTheNewestReleaseOfACompatibleSeriesWithoutPreReleases() {
        UpgradeInfo info = info("v1.10.1", "v1.10.4", "v1.11.2", "v1.12.0", "v1.12.1-rc.0");
        assertThat(info.latestNextVersion(Set.of("v1beta1"))).contains("v1.10.4");
        assertThat(info.latestNextVersion(Set.of("v1beta1", "v1beta2"))).contains("v1.12.0");
        assertThat(info("v1.12.0").latestNextVersion(Set.of("v1beta2"))).isEmpty();
    }
}
