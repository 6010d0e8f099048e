package dev.capiconsole.ui.kind;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capiconsole.ui.common.TaskExecutor;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kind form without a window. Docker cannot run here, so the tools are the stand-ins of
 * src/test/resources/kind-standin, as in KindStandInIT: they answer {@code version} as kind v0.33.0 does.
 */
class KindViewModelTest {

    @TempDir
    Path folder;
    private final KindViewModel model = new KindViewModel(TaskExecutor.sameThread(),
            new SimpleObjectProperty<>(), file -> { });

    @Test
    void withoutKindOnThePathTheFormSaysSoAndCannotCreate() {
        model.pathForToolsProperty().set(folder.toString());
        model.probe();
        assertThat(model.toolsReadyProperty().get()).isFalse();
        assertThat(model.toolsProperty().get()).contains("docker");
        model.create();
        assertThat(model.resultProperty().get()).startsWith("docker and kind are needed first: ");
        assertThat(model.runningProperty().get()).isFalse();
    }

    @Test
    void foundToolsAreNamedWithTheirVersions() throws IOException {
        Path bin = standIns();
        model.pathForToolsProperty().set(bin + ":/usr/bin:/bin");
        model.probe();
        assertThat(model.toolsReadyProperty().get()).isTrue();
        assertThat(model.toolsProperty().get()).contains("kind v0.33.0").contains(bin.resolve("kind").toString())
                .contains("Docker engine");
    }

    @Test
    void anInvalidNameIsRefusedBeforeKindRuns() throws IOException {
        model.pathForToolsProperty().set(standIns() + ":/usr/bin:/bin");
        model.probe();
        model.nameProperty().set("Not_A_Name");
        model.create();
        assertThat(model.resultProperty().get()).isNotEmpty();
        assertThat(model.runningProperty().get()).isFalse();
        assertThat(model.steps()).isEmpty();
        assertThat(model.configText().get()).startsWith("# ");
    }

    @Test
    void theConfigFollowsTheForm() {
        model.nameProperty().set("mgmt");
        model.workersProperty().set(2);
        assertThat(model.configText().get()).contains("kind: Cluster").contains("name: mgmt");
        assertThat(model.context()).isEqualTo("kind-mgmt");
        assertThat(model.configText().get()).as("the same text every time: hostPath first, as kind's docs write it")
                .containsPattern("hostPath: /var/run/docker\\.sock\\s+containerPath: /var/run/docker\\.sock");
    }

    private Path standIns() throws IOException {
        Path bin = Files.createDirectories(folder.resolve("bin"));
        for (String tool : new String[] {"kind", "docker"}) {
            try (InputStream in = KindViewModelTest.class.getResourceAsStream("/kind-standin/" + tool)) {
                Path target = bin.resolve(tool);
                Files.copy(in, target);
                Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
        }
        return bin;
    }
}
