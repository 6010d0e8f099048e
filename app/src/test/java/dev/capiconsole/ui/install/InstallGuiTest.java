package dev.capiconsole.ui.install;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capiconsole.install.InitProgress;
import dev.capiconsole.lab.LabFixture;
import dev.capiconsole.testing.Await;
import dev.capiconsole.ui.common.Screenshots;
import dev.capiconsole.ui.install.InstallViewModel;
import dev.capiconsole.ui.kind.KindViewModel;
import dev.capiconsole.ui.shell.ConsoleWindow;
import dev.capiconsole.ui.shell.TestWindow;
import dev.capiconsole.ui.shell.ShellViewModel;
import dev.capiconsole.ui.shell.View;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Install providers from the window into a fresh lab API server (apiserver-only: no kubelets, so nothing is waited
 * for), offline from the component files of the lab build. cert-manager's API is there beforehand (a stand-in with
 * only its CRDs), as on a cluster that has it.
 */
@ExtendWith(ApplicationExtension.class)
class InstallGuiTest {

    @TempDir
    static Path folder;

    private LabFixture lab;
    private Stage stage;
    private ConsoleWindow window;

    /** A fresh API server for each test, with cert-manager's API (a stand-in with only its CRDs). */
    @BeforeEach
    void startApiServer(TestInfo test) throws Exception {
        lab = LabFixture.apiServerOnly(folder.resolve(test.getTestMethod().orElseThrow().getName()));
        KubernetesClient client = lab.client();
        try (InputStream in = InstallGuiTest.class.getResourceAsStream("/install/cert-manager-api-only.yaml")) {
            for (HasMetadata item : client.load(in).items()) {
                client.resource(item).create();
            }
        }
    }

    @AfterEach
    void stopApiServer() {
        if (lab != null) {
            lab.close();
        }
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
        window = TestWindow.open(stage, folder, "unused-lab");
    }

    @AfterEach
    void closeWindow() {
        window.close();
    }

    @Test
    void installsCoreKubeadmAndDockerAndListsThemWithTheirNewestRelease(FxRobot robot) {
        ShellViewModel shell = window.viewModel();
        robot.interact(() -> shell.loadAndConnect(lab.kubeconfig(), lab.client().getConfiguration()
                .getCurrentContext().getName()));
        Await.until(Duration.ofSeconds(60), "the window connected", () -> shell.connectedProperty().get() != null);
        robot.interact(() -> shell.show(View.INSTALL));
        InstallViewModel model = shell.install();
        assertThat(robot.lookup("#install-target").queryAs(Label.class).getText()).startsWith("Management cluster: ");
        robot.interact(() -> {
            model.offlineProperty().set(true);
            model.waitProvidersProperty().set(false);
        });
        assertThat(model.variablesProperty().get()).contains("CLUSTER_TOPOLOGY=true");

        robot.clickOn("#install-run");
        Await.until(Duration.ofMinutes(5), "the install finished", () -> !model.runningProperty().get()
                && !model.resultProperty().get().isEmpty());

        assertThat(model.resultProperty().get()).startsWith("Done: ")
                .contains("infrastructure-docker installed v1.14.2");
        assertThat(model.steps()).extracting(InstallViewModel.StepRow::state).containsExactly(
                InitProgress.State.DONE, InitProgress.State.DONE, InitProgress.State.DONE, InitProgress.State.DONE,
                InitProgress.State.DONE, InitProgress.State.SKIPPED, InitProgress.State.SKIPPED);
        assertThat(model.steps().get(3).detail()).isEqualTo("already installed");
        Await.until(Duration.ofSeconds(60), "four providers listed with their newest release",
                () -> model.installed().size() == 4
                        && model.installed().stream().noneMatch(r -> r.available().equals("…")));
        assertThat(model.installed()).extracting(InstallViewModel.InstalledRow::name).containsExactly(
                "cluster-api", "bootstrap-kubeadm", "control-plane-kubeadm", "infrastructure-docker");
        assertThat(model.installed()).extracting(InstallViewModel.InstalledRow::available).containsOnly("v1.14.2");
        assertThat(lab.client().apps().deployments().inNamespace("capd-system").withName("capd-controller-manager")
                .get()).isNotNull();
        Await.until(Duration.ofSeconds(60), "the connection line saying Cluster API is installed",
                () -> robot.lookup("#connection-state").queryAs(Label.class).getText()
                        .contains("Cluster API installed"));
        Screenshots.save(Screenshots.render(stage.getScene()), "install-providers");
    }

    /**
     * The welcome card "Create a local management cluster" as one flow: kind (a stand-in, as in ShellGuiTest: this
     * machine has no Docker engine) "creates" a cluster whose kubeconfig is this test's API server, the window
     * connects to kind-NAME and goes on to install the providers into it.
     */
    @Test
    void theWelcomeCardRunsKindThenInstallsTheProviders(FxRobot robot) throws Exception {
        Path bin = java.nio.file.Files.createDirectories(folder.resolve("bin"));
        for (String tool : new String[] {"kind", "docker"}) {
            try (InputStream in = InstallGuiTest.class.getResourceAsStream("/kind-standin/" + tool)) {
                java.nio.file.Files.copy(in, bin.resolve(tool), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            java.nio.file.Files.setPosixFilePermissions(bin.resolve(tool),
                    java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        }
        java.nio.file.Files.copy(lab.kubeconfig(), bin.resolve("kubeconfig-of-created-clusters"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        ShellViewModel shell = window.viewModel();
        KindViewModel kind = shell.kind();
        robot.interact(() -> {
            kind.pathForToolsProperty().set(bin + ":" + System.getenv("PATH"));
            kind.kubeconfigProperty().set(folder.resolve("kube/config"));
            shell.install().offlineProperty().set(true);
            shell.install().waitProvidersProperty().set(false);
        });
        robot.clickOn("#create-kind");
        Await.until(Duration.ofSeconds(30), "kind and docker found", () -> kind.toolsReadyProperty().get());
        assertThat(kind.installAfterProperty().get()).isTrue();
        robot.clickOn("#kind-create");

        InstallViewModel install = shell.install();
        Await.until(Duration.ofMinutes(5), "the install done or failed",
                () -> install.resultProperty().get().startsWith("Done: ")
                        || install.resultProperty().get().startsWith("Failed: "));
        assertThat(shell.currentViewProperty().get()).isEqualTo(View.INSTALL);
        assertThat(shell.connectedProperty().get().name()).isEqualTo("kind-capi-management");
        assertThat(install.resultProperty().get()).startsWith("Done: ").contains("infrastructure-docker installed");
        assertThat(lab.client().genericKubernetesResources("clusterctl.cluster.x-k8s.io/v1alpha3", "Provider")
                .inAnyNamespace().list().getItems()).hasSize(4);
    }
}
