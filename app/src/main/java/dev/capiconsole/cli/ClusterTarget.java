package dev.capiconsole.cli;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The management cluster and a Cluster's namespace there ({@code -n}), for commands on one Cluster. */
final class ClusterTarget {

    @Mixin
    ManagementTarget management = new ManagementTarget();

    @Option(names = {"-n", "--namespace"}, description = "The Cluster's namespace (default: the context's).")
    String namespace;

    ManagementTarget.Connection open() {
        return management.open(namespace);
    }
}
