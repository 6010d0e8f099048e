package dev.capiconsole.addons;

import java.util.List;
import java.util.Optional;

/**
 * The add-ons the console knows, each pinned to one release. Calico and Flannel attach their plain manifest to
 * their GitHub releases. Cilium has published no plain manifest since v1.10 (only a Helm chart and its CLI), so
 * it is read from an overrides folder only: render it once with {@code helm template} and put it there.
 */
public final class AddonCatalog {

    private static final List<Addon> BUILT_IN = List.of(
            new Addon("calico", "v3.31.0", "calico.yaml",
                    "https://github.com/projectcalico/calico/releases/v3.31.0/calico.yaml", PodCidr.Pool.CALICO,
                    "Calico, plain manifest of the release (the Cluster API quick start's CNI)"),
            new Addon("cilium", "v1.20.2", "cilium.yaml", null, PodCidr.Pool.NONE,
                    "Cilium, from an overrides folder only: helm template cilium cilium/cilium --version 1.20.2 "
                            + "--namespace kube-system > cilium.yaml"),
            new Addon("flannel", "v0.28.10", "kube-flannel.yml",
                    "https://github.com/flannel-io/flannel/releases/v0.28.10/kube-flannel.yml", PodCidr.Pool.FLANNEL,
                    "Flannel, plain manifest of the release (the lab build lays it out for offline use)"),
            new Addon(Addon.NONE, "", "", null, PodCidr.Pool.NONE, "no CNI: install one yourself"));

    private AddonCatalog() {
    }

    public static List<Addon> all() {
        return BUILT_IN;
    }

    public static Optional<Addon> find(String name) {
        return BUILT_IN.stream().filter(a -> a.name().equalsIgnoreCase(name.trim())).findFirst();
    }

    /** The add-on of that name, or an error listing the known names. */
    public static Addon named(String name) {
        return find(name).orElseThrow(() -> new AddonException("unknown add-on '" + name + "': known are "
                + String.join(", ", BUILT_IN.stream().map(Addon::name).toList())));
    }
}
