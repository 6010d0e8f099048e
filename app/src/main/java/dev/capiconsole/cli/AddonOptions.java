package dev.capiconsole.cli;

import dev.capiconsole.addons.AddonCatalog;
import dev.capiconsole.addons.AddonSources;
import dev.capiconsole.addons.ClusterAddons;
import dev.capiconsole.addons.Manifest;
import dev.capiconsole.addons.Strategy;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * {@code generate cluster}'s add-ons: a CNI and other manifests put in a ClusterResourceSet beside the cluster.
 * Without them the output is clusterctl's, byte for byte: the CLI applies no CNI by default (the wizard does).
 */
final class AddonOptions {

    @Option(names = "--cni", paramLabel = "NAME", description = "A CNI to install through a ClusterResourceSet: "
            + "calico, cilium, flannel or none (default: none; see 'capi-console addons list').")
    String cni;

    @Option(names = "--addon", paramLabel = "FILE|URL", description = "Another manifest for the ClusterResourceSet "
            + "(repeatable).")
    List<String> others = new ArrayList<>();

    @Option(names = "--addon-secrets", description = "Put the manifests in Secrets, not ConfigMaps (they hold "
            + "secrets).")
    boolean secrets;

    @Option(names = "--addon-strategy", paramLabel = "STRATEGY", defaultValue = "ApplyOnce",
            description = "ApplyOnce (default) or Reconcile.")
    String strategy;

    boolean wanted() {
        return (cni != null && !AddonCatalog.named(cni).isNone()) || !others.isEmpty();
    }

    /** Reads and checks every manifest; nothing is generated when one is refused. */
    ClusterAddons read(AddonSources sources) {
        List<Manifest> manifests = new ArrayList<>();
        if (cni != null && !AddonCatalog.named(cni).isNone()) {
            manifests.add(sources.read(AddonCatalog.named(cni)));
        }
        others.forEach(location -> manifests.add(sources.readLocation(location)));
        return new ClusterAddons(manifests, secrets, Strategy.parse(strategy));
    }
}
