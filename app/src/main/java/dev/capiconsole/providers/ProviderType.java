package dev.capiconsole.providers;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** Provider types as clusterctl names them, in clusterctl's display order. */
public enum ProviderType {
    CORE("CoreProvider", "core"),
    BOOTSTRAP("BootstrapProvider", "bootstrap"),
    CONTROL_PLANE("ControlPlaneProvider", "control-plane"),
    INFRASTRUCTURE("InfrastructureProvider", "infrastructure"),
    IPAM("IPAMProvider", "ipam"),
    RUNTIME_EXTENSION("RuntimeExtensionProvider", "runtime-extension"),
    ADDON("AddonProvider", "addon");

    private final String clusterctlName;
    private final String prefix;

    ProviderType(String clusterctlName, String prefix) {
        this.clusterctlName = clusterctlName;
        this.prefix = prefix;
    }

    /** The name used in clusterctl's config file and inventory, e.g. {@code InfrastructureProvider}. */
    public String clusterctlName() {
        return clusterctlName;
    }

    /** The prefix of inventory object names and of override folders, e.g. {@code infrastructure}. */
    public String prefix() {
        return prefix;
    }

    /** clusterctl's manifest label of a provider of this type: {@code <prefix>-<name>}, the core provider's bare. */
    public String manifestLabel(String name) {
        return this == CORE ? name : prefix + "-" + name;
    }

    public static Optional<ProviderType> fromClusterctlName(String name) {
        return Arrays.stream(values()).filter(t -> t.clusterctlName.equals(name)).findFirst();
    }

    public static String allowedNames() {
        return Arrays.stream(values()).map(ProviderType::clusterctlName).collect(Collectors.joining(", "));
    }
}
