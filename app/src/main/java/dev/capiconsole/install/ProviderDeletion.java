package dev.capiconsole.install;

import dev.capiconsole.providers.ProviderType;
import io.fabric8.kubernetes.api.model.APIGroup;
import io.fabric8.kubernetes.api.model.APIResource;
import io.fabric8.kubernetes.api.model.APIResourceList;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersion;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.NonNamespaceOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * {@code clusterctl delete} in Java, planned before anything is deleted. Each provider's objects are the ones with
 * clusterctl's label and the provider's label, cluster-wide and in the provider's namespace (objects of the
 * providers' own CRDs are not components). As clusterctl does, its namespace is kept unless asked (then
 * everything in it goes with it), its CRDs are kept unless asked (then every object of their kinds goes with
 * them, so it refuses while any exists), cluster-wide objects other than CRDs and webhook configurations are kept
 * unless their name starts with {@code <namespace>-}, and the inventory object is deleted.
 */
public final class ProviderDeletion {

    private static final String CLUSTERS_CRD = "clusters.cluster.x-k8s.io";
    private static final Set<String> ALWAYS_DELETED_CLUSTER_KINDS = Set.of("CustomResourceDefinition", "Namespace",
            "ValidatingWebhookConfiguration", "MutatingWebhookConfiguration");

    /** What to delete; {@code all} excludes naming providers, as in clusterctl. */
    public record Request(boolean all, String core, List<String> bootstrap, List<String> controlPlane,
            List<String> infrastructure, List<String> ipam, boolean includeNamespace, boolean includeCrd) {

        public Request {
            bootstrap = List.copyOf(bootstrap);
            controlPlane = List.copyOf(controlPlane);
            infrastructure = List.copyOf(infrastructure);
            ipam = List.copyOf(ipam);
        }

        boolean namesProviders() {
            return (core != null && !core.isBlank()) || !bootstrap.isEmpty() || !controlPlane.isEmpty()
                    || !infrastructure.isEmpty() || !ipam.isEmpty();
        }

        List<ProviderSpec> named() {
            List<ProviderSpec> specs = new ArrayList<>();
            if (core != null && !core.isBlank()) {
                specs.add(ProviderSpec.parse(ProviderType.CORE, core));
            }
            bootstrap.forEach(n -> specs.add(ProviderSpec.parse(ProviderType.BOOTSTRAP, n)));
            controlPlane.forEach(n -> specs.add(ProviderSpec.parse(ProviderType.CONTROL_PLANE, n)));
            infrastructure.forEach(n -> specs.add(ProviderSpec.parse(ProviderType.INFRASTRUCTURE, n)));
            ipam.forEach(n -> specs.add(ProviderSpec.parse(ProviderType.IPAM, n)));
            return specs;
        }
    }

    /** One object by kind, namespace ({@code ""} when cluster-wide) and name. */
    public record ObjectRef(String apiVersion, String kind, String plural, String namespace, String name) {
        @Override
        public String toString() {
            return kind + " " + (namespace.isEmpty() ? "" : namespace + "/") + name;
        }
    }

    /**
     * One provider's part of the plan.
     *
     * @param deleted deleted one by one
     * @param withNamespace deleted with the namespace (objects of the namespace, labelled or not)
     * @param kept the provider's objects that stay, with why
     */
    public record ProviderPlan(InstalledProvider provider, List<ObjectRef> deleted, List<ObjectRef> withNamespace,
            Map<ObjectRef, String> kept) {
    }

    /** The whole deletion, with what a person must know before confirming. */
    public record Plan(Request request, List<ProviderPlan> providers, List<String> warnings) {
        public int objectCount() {
            return providers.stream().mapToInt(p -> p.deleted().size() + p.withNamespace().size()).sum();
        }
    }

    private final KubernetesClient client;

    public ProviderDeletion(KubernetesClient client) {
        this.client = client;
    }

