package dev.capiconsole.templates;

import java.util.Map;

/**
 * What {@code generate cluster} needs: the cluster's name and namespace, the optional version and counts (null:
 * taken from the variables, counts defaulting to 1 and 0 as in clusterctl), the template source, and values typed
 * into the wizard's form, which win over the environment and the config file.
 */
public record GenerateRequest(String clusterName, String targetNamespace, String kubernetesVersion,
        Long controlPlaneMachineCount, Long workerMachineCount, TemplateSource source, Map<String, String> formValues) {

    public GenerateRequest {
        formValues = Map.copyOf(formValues);
    }
}
