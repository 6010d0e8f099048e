package dev.capiconsole.ui.shell;

import dev.capiconsole.BuildInfo;
import dev.capiconsole.lab.LabOptions;
import dev.capiconsole.settings.Settings;
import dev.capiconsole.ui.common.TaskExecutor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.stage.Stage;

/** The main window: one shell view, its view-model, and the background executor they share. */
public final class ConsoleWindow {

    private final ExecutorService background;
    private final ShellViewModel viewModel;

    private ConsoleWindow(ExecutorService background, ShellViewModel viewModel) {
        this.background = background;
        this.viewModel = viewModel;
    }

    public static ConsoleWindow open(Stage stage, Settings settings, LabOptions labOptions) {
        ExecutorService background = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "capi-console-background");
            thread.setDaemon(true);
            return thread;
        });
        ShellViewModel viewModel = new ShellViewModel(settings, background, TaskExecutor.fx(), BuildInfo.load(), labOptions);
        ShellView view = new ShellView(viewModel);
        Scene scene = new Scene(view.root(), 1440, 900);
        scene.getStylesheets().add(ConsoleWindow.class.getResource("console.css").toExternalForm());
        Shortcuts.install(scene, viewModel);
        stage.setTitle("capi-console");
        stage.getIcons().add(new Image(ConsoleWindow.class.getResourceAsStream("icon.png")));
        stage.setMinWidth(900);
        stage.setMinHeight(600);
        stage.setScene(scene);
        stage.show();
        StartupProbe.attach(stage, System.getenv(StartupProbe.VARIABLE));
        return new ConsoleWindow(background, viewModel);
    }

    public ShellViewModel viewModel() {
        return viewModel;
    }

    public void close() {
        viewModel.shutdown();
        background.shutdown();
    }
}
