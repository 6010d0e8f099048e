package dev.capiconsole.cli;

import dev.capiconsole.BuildInfo;
import dev.capiconsole.connection.ServerErrors;
import java.io.PrintWriter;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The headless CLI: the same operations as the desktop window, for scripts and terminals. */
@Command(
        name = "capi-console",
        mixinStandardHelpOptions = true,
        versionProvider = CapiConsoleCommand.Version.class,
        description = {
            "A console for Kubernetes Cluster API management clusters.",
            "Run without arguments to open the desktop window; with a command to work headless."
        },
        subcommands = {GuiCommand.class, DescribeCommand.class, GenerateCommand.class, GetCommand.class, ConfigCommand.class,
            LabCommand.class, OperationCommands.Scale.class, UpgradeCommand.class,
            OperationCommands.Rollout.class, OperationCommands.Pause.class, OperationCommands.Resume.class,
            OperationCommands.Delete.class, KindCommand.class, InitCommand.class, AddonsCommand.class,
            ResourceSetCommands.class, RemediateCommand.class, ImagesCommand.class})
public final class CapiConsoleCommand {

    /** Runs the CLI with the process's own streams; returns the exit code. */
    public static int run(String... args) {
        return commandLine(new PrintWriter(System.out, true), new PrintWriter(System.err, true)).execute(args);
    }

    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine commandLine = new CommandLine(new CapiConsoleCommand());
        commandLine.getSubcommands().get("delete").addSubcommand(new DeleteProvidersCommand());
        // After every sub-command is added: picocli gives a converter only to the commands it already has.
        commandLine.registerConverter(Path.class, CapiConsoleCommand::path);
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExecutionExceptionHandler((exception, cmd, parseResult) -> {
            cmd.getErr().println("Error: " + explain(exception));
            return 1;
        });
        return commandLine;
    }

    /** picocli's own conversion would name Java's exception classes in its message. */
    private static Path path(String text) {
        try {
            return Path.of(text);
        } catch (InvalidPathException e) {
            throw new CommandLine.TypeConversionException("'" + text + "' is not a file path: " + e.getReason());
        }
    }

    /** The message an operator can act on: fabric8's generic ones are replaced by their cause or a reason. */
    static String explain(Exception exception) {
        if (ServerErrors.unknownKind(exception)) {
            return "the server does not serve this kind: is Cluster API installed on this management cluster? "
                    + "(" + exception.getMessage() + ")";
        }
        return ServerErrors.specificMessage(exception);
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            BuildInfo info = BuildInfo.load();
            return new String[] {
                "capi-console " + info.version(),
                "Cluster API reference: " + info.capiReference() + " (clusterctl " + info.capiReference() + ")",
                "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + "), JavaFX "
                        + info.javafxVersion()
            };
        }
    }
}
