package dev.capiconsole.install;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capiconsole.lab.LabFixture;
import dev.capiconsole.testing.Await;
import dev.capiconsole.ui.common.Screenshots;
import dev.capiconsole.ui.install.UpgradesViewModel;
import dev.capiconsole.ui.shell.ConsoleWindow;
import dev.capiconsole.ui.shell.ShellViewModel;
import dev.capiconsole.ui.shell.TestWindow;
import dev.capiconsole.ui.shell.View;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Upgrades tab of Install providers against a lab API server (apiserver-only) where clusterctl installed
 * {@value UpgradeIT#FROM}, as UpgradeIT sets it up (hence this package: it uses the clusterctl peer): the tab plans
 * {@value ClusterctlPeer#VERSION}, previews with a diff, and applies after the confirmation. The window reads the
 * peer's clusterctl config file from the home folder the test makes.
 */
@ExtendWith(ApplicationExtension.class)
class ProviderUpgradeGuiTest {

    private static final String TO = ClusterctlPeer.VERSION;
    private static final String CORE_MANAGER = "~ Deployment capi-system/capi-controller-manager";

    @TempDir
    static Path folder;

    private static LabFixture lab;
    private static String realHome;
    private Stage stage;
    private ConsoleWindow window;

    @BeforeAll
    static void labWithTheOlderRelease() throws Exception {
        Path work = Files.createDirectories(folder.resolve("work"));
        ClusterctlPeer peer = ClusterctlPeer.prepare(work);
        lab = LabFixture.apiServerOnly(work.resolve("lab"));
        UpgradeIT.installOlderRelease(peer, lab);
        Path home = folder.resolve("home");
        Files.createDirectories(home.resolve(".cluster-api"));
        Files.copy(peer.config(), home.resolve(".cluster-api/clusterctl.yaml"));
        realHome = System.getProperty("user.home");
        System.setProperty("user.home", home.toString());
    }

    @AfterAll
    static void stopLab() {
        if (realHome != null) {
            System.setProperty("user.home", realHome);
        }
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
    void plansPreviewsWithADiffAndAppliesAfterTheConfirmation(FxRobot robot) {
        ShellViewModel shell = window.viewModel();
        robot.interact(() -> shell.loadAndConnect(lab.kubeconfig(), lab.client().getConfiguration()
                .getCurrentContext().getName()));
        Await.until(Duration.ofSeconds(60), "the window connected", () -> shell.connectedProperty().get() != null);
        UpgradesViewModel model = shell.install().upgrades();
        robot.interact(() -> {
            stage.setWidth(1500);
            stage.setHeight(950);
            shell.show(View.INSTALL);
            TabPane tabs = robot.lookup("#install-tabs").queryAs(TabPane.class);
            tabs.getSelectionModel().select(tabs.getTabs().stream().filter(t -> "install-tab-upgrades"
                    .equals(t.getId())).findFirst().orElseThrow());
        });
        Await.until(Duration.ofMinutes(2), "the plan of four providers", () -> {
            WaitForAsyncUtils.waitForFxEvents();
            return !model.busyProperty().get() && model.rows().size() == 4;
        });
        assertThat(model.errorProperty().get()).isEmpty();
        assertThat(model.contractProperty().get()).isEqualTo("v1beta2");
        assertThat(model.rows()).allSatisfy(row -> {
            assertThat(row.provider().version()).isEqualTo(UpgradeIT.FROM);
            assertThat(row.target().get()).isEqualTo(TO);
        });
        assertThat(robot.lookup("#upgrades-cert-manager").queryAs(Label.class).getText())
                .isEqualTo("cert-manager: already up to date (" + ClusterctlPeer.CERT_MANAGER + ")");

        robot.clickOn("#upgrades-preview");
        Await.until(Duration.ofMinutes(3), "the preview", () -> {
            WaitForAsyncUtils.waitForFxEvents();
            return !model.busyProperty().get() && !model.entries().isEmpty();
        });
        assertThat(model.errorProperty().get()).isEmpty();
        assertThat(model.entries()).extracting(UpgradesViewModel.Entry::text)
                .anyMatch(text -> text.startsWith("cluster-api " + UpgradeIT.FROM + " \u2192 " + TO))
                .anyMatch(text -> text.startsWith("infrastructure-docker " + UpgradeIT.FROM + " \u2192 " + TO))
                .contains(CORE_MANAGER);
        robot.interact(() -> model.selectedProperty().set(model.entries().stream()
                .filter(e -> e.text().equals(CORE_MANAGER)).findFirst().orElseThrow()));
        assertThat(robot.lookup("#upgrades-diff").queryAs(TextArea.class).getText())
                .contains("-        image: registry.k8s.io/cluster-api/cluster-api-controller:" + UpgradeIT.FROM)
                .contains("+        image: registry.k8s.io/cluster-api/cluster-api-controller:" + TO);
        assertThat(robot.lookup("#upgrades-apply").queryAs(Button.class).isDisabled()).isFalse();
        Screenshots.save(Screenshots.render(stage.getScene()), "provider-upgrade-preview");

        robot.clickOn("#upgrades-apply");
        Button confirm = Await.value(Duration.ofSeconds(10), "the confirmation", () -> {
            WaitForAsyncUtils.waitForFxEvents();
            return robot.lookup("#upgrades-confirmation .button").queryAllAs(Button.class).stream()
                    .filter(b -> "Apply upgrade".equals(b.getText())).findFirst();
        });
        robot.clickOn(confirm);
        Await.until(Duration.ofMinutes(3), "the upgrade applied", () -> {
            WaitForAsyncUtils.waitForFxEvents();
            return !model.busyProperty().get() && !model.steps().isEmpty()
                    && (model.steps().get(model.steps().size() - 1).equals("Upgrade complete.")
                            || !model.errorProperty().get().isEmpty());
        });
        assertThat(model.errorProperty().get()).isEmpty();
        assertThat(model.steps()).contains("Performing upgrade...", "  upgraded cluster-api to " + TO,
                "  upgraded infrastructure-docker to " + TO);
        assertThat(new Inventory(lab.client()).list()).extracting(InstalledProvider::version).containsOnly(TO)
                .hasSize(4);
        Await.until(Duration.ofMinutes(2), "the plan read again, up to date", () -> {
            WaitForAsyncUtils.waitForFxEvents();
            return !model.busyProperty().get() && model.rows().size() == 4
                    && model.rows().stream().allMatch(row -> row.planned().isEmpty());
        });
        assertThat(model.statusProperty().get()).isEqualTo("Every provider is up to date.");
    }
}
