package dev.capiconsole.cli;

import dev.capiconsole.ui.shell.ConsoleLauncher;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code capi-console gui}: the desktop window, optionally starting the embedded lab at once. */
@Command(name = "gui", mixinStandardHelpOptions = true,
        description = "Open the desktop window (what running without arguments does).")
final class GuiCommand implements Callable<Integer> {

    @Option(names = "--start-lab", description = "Start the embedded lab (or connect to the running one) at once.")
    boolean startLab;

    @Option(names = "--lang", paramLabel = "en|zh-CN",
            description = "The window's language, remembered for later starts (default: the remembered one, else "
                    + "the system's). The commands stay in English.")
    String language;

    @Override
    public Integer call() {
        return ConsoleLauncher.launch(startLab, language);
    }
}
