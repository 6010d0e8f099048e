package dev.capiconsole.install;

import dev.capiconsole.providers.ProviderType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What {@code init} is asked to install. A {@code "-"} bootstrap or control-plane entry opts out of the kubeadm
 * default, as in clusterctl.
 *
 * @param core {@code null} for the default {@code cluster-api} on a first run
 * @param targetNamespace {@code null} for the namespace each provider's components declare
 * @param variables values set here win over the environment and the clusterctl config file
 * @param waitProviders wait until the manager Deployments are Available
 * @param metalLbVersion also install MetalLB at this version (for providers whose clusters need load balancers on a
 *     local management cluster, e.g. kubevirt's lb flavor); {@code null} for none
 */
public record InitRequest(String core, List<String> bootstrap, List<String> controlPlane, List<String> infrastructure,
        List<String> ipam, String targetNamespace, Map<String, String> variables, boolean waitProviders,
        Duration waitProviderTimeout, Duration certManagerTimeout, String metalLbVersion) {

    public static final String NO_PROVIDER = "-";

    public InitRequest {
        bootstrap = List.copyOf(bootstrap);
        controlPlane = List.copyOf(controlPlane);
        infrastructure = List.copyOf(infrastructure);
        ipam = List.copyOf(ipam);
        variables = Map.copyOf(variables);
    }

    /** The providers to install, with the kubeadm defaults on a first run (no core provider installed yet). */
    List<ProviderSpec> providers(boolean firstRun) {
        List<ProviderSpec> specs = new ArrayList<>();
        if (core != null && !core.isBlank()) {
            if (NO_PROVIDER.equals(core.trim())) {
                throw new InstallException("the '-' value can not be used for the core provider");
            }
            specs.add(ProviderSpec.parse(ProviderType.CORE, core));
        } else if (firstRun) {
            specs.add(ProviderSpec.parse(ProviderType.CORE, "cluster-api"));
        }
        add(specs, ProviderType.BOOTSTRAP, bootstrap.isEmpty() && firstRun ? List.of("kubeadm") : bootstrap);
        add(specs, ProviderType.CONTROL_PLANE, controlPlane.isEmpty() && firstRun ? List.of("kubeadm") : controlPlane);
        add(specs, ProviderType.INFRASTRUCTURE, infrastructure);
        add(specs, ProviderType.IPAM, ipam);
        return specs;
    }

    private static void add(List<ProviderSpec> specs, ProviderType type, List<String> names) {
        for (String name : names) {
            if (!NO_PROVIDER.equals(name.trim())) {
                specs.add(ProviderSpec.parse(type, name));
            }
        }
    }
}
