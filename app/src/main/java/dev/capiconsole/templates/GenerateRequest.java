package dev.capiconsole.templates;

import dev.capiconsole.addons.ClusterAddons;
import java.util.Map;

/**
 * What {@code generate cluster} needs: the cluster's name and namespace, the optional version and counts (null:
 * taken from the variables, counts defaulting to 1 and 0 as in clusterctl), the template source, and values typed
 * into the wizard's form, which win over the environment and the config file, and the add-ons to put in a
 * ClusterResourceSet beside the cluster (none by default, so the output stays clusterctl's).
 */
public record GenerateRequest(String clusterName, String targetNamespace, String kubernetesVersion,
        Long controlPlaneMachineCount, Long workerMachineCount, TemplateSource source, Map<String, String> formValues,
        ClusterAddons addons) {

    public GenerateRequest {
        formValues = Map.copyOf(formValues);
        addons = addons == null ? ClusterAddons.NONE : addons;
    }

    public GenerateRequest(String clusterName, String targetNamespace, String kubernetesVersion,
            Long controlPlaneMachineCount, Long workerMachineCount, TemplateSource source,
            Map<String, String> formValues) {
        this(clusterName, targetNamespace, kubernetesVersion, controlPlaneMachineCount, workerMachineCount, source,
                formValues, ClusterAddons.NONE);
    }

    public GenerateRequest withAddons(ClusterAddons chosen) {
        return new GenerateRequest(clusterName, targetNamespace, kubernetesVersion, controlPlaneMachineCount,
                workerMachineCount, source, formValues, chosen);
    }
}
