package dev.capiconsole.install;

import io.fabric8.kubernetes.api.model.APIGroup;
import io.fabric8.kubernetes.api.model.APIResource;
import io.fabric8.kubernetes.api.model.APIResourceList;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.FilterWatchListDeletable;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

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

    /** The objects of each provider (by manifest label) in its namespace and cluster-wide, in one pass. */
    Map<String, List<GenericKubernetesResource>> ofProviders(Map<String, String> namespaceByLabel) {
        Map<String, List<GenericKubernetesResource>> byProvider = new LinkedHashMap<>();
        namespaceByLabel.keySet().forEach(label -> byProvider.put(label, new ArrayList<>()));
        if (namespaceByLabel.isEmpty()) {
            return byProvider;
        }
        for (GenericKubernetesResource object : list(false, kind -> kind.withLabel(ProviderComponents.CLUSTERCTL_LABEL,
                "").withLabelIn(ProviderComponents.PROVIDER_LABEL, namespaceByLabel.keySet().toArray(String[]::new)))) {
            String label = object.getMetadata().getLabels().get(ProviderComponents.PROVIDER_LABEL);
            if (clusterScoped(object) || namespaceByLabel.get(label).equals(object.getMetadata().getNamespace())) {
                byProvider.get(label).add(object);
            }
        }
        return byProvider;
    }

    /** cert-manager's objects as clusterctl installed them: no custom kind at all. */
    List<GenericKubernetesResource> ofCertManager() {
        Set<String> namespaces = Set.of("cert-manager", "kube-system");
        return list(true, kind -> kind.withLabel(ProviderComponents.CORE_LABEL, "cert-manager")).stream()
                .filter(o -> clusterScoped(o) || namespaces.contains(o.getMetadata().getNamespace())).toList();
    }

    static boolean clusterScoped(GenericKubernetesResource object) {
        return object.getMetadata().getNamespace() == null || object.getMetadata().getNamespace().isEmpty();
    }

    private List<GenericKubernetesResource> list(boolean everyCustomKind,
            UnaryOperator<FilterWatchListDeletable<GenericKubernetesResource, GenericKubernetesResourceList,
                    Resource<GenericKubernetesResource>>> selector) {
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
                found.addAll(selector.apply(resource.getNamespaced()
                        ? client.genericKubernetesResources(context).inAnyNamespace()
                        : client.genericKubernetesResources(context)).list().getItems());
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
