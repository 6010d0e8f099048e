package dev.capiconsole;

import dev.capiconsole.cli.CapiConsoleCommand;
import dev.capiconsole.connection.InMemoryKeyStores;
import dev.capiconsole.settings.LogFolder;
import dev.capiconsole.ui.shell.ConsoleLauncher;

/**
 * The one executable: no arguments opens the desktop window, anything else runs the headless CLI.
 * The CLI path never touches JavaFX, so it works without a display.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        boolean window = args.length == 0 || args[0].equals("gui");
        LogFolder.prepare(window ? "console" : "cli");
        InMemoryKeyStores.skipKeyStretching();
        if (args.length == 0) {
            System.exit(ConsoleLauncher.launch());
        }
        System.exit(CapiConsoleCommand.run(args));
    }
}
