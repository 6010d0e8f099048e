package dev.capiconsole.install;

import dev.capiconsole.providers.ProviderType;
import dev.capiconsole.providers.Release;
import dev.capiconsole.templates.Semver;
import dev.capiconsole.templates.TemplateObjects;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.RollableScalableResource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * {@code clusterctl upgrade apply} in Java, in two halves: {@link #prepare} fetches the new releases, checks what
 * clusterctl checks and previews every provider's changes without writing anything; {@link #apply} then upgrades
 * cert-manager when it is due, scales every provider's managers to zero, and for each provider in clusterctl's order
 * deletes its old objects (not its CRDs, Namespace or inventory object), applies the new ones and rewrites its
 * inventory object. A provider's inventory object changes last, so an interrupted upgrade is completed by running it
 * again.
 */
public final class ProviderUpgrade {

    private static final Semver SKEW_CHECKED_FROM = new Semver(1, 10, 0, "", "");
    private static final Duration SCALE_DOWN_TIMEOUT = Duration.ofSeconds(60);
    private static final Set<String> WEBHOOK_KINDS = Set.of("ValidatingWebhookConfiguration",
            "MutatingWebhookConfiguration");

    /** What {@link #apply} reports. */
    public interface Progress {
        void line(String text);

        /** One provider's objects and inventory object are written. */
        default void providerUpgraded(UpgradePlan.Item item) {
        }
    }

    /** A checked plan with each provider's new components and preview, ready to apply. */
    public record Prepared(UpgradePlan plan, CertManagerUpgrade.Plan certManager, List<Staged> providers) {
        public List<UpgradePreview> previews() {
            return providers.stream().map(Staged::preview).toList();
        }
    }

    record Staged(UpgradePlan.Item item, ProviderComponents components, UpgradePreview preview) {
    }

    private final KubernetesClient client;
    private final ReleaseRepository repository;
    private final Function<String, String> values;
    private final CertManager.Settings certManagerSettings;
    private final KubernetesSerialization serialization = new KubernetesSerialization();

    public ProviderUpgrade(KubernetesClient client, ReleaseRepository repository, Function<String, String> values,
            CertManager.Settings certManagerSettings) {
        this.client = client;
        this.repository = repository;
        this.values = values;
        this.certManagerSettings = certManagerSettings;
    }

    /** Checks the plan as clusterctl does before it changes anything, and previews each provider's upgrade. */
    public Prepared prepare(UpgradePlan plan) {
        checkSingleInstances(new Inventory(client).list());
        checkVersionSkew(plan);
        List<UpgradePlan.Item> ordered = new ArrayList<>(plan.providers().stream().filter(UpgradePlan.Item::upgrades)
                .toList());
        ordered.sort(Comparator.comparing(item -> item.provider().type()));
        Map<String, List<GenericKubernetesResource>> live = installedObjects(ordered);
        // Reading and processing two releases per provider takes seconds each: the providers are prepared at once.
        List<Staged> staged = ordered.parallelStream().map(item -> {
            ProviderComponents components = components(item.provider(), item.nextVersion());
            return new Staged(item, components, preview(item, components, live.get(item.provider().name())));
        }).toList();
        CertManagerUpgrade.Plan certManager = new CertManagerUpgrade(client, repository, certManagerSettings).plan();
        return new Prepared(plan, certManager, staged);
    }

    /** Upgrades cert-manager when due, then the providers; waits for their managers when asked. */
    public void apply(Prepared prepared, boolean waitProviders, Duration waitTimeout, Progress progress) {
        new CertManagerUpgrade(client, repository, certManagerSettings).ensureLatest(progress::line);
        progress.line("Performing upgrade...");
        for (Staged provider : prepared.providers()) {
            scaleDown(provider.item().provider(), progress);
        }
        ObjectWriter writer = new ObjectWriter(client);
        Map<String, List<GenericKubernetesResource>> live = installedObjects(prepared.providers().stream()
                .map(Staged::item).toList());
        for (Staged provider : prepared.providers()) {
            InstalledProvider installed = provider.item().provider();
            progress.line("Deleting Provider=\"" + installed.name() + "\" Version=\"" + installed.version()
                    + "\" Namespace=\"" + installed.namespace() + "\"");
            for (GenericKubernetesResource object : deletedOnUpgrade(installed, live.get(installed.name()))) {
                writer.delete(asMap(object));
            }
            progress.line("Installing Provider=\"" + installed.name() + "\" Version=\"" + provider.item().nextVersion()
                    + "\" TargetNamespace=\"" + installed.namespace() + "\"");
            for (Map<String, Object> object : provider.components().objects()) {
                writer.write(object);
            }
            new Inventory(client).write(provider.components().inventoryObject());
            progress.providerUpgraded(provider.item());
        }
        if (waitProviders) {
            List<DeploymentWait.Target> targets = new ArrayList<>();
            for (Staged provider : prepared.providers()) {
                for (Map<String, Object> deployment : provider.components().managerDeployments()) {
                    Map<String, Object> metadata = ProviderComponents.metadata(deployment);
                    targets.add(new DeploymentWait.Target(String.valueOf(metadata.get("namespace")),
                            String.valueOf(metadata.get("name"))));
                }
            }
            progress.line("Waiting for providers to be available...");
            new DeploymentWait(client).await(targets, waitTimeout, progress::line);
        }
    }

    private ProviderComponents components(InstalledProvider provider, String version) {
        ProviderSpec spec = new ProviderSpec(provider.type(), provider.providerName(), version);
        Release release = repository.resolve(spec);
        return ProviderComponents.process(spec, release.components(), release.origin() + "/"
                + release.componentsFile(), provider.namespace(), values);
    }

    private Map<String, List<GenericKubernetesResource>> installedObjects(List<UpgradePlan.Item> items) {
        Map<String, String> namespaceByLabel = new LinkedHashMap<>();
        items.forEach(item -> namespaceByLabel.put(item.provider().name(), item.provider().namespace()));
        return new LabelledObjects(client).ofProviders(namespaceByLabel);
    }

    private UpgradePreview preview(UpgradePlan.Item item, ProviderComponents next,
            List<GenericKubernetesResource> installed) {
        InstalledProvider provider = item.provider();
        Map<String, GenericKubernetesResource> live = new LinkedHashMap<>();
        for (GenericKubernetesResource object : installed) {
            live.put(key(asMap(object)), object);
        }
        Map<String, Map<String, Object>> before = new LinkedHashMap<>();
        String diffBase;
        try {
            components(provider, provider.version()).objects().forEach(o -> before.put(key(o), o));
            diffBase = "the " + provider.version() + " manifest";
        } catch (InstallException e) {
            live.forEach((key, object) -> before.put(key, cleaned(asMap(object))));
            diffBase = "the objects as they are now (" + provider.version() + " cannot be read: " + e.getMessage()
                    + ")";
        }
        List<String> added = new ArrayList<>();
        List<UpgradePreview.Change> changed = new ArrayList<>();
        List<String> storageChanges = new ArrayList<>();
        int unchanged = 0;
        Set<String> wanted = new HashSet<>();
        for (Map<String, Object> object : next.objects()) {
            String key = key(object);
            wanted.add(key);
            String name = ObjectWriter.describe(object);
            if (!live.containsKey(key)) {
                added.add(name);
                continue;
            }
            // Rendering and diffing every object (CRDs are large) costs seconds; most are equal.
            String diff = object.equals(before.get(key)) ? "" : LineDiff.unified(before.containsKey(key)
                    ? TemplateObjects.toYaml(List.of(before.get(key))) : "", TemplateObjects.toYaml(List.of(object)),
                    provider.version() + "/" + name, item.nextVersion() + "/" + name);
            if (diff.isEmpty()) {
                unchanged++;
            } else {
                changed.add(new UpgradePreview.Change(name, diff));
            }
            if ("CustomResourceDefinition".equals(object.get("kind"))) {
                storageChange(object).ifPresent(storageChanges::add);
            }
        }
        List<String> removed = deletedOnUpgrade(provider, installed).stream().map(this::asMap).filter(o -> !wanted.contains(
                key(o))).map(ObjectWriter::describe).toList();
        return new UpgradePreview(item, added, changed, unchanged, removed, storageChanges, diffBase);
    }

    private Optional<String> storageChange(Map<String, Object> object) {
        CustomResourceDefinition next = serialization.convertValue(object, CustomResourceDefinition.class);
        CustomResourceDefinition current = client.apiextensions().v1().customResourceDefinitions()
                .withName(next.getMetadata().getName()).get();
        if (current == null) {
            return Optional.empty();
        }
        String currentStorage = storageVersion(current);
        String nextStorage = storageVersion(next);
        List<String> stored = current.getStatus() == null ? List.of() : current.getStatus().getStoredVersions();
        if (Objects.equals(currentStorage, nextStorage) && stored.equals(List.of(currentStorage))) {
            return Optional.empty();
        }
        boolean kept = next.getSpec().getVersions().stream().anyMatch(v -> v.getName().equals(currentStorage)
                && Boolean.TRUE.equals(v.getServed()));
        return Optional.of(next.getMetadata().getName() + ": storage version " + currentStorage + " -> "
                + nextStorage + ", stored versions " + stored + (kept ? "" : "; " + currentStorage
                + " is no longer served"));
    }

    private static String storageVersion(CustomResourceDefinition crd) {
        return crd.getSpec().getVersions().stream().filter(v -> Boolean.TRUE.equals(v.getStorage()))
                .map(v -> v.getName()).findFirst().orElse("");
    }

    /** The installed objects clusterctl deletes before installing the new release. */
    private static List<GenericKubernetesResource> deletedOnUpgrade(InstalledProvider provider,
            List<GenericKubernetesResource> installed) {
        String prefix = provider.namespace() + "-";
        List<GenericKubernetesResource> deleted = new ArrayList<>();
        for (GenericKubernetesResource object : installed) {
            String kind = object.getKind();
            boolean clusterScoped = LabelledObjects.clusterScoped(object);
            boolean inventory = "Provider".equals(kind) && object.getApiVersion().startsWith("clusterctl.cluster"
                    + ".x-k8s.io/");
            if ("CustomResourceDefinition".equals(kind) || "Namespace".equals(kind) || inventory
                    || clusterScoped && !WEBHOOK_KINDS.contains(kind) && !object.getMetadata().getName()
                            .startsWith(prefix)) {
                continue;
            }
            deleted.add(object);
        }
        return deleted;
    }

    private void scaleDown(InstalledProvider provider, Progress progress) {
        progress.line("Scaling down Provider=\"" + provider.name() + "\" Version=\"" + provider.version()
                + "\" Namespace=\"" + provider.namespace() + "\"");
        for (Deployment deployment : client.apps().deployments().inNamespace(provider.namespace())
                .withLabel(ProviderComponents.CLUSTERCTL_LABEL, "")
                .withLabel(ProviderComponents.PROVIDER_LABEL, provider.name()).list().getItems()) {
            String name = deployment.getMetadata().getName();
            RollableScalableResource<Deployment> resource = client.apps().deployments().inNamespace(provider.namespace()).withName(name);
            if (!Integer.valueOf(0).equals(deployment.getSpec().getReplicas())) {
                resource.edit(d -> {
                    d.getSpec().setReplicas(0);
                    return d;
                });
            }
            Instant deadline = Instant.now().plus(SCALE_DOWN_TIMEOUT);
            while (true) {
                Deployment current = resource.get();
                Integer replicas = current == null || current.getStatus() == null ? null
                        : current.getStatus().getReplicas();
                if (replicas == null || replicas == 0) {
                    break;
                }
                if (Instant.now().isAfter(deadline)) {
                    throw new InstallException("failed to wait until Deployment " + provider.namespace() + "/" + name
                            + " is scaled down: it still has " + replicas + " replicas");
                }
                Inventory.sleep(Duration.ofSeconds(1));
            }
        }
    }

    private static void checkSingleInstances(List<InstalledProvider> installed) {
        Map<String, List<String>> instances = new LinkedHashMap<>();
        for (InstalledProvider provider : installed) {
            instances.computeIfAbsent(provider.name(), name -> new ArrayList<>()).add(UpgradeInfo.instanceName(
                    provider));
        }
        List<String> problems = new ArrayList<>();
        instances.forEach((label, names) -> {
            if (names.size() > 1) {
                problems.add("multiple instance of provider type \"" + label + "\" found: [" + String.join(" ", names)
                        + "]");
            }
        });
        if (!problems.isEmpty()) {
            throw new InstallException("detected multiple instances of the same provider, but clusterctl does not "
                    + "support this use case. See https://cluster-api.sigs.k8s.io/developer/core/support-multiple-"
                    + "instances for more details: " + String.join(", ", problems));
        }
    }

    private static void checkVersionSkew(UpgradePlan plan) {
        for (UpgradePlan.Item item : plan.providers()) {
            InstalledProvider provider = item.provider();
            boolean kubeadm = "kubeadm".equals(provider.providerName())
                    && (provider.type() == ProviderType.BOOTSTRAP || provider.type() == ProviderType.CONTROL_PLANE);
            if (!item.upgrades() || provider.type() != ProviderType.CORE && !kubeadm) {
                continue;
            }
            Semver current = Semver.tryParse(provider.version()).orElseThrow(() -> new InstallException(
                    "failed to parse current version for " + UpgradeInfo.instanceName(provider) + " provider"));
            if (current.compareTo(SKEW_CHECKED_FROM) < 0) {
                continue;
            }
            Semver next = Semver.tryParse(item.nextVersion()).orElseThrow(() -> new InstallException(
                    "failed to parse next version for " + UpgradeInfo.instanceName(provider) + " provider"));
            if (next.minor() > current.minor() + 3) {
                throw new InstallException("upgrade for " + UpgradeInfo.instanceName(provider) + " provider can't "
                        + "skip more than 3 versions");
            }
        }
    }

    private static String key(Map<String, Object> object) {
        String apiVersion = String.valueOf(object.get("apiVersion"));
        String group = apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
        Map<String, Object> metadata = ProviderComponents.metadata(object);
        return group + "/" + object.get("kind") + "/" + Objects.toString(metadata.get("namespace"), "") + "/"
                + metadata.get("name");
    }

    private Map<String, Object> asMap(GenericKubernetesResource object) {
        @SuppressWarnings("unchecked")
        Map<String, Object> map = serialization.convertValue(object, Map.class);
        return map;
    }

    /** An object as it is now without what the server alone decides. */
    private static Map<String, Object> cleaned(Map<String, Object> object) {
        Map<String, Object> copy = new LinkedHashMap<>(object);
        copy.remove("status");
        Map<String, Object> metadata = new LinkedHashMap<>(ProviderComponents.metadata(copy));
        for (String key : List.of("uid", "resourceVersion", "creationTimestamp", "managedFields", "generation")) {
            metadata.remove(key);
        }
        copy.put("metadata", metadata);
        return copy;
    }
}
