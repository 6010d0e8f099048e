package dev.capiconsole.addons;

/**
 * A known add-on: a CNI whose plain manifest the console can put in a ClusterResourceSet.
 *
 * @param name what the CLI and the wizard call it ({@code calico}, {@code cilium}, {@code flannel}, {@code none})
 * @param version the pinned release
 * @param file the manifest's file name, also its data key in the ConfigMap (as {@code kubectl create configmap
 *     --from-file} names it)
 * @param releaseUrl where the project publishes the file for {@code version}; {@code null} when it publishes no
 *     plain manifest (then only an overrides folder or a named file serves it)
 * @param pool which default pod network the manifest carries, to be replaced by the Cluster's pod CIDR
 * @param note one line for {@code addons list} and the wizard
 */
public record Addon(String name, String version, String file, String releaseUrl, PodCidr.Pool pool, String note) {

    public static final String NONE = "none";

    /** The overrides folder's label of this add-on: {@code addon-<name>}. */
    public String overridesLabel() {
        return "addon-" + name;
    }

    public boolean isNone() {
        return NONE.equals(name);
    }
}
