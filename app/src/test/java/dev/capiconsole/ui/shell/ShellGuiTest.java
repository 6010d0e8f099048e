package dev.capiconsole.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capiconsole.lab.LabOptions;
import dev.capiconsole.settings.Settings;
import dev.capiconsole.testing.Await;
import dev.capiconsole.ui.common.Screenshots;
import dev.capiconsole.ui.kind.KindViewModel;
import dev.capiconsole.ui.shell.ConsoleWindow;
import dev.capiconsole.ui.shell.ShellViewModel;
import dev.capiconsole.ui.shell.Theme;
import dev.capiconsole.ui.shell.View;
import java.nio.file.Path;
import java.time.Duration;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.image.Image;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The real window under Xvfb: welcome page, honest placeholders, theme switch, shortcuts, screenshots. */
@ExtendWith(ApplicationExtension.class)
class ShellGuiTest {

    @TempDir
    static Path configFolder;

    private Stage stage;
    private ConsoleWindow window;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        this.window = ConsoleWindow.open(stage, Settings.load(configFolder),
                LabOptions.defaults().withDataDir(configFolder.resolve("lab")));
        window.viewModel().themeProperty().set(Theme.LIGHT);
    }

    @AfterEach
    void closeWindow() {
        window.close();
    }

    @Test
    void welcomeOffersTheThreeWaysToStart(FxRobot robot) {
        assertThat(robot.lookup("#open-kubeconfig").queryAs(Button.class).isVisible()).isTrue();
        assertThat(robot.lookup("#create-kind").queryAs(Button.class).isVisible()).isTrue();
        assertThat(robot.lookup("#start-lab").queryAs(Button.class).isVisible()).isTrue();
        assertThat(text(robot, "#connection-state")).startsWith("Not connected");
        assertThat(robot.lookup("#notice").query().isVisible()).isFalse();

        Path shot = Screenshots.save(Screenshots.render(stage.getScene()), "welcome-light");
        assertThat(shot).isNotEmptyFile();
    }

    /**
     * Create a local kind cluster, up to the process boundary: stand-in docker and kind executables (this machine
     * has no Docker engine; see KindStandInIT) replay kind's output; the steps show live and the new context is
     * loaded and tried. A taken name fails in kind's words.
     */
    @Test
    void createALocalKindClusterWithStandInTools(FxRobot robot) throws Exception {
        Path bin = java.nio.file.Files.createDirectories(configFolder.resolve("bin"));
        for (String tool : new String[] {"kind", "docker"}) {
            try (java.io.InputStream in = ShellGuiTest.class.getResourceAsStream("/kind-standin/" + tool)) {
                java.nio.file.Files.copy(in, bin.resolve(tool));
            }
            java.nio.file.Files.setPosixFilePermissions(bin.resolve(tool),
                    java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        Path kubeconfig = configFolder.resolve("kube/config");
        KindViewModel kind = window.viewModel().kind();
        robot.interact(() -> {
            kind.pathForToolsProperty().set(bin + ":" + System.getenv("PATH"));
            kind.kubeconfigProperty().set(kubeconfig);
        });
        robot.clickOn("#create-kind");
        assertThat(window.viewModel().currentViewProperty().get()).isEqualTo(View.KIND);
        Await.until(Duration.ofSeconds(10), "kind and docker found", () -> kind.toolsReadyProperty().get());
        assertThat(text(robot, "#kind-tools")).contains("kind v0.33.0").contains("Docker engine 28.3.3");
        robot.interact(() -> kind.kubernetesVersionProperty().set("v1.33.1"));
        assertThat(robot.lookup("#kind-config").queryAs(javafx.scene.control.TextArea.class).getText())
                .contains("image: kindest/node:v1.33.1").contains("hostPath: /var/run/docker.sock");
        robot.clickOn("#kind-create");
        Await.until(Duration.ofSeconds(10), "kind's cluster ready",
                () -> text(robot, "#kind-result").startsWith("Kind cluster capi-management is ready"));
        assertThat(kind.steps()).allMatch(s -> s.state() == KindViewModel.Step.State.DONE)
                .extracting(KindViewModel.Step::text).anyMatch(t -> t.startsWith("Installing CNI"));
        Await.until(Duration.ofSeconds(10), "context kind-capi-management loaded", () -> window.viewModel().contexts()
                .stream().anyMatch(c -> c.name().equals("kind-capi-management")));
        Screenshots.save(Screenshots.render(stage.getScene()), "kind-created");
        // The window then tries the new context; its failure notice moves the page down: click after it settled.
        Await.until(Duration.ofSeconds(30), "the attempt to connect to kind-capi-management over",
                () -> window.viewModel().connectingProperty().get() == null);
        WaitForAsyncUtils.waitForFxEvents();

        robot.interact(() -> kind.nameProperty().set("taken"));
        robot.clickOn("#kind-create");
        Await.until(Duration.ofSeconds(10), "the second create failed",
                () -> text(robot, "#kind-result").startsWith("Creating taken failed"));
        assertThat(text(robot, "#kind-result")).contains("node(s) already exist for a cluster with the name");
        assertThat(kind.steps()).anyMatch(s -> s.state() == KindViewModel.Step.State.DONE);
    }

    @Test
    void aContextThatCannotBeReachedIsListedAndItsFailureExplained(FxRobot robot) throws Exception {
        int closed;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        Path kubeconfig = java.nio.file.Files.writeString(configFolder.resolve("unreachable.yaml"), """
                current-context: far-away
                contexts:
                - name: far-away
                  context: {cluster: c, user: u}
                - name: other
                  context: {cluster: c, user: u}
                clusters:
                - name: c
                  cluster: {server: "https://127.0.0.1:%d", insecure-skip-tls-verify: true}
                users:
                - name: u
                  user: {token: t}
                """.formatted(closed));
        robot.interact(() -> window.viewModel().loadKubeconfigs(java.util.List.of(kubeconfig), true));
        Await.until(Duration.ofSeconds(60), "the 'Cannot connect' notice",
                () -> robot.lookup("#notice-title").queryAs(Label.class).getText().startsWith("Cannot connect"));
        assertThat(text(robot, "#notice-title")).isEqualTo("Cannot connect to far-away.");
        assertThat(text(robot, "#notice-detail")).contains("cannot reach https://127.0.0.1:" + closed);
        assertThat(robot.lookup("#contexts").queryAs(javafx.scene.control.ListView.class).getItems()).hasSize(2);
        assertThat(text(robot, "#connection-state")).startsWith("Not connected");
        Screenshots.save(Screenshots.render(stage.getScene()), "connect-failed");
    }

    @Test
    void theThemeSwitchTurnsTheWindowDarkAndIsRemembered(FxRobot robot) {
        double light = Screenshots.meanBrightness(Screenshots.render(stage.getScene()));

        robot.clickOn("#theme-toggle");
        WaitForAsyncUtils.waitForFxEvents();
        Image darkImage = Screenshots.render(stage.getScene());
        double dark = Screenshots.meanBrightness(darkImage);
        Screenshots.save(darkImage, "welcome-dark");

        assertThat(Application.getUserAgentStylesheet()).isEqualTo(Theme.DARK.stylesheet());
        assertThat(light).isGreaterThan(0.8);
        assertThat(dark).isLessThan(0.35);
        assertThat(awaitSavedTheme()).isEqualTo("DARK");

        robot.press(KeyCode.CONTROL, KeyCode.T).release(KeyCode.T, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(Application.getUserAgentStylesheet()).isEqualTo(Theme.LIGHT.stylesheet());
    }

    @Test
    void keyboardShortcutsSwitchViewsAndProvidersListsTheCatalog(FxRobot robot) {
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.viewModel().currentViewProperty().get()).isEqualTo(View.CLUSTERS);
        assertThat(robot.lookup("#clusters-view").tryQuery()).isPresent();
        assertThat(robot.lookup("#clusters-state").queryAs(Label.class).getText()).isEqualTo("Not connected.");

        robot.press(KeyCode.CONTROL, KeyCode.DIGIT4).release(KeyCode.DIGIT4, KeyCode.CONTROL);
        TableView<?> table = robot.lookup("#provider-table").queryAs(TableView.class);
        WaitForAsyncUtils.waitForFxEvents();
        Await.until(Duration.ofSeconds(10), "the provider catalog listed", () -> !table.getItems().isEmpty());
        assertThat(table.getItems().size()).isGreaterThan(40);
        Screenshots.save(Screenshots.render(stage.getScene()), "providers");

        robot.clickOn("#provider-filter").write("kubevirt");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(table.getItems()).hasSize(1);

        robot.press(KeyCode.CONTROL, KeyCode.DIGIT1).release(KeyCode.DIGIT1, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#start-lab").tryQuery()).isPresent();
    }

    private String awaitSavedTheme() {
        return Await.value(Duration.ofSeconds(10), "the dark theme saved",
                () -> Settings.load(configFolder).get(ShellViewModel.THEME_KEY).filter("DARK"::equals));
    }

    private static String text(FxRobot robot, String query) {
        Node node = robot.lookup(query).query();
        return ((Label) node).getText();
    }
}
