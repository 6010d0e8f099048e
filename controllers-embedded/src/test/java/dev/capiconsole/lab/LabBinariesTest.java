package dev.capiconsole.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The check an installed console runs before the first build: what is missing and what a build would need. */
class LabBinariesTest {

    @TempDir
    Path dir;

    @Test
    void anEmptyCacheNamesEveryBinaryAndAMissingGoSaysHowToGetIt() {
        LabBinaries.BuildStatus status = LabBinaries.check(Map.of("CAPI_CONSOLE_LAB_CACHE", dir.toString(),
                "LAB_BUILD_GO", dir.resolve("no-go/bin/go").toString()));
        assertThat(status.built()).isFalse();
        assertThat(status.binDir()).startsWithRaw(dir);
        assertThat(status.missing()).contains("etcd", "kube-apiserver", "capi-controller-manager",
                "capd-controller-manager", "clusterctl");
        assertThat(status.canBuild()).isFalse();
        assertThat(status.goProblem()).contains("Go is not installed").contains("LAB_BUILD_GO");
        assertThat(status.goMinVersion()).matches("\\d+\\.\\d+(\\.\\d+)?");
        assertThat(dir).isEmptyDirectory();
    }
}
