package dev.capiconsole.cli;

import dev.capiconsole.addons.AddonSources;
import dev.capiconsole.clusterctl.ClusterctlEnvironment;
import dev.capiconsole.install.InitSetup;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Where provider release files come from: the clusterctl config file, overrides folders, the offline files. */
final class ReleaseSourceOptions {

    @Mixin
    ClusterctlConfigOption config = new ClusterctlConfigOption();

    @Option(names = "--overrides", paramLabel = "DIR", description = "An overrides folder "
            + "(<provider>/<version>/<file>) searched before clusterctl's own: a mirror of the release files.")
    List<Path> overrides = new ArrayList<>();

    @Option(names = "--offline", description = "Also use the files the lab build lays out: the components made "
            + "from the pinned Cluster API sources (core, kubeadm, docker) and Flannel's manifest (made on first use, "
            + "needs Go).")
    boolean offline;

    /** @param announce where to say that the offline files are used; {@code null} to say nothing */
    InitSetup setup(PrintWriter announce) {
        ClusterctlEnvironment environment = config.environment();
        Path offlineFolder = null;
        if (offline) {
            if (announce != null) {
                announce.println("Using the offline component files of the lab build (the first use builds them)");
                announce.flush();
            }
            offlineFolder = InitSetup.offlineComponents(line -> { });
        }
        return new InitSetup(environment, overrides, offlineFolder);
    }

    /** Add-on manifests from the same overrides folders (and the offline files) as the provider releases. */
    static AddonSources addonSources(InitSetup setup) {
        return new AddonSources(setup.environment().releases(setup.overridesFolders()), setup.overridesFolders());
    }
}