    /** Checks the request as clusterctl does and lists what would go; nothing is changed but the inventory CRD. */
    public Plan plan(Request request) {
        if (request.all() && request.namesProviders()) {
            throw new InstallException("The --all flag can't be used in combination with --core, --bootstrap, "
                    + "--control-plane, --infrastructure, --ipam");
        }
        if (!request.all() && !request.namesProviders()) {
            throw new InstallException("At least one of --core, --bootstrap, --control-plane, --infrastructure, "
                    + "--ipam should be specified or the --all flag should be set");
        }
        checkContract();
        Inventory inventory = new Inventory(client);
        inventory.ensureDefinition(Duration.ofSeconds(60));
        List<InstalledProvider> installed = inventory.list();
        List<InstalledProvider> targets = request.all() ? installed : named(request, installed);
        if (request.includeCrd()) {
            List<String> refusals = new ArrayList<>();
            for (InstalledProvider provider : targets) {
                List<String> inUse = crdsWithObjects(provider);
                if (!inUse.isEmpty()) {
                    refusals.add("found existing objects for provider CRDs \"" + provider.name() + "\": ["
                            + String.join(", ", inUse) + "]");
                }
            }
            if (!refusals.isEmpty()) {
                throw new InstallException(String.join("; ", refusals) + ". Please delete these objects first "
                        + "before deleting with --include-crd");
            }
        }
        List<Kind> kinds = discoverKinds();
        List<ProviderPlan> plans = new ArrayList<>();
        for (InstalledProvider provider : targets) {
            plans.add(planOne(provider, kinds, request));
        }
        return new Plan(request, plans, warnings(request, targets, installed, plans));
    }

    /** Deletes what the plan lists (objects already gone are fine); {@code progress} gets a line per provider. */
    public void apply(Plan plan, Consumer<String> progress) {
        List<String> failures = new ArrayList<>();
        for (ProviderPlan provider : plan.providers()) {
            progress.accept("Deleting " + provider.provider().name() + " (" + provider.provider().namespace()
                    + "): " + provider.deleted().size() + " object(s)");
            for (ObjectRef object : provider.deleted()) {
                try {
                    resources(object).withName(object.name()).delete();
                } catch (RuntimeException e) {
                    failures.add("Error deleting " + object + ": " + e.getMessage());
                }
            }
        }
        if (!failures.isEmpty()) {
            throw new InstallException(String.join("; ", failures));
        }
    }

    private void checkContract() {
        CustomResourceDefinition clusters = client.apiextensions().v1().customResourceDefinitions()
                .withName(CLUSTERS_CRD).get();
        if (clusters == null) {
            throw new InstallException("failed to check Cluster API version: the CRD " + CLUSTERS_CRD + " is not "
                    + "installed (was the core provider deleted with its CRDs?)");
        }
        String storage = clusters.getSpec().getVersions().stream().filter(CustomResourceDefinitionVersion::getStorage)
                .map(CustomResourceDefinitionVersion::getName).findFirst().orElse("");
        if (!Init.CURRENT_CONTRACT.equals(storage)) {
            throw new InstallException("this version of capi-console could be used only with \""
                    + Init.CURRENT_CONTRACT + "\" management clusters, \"" + storage + "\" detected");
        }
    }

    private static List<InstalledProvider> named(Request request, List<InstalledProvider> installed) {
        List<InstalledProvider> targets = new ArrayList<>();
        for (ProviderSpec spec : request.named()) {
            InstalledProvider found = installed.stream().filter(p -> p.sameProviderAs(spec)).findFirst()
                    .orElseThrow(() -> new InstallException("failed to identify the namespace for the \""
                            + spec.name() + "\" provider (no " + spec.type().clusterctlName() + " named " + spec.name()
                            + " is installed)"));
            if (spec.version() != null && !spec.version().equals(found.version())) {
                throw new InstallException("failed to identify the provider \"" + spec.name() + "\" with version \""
                        + spec.version() + "\" (installed: " + found.version() + ")");
            }
            targets.add(found);
        }
        return targets;
    }

