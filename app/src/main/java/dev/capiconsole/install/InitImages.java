package dev.capiconsole.install;

import dev.capiconsole.providers.ProviderType;
import dev.capiconsole.providers.Release;
import dev.capiconsole.templates.TemplateObjects;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * {@code clusterctl init list-images}: the images the providers init would install (with the kubeadm defaults on a
 * first run) and cert-manager's when its namespace does not exist yet, after the {@code images:} overrides, sorted
 * and not deduplicated. As clusterctl does, the components are read without substituting their variables.
 */
public final class InitImages {

    private static final String CERT_MANAGER_NAMESPACE = "cert-manager";

    private final KubernetesClient client;
    private final ReleaseRepository repository;
    private final CertManager.Settings certManager;
    private final ImageOverrides overrides;

    /** @param client the management cluster; {@code null} when only {@link #providerImages} and {@link #certManagerImages} are used */
    public InitImages(KubernetesClient client, ReleaseRepository repository, CertManager.Settings certManager,
            ImageOverrides overrides) {
        this.client = client;
        this.repository = repository;
        this.certManager = certManager;
        this.overrides = overrides;
    }

    /** What {@code clusterctl init list-images} prints for {@code request} on this cluster. */
    public List<String> list(InitRequest request) {
        List<String> images = client.namespaces().withName(CERT_MANAGER_NAMESPACE).get() != null
                ? new ArrayList<>() : new ArrayList<>(certManagerImages());
        for (ProviderSpec spec : request.providers(firstRun())) {
            images.addAll(providerImages(spec));
        }
        Collections.sort(images);
        return images;
    }

    /** The providers {@code request} installs on a cluster without Cluster API (the kubeadm defaults added). */
    public static List<ProviderSpec> firstRunProviders(InitRequest request) {
        return request.providers(true);
    }

    /** One provider's images, its variables left as written, after the overrides. */
    public List<String> providerImages(ProviderSpec spec) {
        Release release = repository.resolve(spec);
        List<Map<String, Object>> objects = TemplateObjects.parse(release.components(), release.origin() + "/"
                + release.componentsFile());
        overrides.apply(spec.label(), objects);
        return ImageOverrides.images(objects);
    }

    /** cert-manager's images from its manifest, after the overrides. */
    public List<String> certManagerImages() {
        Release release = repository.resolve("cert-manager", certManager.url(), certManager.version());
        List<Map<String, Object>> objects = TemplateObjects.parse(release.components(), release.origin());
        overrides.apply(ImageOverrides.CERT_MANAGER, objects);
        return ImageOverrides.images(objects);
    }

    /** Like clusterctl, an unreadable inventory counts as no core provider. */
    private boolean firstRun() {
        try {
            return new Inventory(client).list().stream().noneMatch(p -> p.type() == ProviderType.CORE);
        } catch (KubernetesClientException | InstallException e) {
            return true;
        }
    }
}
