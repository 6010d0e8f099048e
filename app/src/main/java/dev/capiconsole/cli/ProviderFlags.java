package dev.capiconsole.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Providers named by type, as clusterctl's {@code init}, {@code init list-images} and {@code delete} take them. */
final class ProviderFlags {

    @Option(names = "--core", paramLabel = "NAME[:VERSION]", description = "The core provider, e.g. cluster-api.")
    String core;

    @Option(names = {"-b", "--bootstrap"}, split = ",", paramLabel = "NAME[:VERSION]",
            description = "Bootstrap providers, e.g. kubeadm.")
    List<String> bootstrap = new ArrayList<>();

    @Option(names = {"-c", "--control-plane"}, split = ",", paramLabel = "NAME[:VERSION]",
            description = "Control plane providers, e.g. kubeadm.")
    List<String> controlPlane = new ArrayList<>();

    @Option(names = {"-i", "--infrastructure"}, split = ",", paramLabel = "NAME[:VERSION]",
            description = "Infrastructure providers, e.g. docker or docker:v1.14.2.")
    List<String> infrastructure = new ArrayList<>();

    @Option(names = "--ipam", split = ",", paramLabel = "NAME[:VERSION]", description = "IPAM providers.")
    List<String> ipam = new ArrayList<>();

    boolean any() {
        return core != null || !bootstrap.isEmpty() || !controlPlane.isEmpty() || !infrastructure.isEmpty()
                || !ipam.isEmpty();
    }
}