    private Map<String, String> labels(InstalledProvider provider) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(ProviderComponents.CLUSTERCTL_LABEL, "");
        labels.put(ProviderComponents.PROVIDER_LABEL, provider.name());
        return labels;
    }

    private List<String> crdsWithObjects(InstalledProvider provider) {
        List<String> inUse = new ArrayList<>();
        for (CustomResourceDefinition crd : client.apiextensions().v1().customResourceDefinitions()
                .withLabels(labels(provider)).list().getItems()) {
            String storage = crd.getSpec().getVersions().stream().filter(CustomResourceDefinitionVersion::getStorage)
                    .map(CustomResourceDefinitionVersion::getName).findFirst().orElseThrow(() -> new InstallException(
                            "the CRD " + crd.getMetadata().getName() + " has no storage version"));
            ResourceDefinitionContext context = context(crd.getSpec().getGroup() + "/" + storage,
                    crd.getSpec().getNames().getKind(), crd.getSpec().getNames().getPlural(),
                    "Namespaced".equals(crd.getSpec().getScope()));
            if (!client.genericKubernetesResources(context).inAnyNamespace().list().getItems().isEmpty()) {
                inUse.add(crd.getMetadata().getName());
            }
        }
        return inUse;
    }

    /** A listable and deletable kind at its group's preferred version. */
    private record Kind(String apiVersion, String kind, String plural, boolean namespaced) {
        ResourceDefinitionContext context() {
            return ProviderDeletion.context(apiVersion, kind, plural, namespaced);
        }
    }

    private static ResourceDefinitionContext context(String apiVersion, String kind, String plural,
            boolean namespaced) {
        int slash = apiVersion.indexOf('/');
        return new ResourceDefinitionContext.Builder().withGroup(slash < 0 ? "" : apiVersion.substring(0, slash))
                .withVersion(apiVersion.substring(slash + 1)).withKind(kind).withPlural(plural)
                .withNamespaced(namespaced).build();
    }

    /** Every kind to look through, without the kinds of CRDs that belong to providers (their objects are no components). */
    private List<Kind> discoverKinds() {
        Set<String> providerKinds = new HashSet<>();
        for (CustomResourceDefinition crd : client.apiextensions().v1().customResourceDefinitions().list()
                .getItems()) {
            Map<String, String> crdLabels = crd.getMetadata().getLabels();
            if (crdLabels != null && crdLabels.containsKey(ProviderComponents.PROVIDER_LABEL)) {
                providerKinds.add(crd.getSpec().getGroup() + "/" + crd.getSpec().getNames().getKind());
            }
        }
        List<String> groupVersions = new ArrayList<>(List.of("v1"));
        for (APIGroup group : client.getApiGroups().getGroups()) {
            groupVersions.add(group.getPreferredVersion().getGroupVersion());
        }
        List<Kind> kinds = new ArrayList<>();
        for (String groupVersion : groupVersions) {
            APIResourceList resources = client.getApiResources(groupVersion);
            if (resources == null) {
                continue;
            }
            String group = groupVersion.contains("/") ? groupVersion.substring(0, groupVersion.indexOf('/')) : "";
            for (APIResource resource : resources.getResources()) {
                if (resource.getName().contains("/") || !resource.getVerbs().containsAll(List.of("list", "delete"))
                        || providerKinds.contains(group + "/" + resource.getKind())) {
                    continue;
                }
                kinds.add(new Kind(groupVersion, resource.getKind(), resource.getName(),
                        Boolean.TRUE.equals(resource.getNamespaced())));
            }
        }
        return kinds;
    }

    private ProviderPlan planOne(InstalledProvider provider, List<Kind> kinds, Request request) {
        String namespace = provider.namespace();
        List<ObjectRef> deleted = new ArrayList<>();
        Map<ObjectRef, String> kept = new LinkedHashMap<>();
        boolean namespaceGoes = false;
        for (Kind kind : kinds) {
            List<GenericKubernetesResource> items = kind.namespaced()
                    ? client.genericKubernetesResources(kind.context()).inNamespace(namespace)
                            .withLabels(labels(provider)).list().getItems()
                    : client.genericKubernetesResources(kind.context()).withLabels(labels(provider)).list().getItems();
            for (GenericKubernetesResource item : items) {
                ObjectRef ref = new ObjectRef(kind.apiVersion(), kind.kind(), kind.plural(),
                        kind.namespaced() ? namespace : "", item.getMetadata().getName());
                String keptBecause = keptBecause(kind, ref, namespace, request);
                if (keptBecause == null) {
                    deleted.add(ref);
                    namespaceGoes |= "Namespace".equals(kind.kind());
                } else if (!keptBecause.isEmpty()) {
                    kept.put(ref, keptBecause);
                }
            }
        }
        List<ObjectRef> withNamespace = new ArrayList<>();
        if (namespaceGoes) {
            deleted.removeIf(ref -> ref.namespace().equals(namespace));
            for (Kind kind : kinds) {
                if (kind.namespaced()) {
                    for (GenericKubernetesResource item : client.genericKubernetesResources(kind.context())
                            .inNamespace(namespace).list().getItems()) {
                        withNamespace.add(new ObjectRef(kind.apiVersion(), kind.kind(), kind.plural(), namespace,
                                item.getMetadata().getName()));
                    }
                }
            }
        }
        return new ProviderPlan(provider, deleted, withNamespace, kept);
    }

    /** {@code null} when the object is deleted, {@code ""} when it is none of this provider's concern, else why it stays. */
    private static String keptBecause(Kind kind, ObjectRef ref, String namespace, Request request) {
        switch (kind.kind()) {
            case "CustomResourceDefinition":
                return request.includeCrd() ? null : "CRDs are kept without --include-crd (with every object of "
                        + "their kinds)";
            case "Namespace":
                if (!ref.name().equals(namespace)) {
                    return "";
                }
                return request.includeNamespace() ? null : "the namespace is kept without --include-namespace";
            default:
                if (!kind.namespaced() && !ALWAYS_DELETED_CLUSTER_KINDS.contains(kind.kind())
                        && !ref.name().startsWith(namespace + "-")) {
                    return "cluster-wide objects whose name does not start with \"" + namespace + "-\" are kept, "
                            + "as clusterctl keeps them";
                }
                return null;
        }
    }

    private List<String> warnings(Request request, List<InstalledProvider> targets, List<InstalledProvider> installed,
            List<ProviderPlan> plans) {
        List<String> warnings = new ArrayList<>();
        long crds = plans.stream().flatMap(p -> p.deleted().stream())
                .filter(o -> "CustomResourceDefinition".equals(o.kind())).count();
        if (crds > 0) {
            warnings.add(crds + " CRD(s) are removed: every object of their kinds is lost with them, workload "
                    + "clusters' Cluster API objects included (none exist now, or this would be refused).");
        } else {
            warnings.add("CRDs are kept: the objects of their kinds (workload clusters' Clusters, Machines, ...) stay "
                    + "in the API server, with no controller reconciling them.");
        }
        for (ProviderPlan plan : plans) {
            if (!plan.withNamespace().isEmpty()) {
                warnings.add("Namespace " + plan.provider().namespace() + " is deleted with all "
                        + plan.withNamespace().size() + " object(s) in it, labelled by the provider or not.");
            }
        }
        boolean coreGoes = targets.stream().anyMatch(p -> p.type() == ProviderType.CORE);
        List<String> remaining = installed.stream().filter(p -> !targets.contains(p)).map(InstalledProvider::name)
                .toList();
        if (coreGoes && !remaining.isEmpty()) {
            warnings.add("The core provider is deleted while " + String.join(", ", remaining) + " remain: they "
                    + "need Cluster API's controllers" + (request.includeCrd() ? " and CRDs; after this, delete "
                    + "refuses to run until Cluster API is installed again" : "") + ".");
        }
        int clusters = clusterCount();
        if (clusters > 0) {
            warnings.add(clusters + " workload Cluster(s) exist: what their providers created (machines, cloud "
                    + "resources) is orphaned once the providers are gone.");
        }
        return warnings;
    }

    private int clusterCount() {
        try {
            return client.genericKubernetesResources("cluster.x-k8s.io/" + Init.CURRENT_CONTRACT, "Cluster")
                    .inAnyNamespace().list().getItems().size();
        } catch (RuntimeException e) {
            return 0;
        }
    }

    private NonNamespaceOperation<GenericKubernetesResource, GenericKubernetesResourceList,
            Resource<GenericKubernetesResource>> resources(ObjectRef object) {
        ResourceDefinitionContext context = context(object.apiVersion(), object.kind(), object.plural(),
                !object.namespace().isEmpty());
        return object.namespace().isEmpty() ? client.genericKubernetesResources(context)
                : client.genericKubernetesResources(context).inNamespace(object.namespace());
    }
}
