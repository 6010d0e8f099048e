package dev.capiconsole.cli;

import dev.capiconsole.addons.Addon;
import dev.capiconsole.addons.AddonCatalog;
import dev.capiconsole.addons.AddonSources;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code capi-console addons list}: the known add-ons, their pinned versions, and where each would be read. */
@Command(name = "addons", mixinStandardHelpOptions = true,
        description = "Add-ons (CNIs) the console can install through ClusterResourceSets.",
        subcommands = AddonsCommand.ListAddons.class)
final class AddonsCommand {

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "List the known add-ons, their pinned versions and where each would be read from.")
    static final class ListAddons implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        ReleaseSourceOptions sources = new ReleaseSourceOptions();

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            AddonSources addonSources = ReleaseSourceOptions.addonSources(sources.setup(out));
            TextTable table = new TextTable(0, 2);
            table.row("NAME", "VERSION", "FILE", "READ FROM", "NOTE");
            for (Addon addon : AddonCatalog.all()) {
                table.row(addon.name(), addon.isNone() ? "-" : addon.version(), addon.isNone() ? "-" : addon.file(),
                        addonSources.where(addon), addon.note());
            }
            table.print(out);
            out.println("Overrides: put a manifest at " + addonSources.overridesFolder()
                    + "/addon-<name>/<version>/<file> to use it without network.");
            out.flush();
            return 0;
        }
    }
}
