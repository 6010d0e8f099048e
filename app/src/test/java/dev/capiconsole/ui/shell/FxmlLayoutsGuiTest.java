package dev.capiconsole.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capiconsole.lab.LabOptions;
import dev.capiconsole.settings.Settings;
import dev.capiconsole.ui.install.InstallView;
import dev.capiconsole.ui.kind.KindView;
import dev.capiconsole.ui.lab.LabView;
import dev.capiconsole.ui.providers.ProvidersView;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;
import javafx.scene.Node;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Every FXML layout of the window loads with its controller, bound to a real view-model, so a broken one fails. */
@ExtendWith(ApplicationExtension.class)
class FxmlLayoutsGuiTest {

    private static final Path LAYOUTS = Path.of("src/main/resources/dev/capiconsole/ui");

    /** Each layout, by its path under {@link #LAYOUTS}, and how the window builds the view that loads it. */
    private static final Map<String, Function<ShellViewModel, Node>> VIEWS = Map.of(
            "lab/LabView.fxml", shell -> new LabView(shell.lab()).root(),
            "kind/KindView.fxml", shell -> new KindView(shell.kind()).root(),
            "install/InstallView.fxml", shell -> new InstallView(shell.install()).root(),
            "providers/ProvidersView.fxml", shell -> new ProvidersView(shell.providers(), "v1.14.2").root());

    @TempDir
    static Path folder;

    private ConsoleWindow window;

    @Start
    void start(Stage stage) {
        window = ConsoleWindow.open(stage, Settings.load(folder.resolve("config")),
                LabOptions.defaults().withDataDir(folder.resolve("lab")));
    }

    @AfterEach
    void closeWindow() {
        window.close();
    }

    @Test
    void everyLayoutHasItsView() throws IOException {
        assertThat(layouts()).containsExactlyInAnyOrderElementsOf(VIEWS.keySet());
    }

    @Test
    void everyLayoutLoadsWithItsController() throws Exception {
        for (Map.Entry<String, Function<ShellViewModel, Node>> view : VIEWS.entrySet()) {
            Node root = WaitForAsyncUtils.asyncFx(() -> view.getValue().apply(window.viewModel()))
                    .get(30, TimeUnit.SECONDS);
            assertThat(root).as(view.getKey()).isNotNull();
        }
    }

    private static List<String> layouts() throws IOException {
        try (Stream<Path> files = Files.walk(LAYOUTS)) {
            return files.filter(file -> file.toString().endsWith(".fxml"))
                    .map(file -> LAYOUTS.relativize(file).toString().replace('\\', '/'))
                    .toList();
        }
    }
}
