package dev.capiconsole.ui.install;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capiconsole.testing.Await;
import dev.capiconsole.ui.common.Screenshots;
import dev.capiconsole.ui.shell.ConsoleWindow;
import dev.capiconsole.ui.shell.ShellViewModel;
import dev.capiconsole.ui.shell.TestWindow;
import dev.capiconsole.ui.shell.View;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The Images tab of Install providers, without a cluster: the quickstart's images read from an overrides folder
 * (the clusterctl config file of a home folder made for the test, with an images: section), the mirror script, and
 * an archive loaded through the kind stand-in.
 */
@ExtendWith(ApplicationExtension.class)
class ImagesGuiTest {

    @TempDir
    static Path folder;

    private ConsoleWindow window;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        window = TestWindow.open(stage, folder, "unused-lab");
    }

    @AfterEach
    void closeWindow() {
        window.close();
    }

    private static void release(Path overrides, String label, String version, String file, String kind, String image)
            throws IOException {
        Path place = Files.createDirectories(overrides.resolve(label).resolve(version));
        Files.writeString(place.resolve(file), "apiVersion: apps/v1\nkind: " + kind + "\nmetadata: {name: m, "
                + "namespace: m}\nspec:\n  template:\n    spec:\n      containers: [{name: manager, image: " + image
                + "}]\n");
        Files.writeString(place.resolve("metadata.yaml"), "releaseSeries:\n- {major: 1, minor: 14, contract: v1beta2}\n");
    }

    @Test
    void listsTheQuickstartsImagesWritesTheMirrorScriptAndLoadsAnArchiveIntoKind(FxRobot robot) throws Exception {
        Path home = folder.resolve("home");
        Path overrides = home.resolve("overrides");
        String capi = "registry.k8s.io/cluster-api/";
        release(overrides, "cluster-api", "v1.14.2", "core-components.yaml", "Deployment",
                capi + "cluster-api-controller:v1.14.2");
        release(overrides, "bootstrap-kubeadm", "v1.14.2", "bootstrap-components.yaml", "Deployment",
                capi + "kubeadm-bootstrap-controller:v1.14.2");
        release(overrides, "control-plane-kubeadm", "v1.14.2", "control-plane-components.yaml", "Deployment",
                capi + "kubeadm-control-plane-controller:v1.14.2");
        release(overrides, "infrastructure-docker", "v1.14.2", "infrastructure-components-development.yaml",
                "Deployment", capi + "capd-manager:v1.14.2");
        release(overrides, "cert-manager", "v1.21.1", "cert-manager.yaml", "Deployment",
                "quay.io/jetstack/cert-manager-controller:v1.21.1");
        release(overrides, "addon-calico", "v3.31.0", "calico.yaml", "DaemonSet", "quay.io/calico/node:v3.31.0");
        Files.createDirectories(home.resolve(".cluster-api"));
        Files.writeString(home.resolve(".cluster-api/clusterctl.yaml"), "overridesFolder: " + overrides + "\n"
                + "images:\n  all:\n    repository: registry.example.com/capi\n  infrastructure-docker:\n"
                + "    tag: v1.14.2-patched\n");
        Path bin = Files.createDirectories(folder.resolve("bin"));
        for (String tool : new String[] {"kind", "docker"}) {
            try (InputStream in = ImagesGuiTest.class.getResourceAsStream("/kind-standin/" + tool)) {
                Files.copy(in, bin.resolve(tool));
            }
            Files.setPosixFilePermissions(bin.resolve(tool), PosixFilePermissions.fromString("rwx------"));
        }
        Path archive = folder.resolve("images.tar");
        Path content = Files.createDirectories(folder.resolve("content"));
        Files.writeString(content.resolve("manifest.json"), "[{\"RepoTags\":[\"" + capi + "capd-manager:v1.14.2\"]}]");
        assertThat(new ProcessBuilder("tar", "-cf", archive.toString(), "-C", content.toString(), "manifest.json")
                .start().waitFor()).isZero();

        ShellViewModel shell = window.viewModel();
        ImagesViewModel model = shell.install().images();
        robot.interact(() -> {
            shell.show(View.INSTALL);
            TabPane tabs = robot.lookup("#install-tabs").queryAs(TabPane.class);
            tabs.getSelectionModel().select(tabs.getTabs().stream().filter(t -> "install-tab-images"
                    .equals(t.getId())).findFirst().orElseThrow());
            model.offlineProperty().set(false);
            model.setPathForTools(bin + ":" + System.getenv("PATH"));
            model.kindClusterProperty().set("capi-mgmt");
            model.archiveProperty().set(archive.toString());
        });
        String realHome = System.getProperty("user.home");
        System.setProperty("user.home", home.toString());
        try {
            robot.clickOn("#images-list");
            Await.until(Duration.ofSeconds(60), "the images listed", () -> !model.runningProperty().get()
                    && !model.statusProperty().get().isEmpty() && !model.statusProperty().get().startsWith("Reading"));
        } finally {
            System.setProperty("user.home", realHome);
        }
        assertThat(model.statusProperty().get()).isEqualTo("14 images.");
        assertThat(model.listTextProperty().get()).contains(capi + "capd-manager:v1.14.2",
                "quay.io/calico/node:v3.31.0", "kindest/node:v1.33.1", "registry.k8s.io/coredns/coredns:v1.12.0");
        assertThat(model.scriptProperty().get()).contains("copy '" + capi + "capd-manager:v1.14.2' "
                + "\"$REGISTRY/capd-manager:v1.14.2\"");
        assertThat(robot.lookup("#images-overrides").queryAs(Label.class).getText())
                .contains("all: repository=registry.example.com/capi")
                .contains("infrastructure-docker: tag=v1.14.2-patched");

        robot.clickOn("#images-load");
        Await.until(Duration.ofSeconds(30), "the archive loaded", () -> !model.loadingProperty().get()
                && model.loadLines().stream().anyMatch(l -> l.startsWith("Done") || l.startsWith("Failed")));
        assertThat(model.loadLines()).anyMatch(l -> l.contains("1 image(s): " + capi + "capd-manager:v1.14.2"))
                .contains("Done: loaded into capi-mgmt.");
        Screenshots.save(Screenshots.render(stage.getScene()), "images-page");
    }
}
