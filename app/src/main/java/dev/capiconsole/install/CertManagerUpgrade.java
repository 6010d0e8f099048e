package dev.capiconsole.install;

import dev.capiconsole.providers.Release;
import dev.capiconsole.templates.Semver;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * cert-manager's own upgrade, as clusterctl's {@code upgrade plan} and {@code upgrade apply} do it: only a
 * cert-manager clusterctl installed (its objects carry clusterctl's core label) is upgraded; it is when an object is
 * older than the configured version (or has no version annotation), or at the same version when the objects or
 * their images differ. Upgrading deletes the old objects but CRDs, the Namespace and the webhook configurations,
 * then installs the configured release.
 */
public final class CertManagerUpgrade {

    private static final Set<String> KEPT_KINDS = Set.of("CustomResourceDefinition", "Namespace",
            "MutatingWebhookConfiguration", "ValidatingWebhookConfiguration");
    private static final String UNANNOTATED_VERSION = "v0.11.0";

    /** What {@code upgrade plan} says about cert-manager. */
    public record Plan(boolean externallyManaged, String from, String to, boolean shouldUpgrade) {
    }

    private final KubernetesClient client;
    private final ReleaseRepository repository;
    private final CertManager.Settings settings;

    public CertManagerUpgrade(KubernetesClient client, ReleaseRepository repository, CertManager.Settings settings) {
        this.client = client;
        this.repository = repository;
        this.settings = settings;
    }

    public Plan plan() {
        List<GenericKubernetesResource> installed = new LabelledObjects(client).ofCertManager();
        if (installed.isEmpty()) {
            return new Plan(true, "", settings.version(), false);
        }
        return compare(installed, wanted());
    }

    /** Upgrades cert-manager when the plan says so; {@code true} when it did. */
    public boolean ensureLatest(Consumer<String> progress) {
        List<GenericKubernetesResource> installed = new LabelledObjects(client).ofCertManager();
        if (installed.isEmpty()) {
            return false;
        }
        List<Map<String, Object>> wanted = wanted();
        Plan plan = compare(installed, wanted);
        if (!plan.shouldUpgrade()) {
            progress.accept("Cert-manager is already up to date");
            return false;
        }
        progress.accept("Deleting cert-manager " + plan.from());
        ObjectWriter writer = new ObjectWriter(client);
        KubernetesSerialization serialization = new KubernetesSerialization();
        for (GenericKubernetesResource object : installed) {
            if (!KEPT_KINDS.contains(object.getKind())) {
                @SuppressWarnings("unchecked")
                Map<String, Object> map = serialization.convertValue(object, Map.class);
                writer.delete(map);
            }
        }
        progress.accept("Installing cert-manager " + settings.version());
        for (Map<String, Object> object : wanted) {
            writer.write(object);
        }
        new CertManager(client).awaitReady(settings.timeout(), progress);
        return true;
    }

    private List<Map<String, Object>> wanted() {
        Release release = repository.resolve("cert-manager", settings.url(), settings.version());
        return CertManager.manifestObjects(release.components(), release.origin(), release.version());
    }

    private Plan compare(List<GenericKubernetesResource> installed, List<Map<String, Object>> wanted) {
        Semver desired = Semver.tryParse(settings.version()).orElseThrow(() -> new InstallException(
                "failed to parse config version [" + settings.version() + "] for cert-manager component"));
        List<GenericKubernetesResource> relevant = installed.stream()
                .filter(o -> !"Endpoints".equals(o.getKind()) && !"EndpointSlice".equals(o.getKind())).toList();
        String current = "";
        boolean upgrade = false;
        for (GenericKubernetesResource object : relevant) {
            Map<String, String> annotations = object.getMetadata().getAnnotations();
            String version = annotations == null ? null : annotations.get(CertManager.VERSION_ANNOTATION);
            if (version == null) {
                current = UNANNOTATED_VERSION;
                upgrade = true;
                break;
            }
            Semver semver = Semver.tryParse(version).orElseThrow(() -> new InstallException("failed to parse version "
                    + "for cert-manager component " + object.getKind() + "/" + object.getMetadata().getName()));
            current = version;
            int compared = compareWithBuild(semver, desired);
            if (compared < 0) {
                upgrade = true;
            } else if (compared == 0) {
                upgrade = relevant.size() != wanted.size() || imagesDiffer(relevant, wanted);
            }
            if (upgrade) {
                break;
            }
        }
        return new Plan(false, current, settings.version(), upgrade);
    }

    /** clusterctl compares build tags too: a different build of the same version counts as older. */
    private static int compareWithBuild(Semver installed, Semver desired) {
        int compared = installed.compareTo(desired);
        if (compared == 0 && !installed.build().equals(desired.build())) {
            return -1;
        }
        return compared;
    }

    private static boolean imagesDiffer(List<GenericKubernetesResource> installed, List<Map<String, Object>> wanted) {
        KubernetesSerialization serialization = new KubernetesSerialization();
        List<Map<String, Object>> current = new ArrayList<>();
        for (GenericKubernetesResource object : installed) {
            @SuppressWarnings("unchecked")
            Map<String, Object> map = serialization.convertValue(object, Map.class);
            current.add(map);
        }
        List<String> currentImages = new ArrayList<>(ProviderComponents.imagesOf(current));
        List<String> wantedImages = new ArrayList<>(ProviderComponents.imagesOf(wanted));
        currentImages.sort(null);
        wantedImages.sort(null);
        return !currentImages.equals(wantedImages);
    }
}
