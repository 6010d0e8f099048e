package dev.capiconsole.problems;

import dev.capiconsole.install.InstallException;
import dev.capiconsole.install.InstalledProvider;
import dev.capiconsole.install.Inventory;
import dev.capiconsole.topology.ApiObjectSource;
import dev.capiconsole.topology.CapiObject;
import dev.capiconsole.topology.ObjectRef;
import dev.capiconsole.topology.V1Beta1Core;
import io.fabric8.kubernetes.api.Pluralize;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersion;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Reads what the problem rules look at, with one list request per kind: the core kinds, the add-on kinds, the
 * Clusters' Secrets (by their cluster-name label), every kind a reference points at (its CRD tells the version and
 * the provider), the clusterctl inventory and the providers' Deployments. Call it off the FX thread.
 */
public final class ProblemReader {

    static final List<String> CORE_KINDS = List.of("Cluster", "ClusterClass", "MachineDeployment", "MachineSet",
            "Machine", "MachineHealthCheck");
    static final List<String> ADDON_KINDS = List.of("ClusterResourceSet", "ClusterResourceSetBinding");
    static final String PROVIDER_LABEL = "cluster.x-k8s.io/provider";

    private final KubernetesClient client;

    public ProblemReader(KubernetesClient client) {
        this.client = client;
    }

    /** Everything of {@code namespace} (every namespace when null), and the management cluster's providers. */
    public ManagementObjects read(String namespace, Instant now) {
        ManagementObjects objects = new ManagementObjects(now).readIn(namespace);
        String version = V1Beta1Core.servedVersion(client);
        for (String kind : CORE_KINDS) {
            list(objects, ManagementObjects.CORE + "/" + version, kind, namespace);
        }
        for (String kind : ADDON_KINDS) {
            list(objects, ManagementObjects.ADDONS + "/" + version, kind, namespace);
        }
        readReferencedKinds(objects, namespace);
        readSecrets(objects, namespace);
        readProviders(objects);
        return objects;
    }

    private void list(ManagementObjects objects, String apiVersion, String kind, String namespace) {
        try {
            var resources = client.genericKubernetesResources(apiVersion, kind);
            List<GenericKubernetesResource> items = namespace == null ? resources.inAnyNamespace().list().getItems()
                    : resources.inNamespace(namespace).list().getItems();
            items.forEach(item -> objects.add(ApiObjectSource.map(item)));
            objects.kindRead(ManagementObjects.group(apiVersion), kind);
        } catch (KubernetesClientException e) {
            objects.note("Cannot list " + kind + " (" + apiVersion + "): " + reason(e));
        }
    }

    /** Lists each kind a core object refers to, after the core kinds, so no new object misses its target. */
    private void readReferencedKinds(ManagementObjects objects, String namespace) {
        Set<String> kinds = new LinkedHashSet<>();
        for (String kind : ReferenceRules.REFERENCES.keySet()) {
            for (CapiObject object : objects.core(kind)) {
                for (ObjectRef ref : ReferenceRules.references(object).values()) {
                    if (!ref.apiGroup().equals(ManagementObjects.CORE)) {
                        kinds.add(ref.apiGroup() + "/" + ref.kind());
                    }
                }
            }
        }
        for (String groupKind : kinds) {
            String group = groupKind.substring(0, groupKind.indexOf('/'));
            String kind = groupKind.substring(groupKind.indexOf('/') + 1);
            Optional<CustomResourceDefinition> crd = attempt(objects, "CustomResourceDefinition of " + kind,
                    () -> Optional.ofNullable(client.apiextensions().v1().customResourceDefinitions()
                            .withName(Pluralize.toPlural(kind.toLowerCase(Locale.ROOT)) + "." + group).get()));
            if (crd == null) {
                continue;
            }
            if (crd.isEmpty()) {
                objects.kindNotServed(group, kind);
                continue;
            }
            var labels = crd.get().getMetadata().getLabels();
            if (labels != null && labels.get(PROVIDER_LABEL) != null) {
                objects.kindOfProvider(group, kind, labels.get(PROVIDER_LABEL));
            }
            String version = ApiObjectSource.newestContractVersion(labels).orElseGet(() -> crd.get().getSpec()
                    .getVersions().stream().filter(CustomResourceDefinitionVersion::getStorage).findFirst()
                    .map(CustomResourceDefinitionVersion::getName).orElse("v1beta2"));
            list(objects, group + "/" + version, kind, namespace);
        }
    }

    private void readSecrets(ManagementObjects objects, String namespace) {
        attempt(objects, "Secrets", () -> {
            var secrets = client.secrets();
            (namespace == null ? secrets.inAnyNamespace().withLabel(Facts.CLUSTER_NAME_LABEL)
                    : secrets.inNamespace(namespace).withLabel(Facts.CLUSTER_NAME_LABEL)).list().getItems()
                    .forEach(s -> objects.secret(s.getMetadata().getNamespace(), s.getMetadata().getName()));
            return objects.kindRead("", "Secret");
        });
    }

    private void readProviders(ManagementObjects objects) {
        List<InstalledProvider> providers = attempt(objects, "the clusterctl inventory",
                () -> new Inventory(client).list());
        if (providers == null || providers.isEmpty()) {
            return;
        }
        providers.forEach(objects::provider);
        attempt(objects, "the providers' Deployments", () -> {
            client.apps().deployments().inAnyNamespace().withLabel(PROVIDER_LABEL).list().getItems()
                    .forEach(d -> objects.deployment(deployment(d)));
            return objects.kindRead("apps", "Deployment");
        });
    }

    static ProviderDeployment deployment(Deployment deployment) {
        List<DeploymentCondition> conditions = deployment.getStatus() == null
                || deployment.getStatus().getConditions() == null ? List.of() : deployment.getStatus().getConditions();
        String available = conditions.stream().filter(c -> "Available".equals(c.getType()))
                .map(DeploymentCondition::getStatus).findFirst().orElse("");
        DeploymentCondition failing = conditions.stream().filter(c -> !"True".equals(c.getStatus())
                || "ReplicaFailure".equals(c.getType())).findFirst().orElse(null);
        String since = failing != null ? failing.getLastTransitionTime()
                : deployment.getMetadata().getCreationTimestamp();
        int wanted = deployment.getSpec() == null || deployment.getSpec().getReplicas() == null ? 1
                : deployment.getSpec().getReplicas();
        int ready = deployment.getStatus() == null || deployment.getStatus().getReadyReplicas() == null ? 0
                : deployment.getStatus().getReadyReplicas();
        return new ProviderDeployment(deployment.getMetadata().getNamespace(), deployment.getMetadata().getName(),
                deployment.getMetadata().getLabels().getOrDefault(PROVIDER_LABEL, ""), wanted, ready, available,
                failing == null ? "" : failing.getType() + "=" + failing.getStatus() + " " + failing.getReason()
                        + (failing.getMessage() == null ? "" : ": " + failing.getMessage()), Facts.time(since));
    }

    /** Runs one read; a refusal (or an inventory entry this console cannot read) becomes a note and null. */
    private static <T> T attempt(ManagementObjects objects, String what, Supplier<T> read) {
        try {
            return read.get();
        } catch (KubernetesClientException e) {
            objects.note("Cannot read " + what + ": " + reason(e));
            return null;
        } catch (InstallException e) {
            objects.note("Cannot read " + what + ": " + e.getMessage());
            return null;
        }
    }

    private static String reason(KubernetesClientException e) {
        return e.getCode() == 403 ? "forbidden" : e.getStatus() != null && e.getStatus().getMessage() != null
                ? e.getStatus().getMessage() : e.getMessage();
    }
}
