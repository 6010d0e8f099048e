package dev.capiconsole.cli;

import picocli.CommandLine.Command;

@Command(
        name = "config",
        mixinStandardHelpOptions = true,
        description = "Show the console's view of clusterctl configuration.",
        subcommands = {ConfigRepositoriesCommand.class})
final class ConfigCommand {
}
