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

    public InitImages(KubernetesClient client, ReleaseRepository repository, CertManager.Settings certManager,
            ImageOverrides overrides) {
        this.client = client;
        this.repository = repository;
        this.certManager = certManager;
        this.overrides = overrides;
    }

    public List<String> list(InitRequest request) {
        List<String> images = new ArrayList<>(certManagerImages());
        for (ProviderSpec spec : request.providers(firstRun())) {
            Release release = repository.resolve(spec);
            List<Map<String, Object>> objects = TemplateObjects.parse(release.components(), release.origin() + "/"
                    + release.componentsFile());
            overrides.apply(spec.label(), objects);
            images.addAll(ImageOverrides.images(objects));
        }
        Collections.sort(images);
        return images;
    }

    /** Like clusterctl, an unreadable inventory counts as no core provider. */
    private boolean firstRun() {
        try {
            return new Inventory(client).list().stream().noneMatch(p -> p.type() == ProviderType.CORE);
        } catch (KubernetesClientException | InstallException e) {
            return true;
        }
    }

    private List<String> certManagerImages() {
        if (client.namespaces().withName(CERT_MANAGER_NAMESPACE).get() != null) {
            return List.of();
        }
        Release release = repository.resolve("cert-manager", certManager.url(), certManager.version());
        List<Map<String, Object>> objects = TemplateObjects.parse(release.components(), release.origin());
        overrides.apply(ImageOverrides.CERT_MANAGER, objects);
        return ImageOverrides.images(objects);
    }
}
