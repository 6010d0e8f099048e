package dev.capiconsole.cli;

import dev.capiconsole.BuildInfo;
import dev.capiconsole.connection.ServerErrors;
import java.io.PrintWriter;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
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
        })
public final class CapiConsoleCommand {

    /** The sub-commands, in the order the help lists them. */
    private static final List<Class<?>> SUBCOMMANDS = List.of(GuiCommand.class, DescribeCommand.class,
            GenerateCommand.class, GetCommand.class, ConfigCommand.class, LabCommand.class,
            OperationCommands.Scale.class, UpgradeCommand.class, OperationCommands.Rollout.class,
            OperationCommands.Pause.class, OperationCommands.Resume.class, OperationCommands.Delete.class,
            KindCommand.class, InitCommand.class, AddonsCommand.class, ResourceSetCommands.class,
            RemediateCommand.class, ImagesCommand.class);

    /** Runs the CLI with the process's own streams; returns the exit code. */
    public static int run(String... args) {
        return commandLine(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args).execute(args);
    }

    /** The whole command tree. */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        return build(out, err, SUBCOMMANDS);
    }

    /**
     * The tree {@code args} need: when they start with a sub-command's name, only that sub-command. picocli reads
     * every command's annotations when it builds a tree, a good part of a short command's time; the top-level help,
     * an unknown command and its suggestions still get the whole tree.
     */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err, String... args) {
        if (args.length > 0) {
            for (Class<?> subcommand : SUBCOMMANDS) {
                if (subcommand.getAnnotation(Command.class).name().equals(args[0])) {
                    return build(out, err, List.of(subcommand));
                }
            }
        }
        return commandLine(out, err);
    }

    private static CommandLine build(PrintWriter out, PrintWriter err, List<Class<?>> subcommands) {
        CommandLine commandLine = new CommandLine(new CapiConsoleCommand());
        for (Class<?> subcommand : subcommands) {
            commandLine.addSubcommand(subcommand);
        }
        CommandLine delete = commandLine.getSubcommands().get("delete");
        if (delete != null) {
            delete.addSubcommand(new DeleteProvidersCommand());
        }
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
