package dev.capiconsole.cli;

import dev.capiconsole.clusterctl.ClusterctlEnvironment;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --config}: the clusterctl config file, with its variables, providers and overrides folder. */
final class ClusterctlConfigOption {

    @Option(names = "--config", paramLabel = "FILE", description = "The clusterctl config file (default: "
            + "$XDG_CONFIG_HOME/cluster-api/clusterctl.yaml, else ~/.cluster-api/clusterctl.yaml).")
    Path config;

    /** This process's environment with the config file named, or the one at its default place. */
    ClusterctlEnvironment environment() {
        return ClusterctlEnvironment.load(System.getenv(), Path.of(System.getProperty("user.home")), config);
    }
}
