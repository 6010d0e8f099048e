package dev.capiconsole.install;

import io.fabric8.kubernetes.api.model.APIGroup;
import io.fabric8.kubernetes.api.model.APIResource;
import io.fabric8.kubernetes.api.model.APIResourceList;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every object carrying some labels, of every kind the API server serves at its preferred version that can be
 * listed and deleted, in the given namespaces and cluster-wide: how clusterctl finds a provider's or cert-manager's
 * installed objects. Objects of the custom kinds whose CRDs are excluded (a provider's CRDs, or every CRD) are not
 * listed: they belong to the people using the management cluster.
 */
final class LabelledObjects {

    private final KubernetesClient client;

    LabelledObjects(KubernetesClient client) {
        this.client = client;
    }

    /** A provider's objects: every custom kind of a CRD with a provider label is left out. */
    List<GenericKubernetesResource> ofProvider(String manifestLabel, String namespace) {
        return list(Map.of(ProviderComponents.CLUSTERCTL_LABEL, "", ProviderComponents.PROVIDER_LABEL, manifestLabel),
                List.of(namespace), false);
    }

    /** cert-manager's objects as clusterctl installed them: no custom kind at all. */
    List<GenericKubernetesResource> ofCertManager() {
        return list(Map.of(ProviderComponents.CORE_LABEL, "cert-manager"), List.of("cert-manager", "kube-system"),
                true);
    }

    private List<GenericKubernetesResource> list(Map<String, String> labels, List<String> namespaces,
            boolean everyCustomKind) {
        Set<String> excluded = new HashSet<>();
        for (CustomResourceDefinition crd : client.apiextensions().v1().customResourceDefinitions().list()
                .getItems()) {
            Map<String, String> crdLabels = crd.getMetadata().getLabels();
            if (everyCustomKind || crdLabels != null && crdLabels.containsKey(ProviderComponents.PROVIDER_LABEL)) {
                excluded.add(crd.getSpec().getGroup() + "/" + crd.getSpec().getNames().getKind());
            }
        }
        List<GenericKubernetesResource> found = new ArrayList<>();
        for (String groupVersion : preferredGroupVersions()) {
            APIResourceList resources = client.getApiResources(groupVersion);
            if (resources == null) {
                continue;
            }
            String group = groupVersion.contains("/") ? groupVersion.substring(0, groupVersion.indexOf('/')) : "";
            String version = groupVersion.substring(groupVersion.indexOf('/') + 1);
            for (APIResource resource : resources.getResources()) {
                if (resource.getName().contains("/") || !resource.getVerbs().containsAll(List.of("list", "delete"))
                        || excluded.contains(group + "/" + resource.getKind())) {
                    continue;
                }
                ResourceDefinitionContext context = new ResourceDefinitionContext.Builder().withGroup(group)
                        .withVersion(version).withKind(resource.getKind()).withPlural(resource.getName())
                        .withNamespaced(resource.getNamespaced()).build();
                if (resource.getNamespaced()) {
                    for (String namespace : namespaces) {
                        found.addAll(client.genericKubernetesResources(context).inNamespace(namespace)
                                .withLabels(labels).list().getItems());
                    }
                } else {
                    found.addAll(client.genericKubernetesResources(context).withLabels(labels).list().getItems());
                }
            }
        }
        return found;
    }

    private List<String> preferredGroupVersions() {
        List<String> groupVersions = new ArrayList<>(List.of("v1"));
        for (APIGroup group : client.getApiGroups().getGroups()) {
            groupVersions.add(group.getPreferredVersion().getGroupVersion());
        }
        return groupVersions;
    }
}
