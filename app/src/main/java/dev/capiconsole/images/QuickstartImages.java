package dev.capiconsole.images;

import dev.capiconsole.addons.Addon;
import dev.capiconsole.addons.AddonCatalog;
import dev.capiconsole.addons.AddonSources;
import dev.capiconsole.addons.Manifest;
import dev.capiconsole.bootstrap.KindClusterConfig;
import dev.capiconsole.install.ImageOverrides;
import dev.capiconsole.install.InitImages;
import dev.capiconsole.install.InitRequest;
import dev.capiconsole.install.MetalLb;
import dev.capiconsole.install.ProviderSpec;
import dev.capiconsole.install.ReleaseRepository;
import dev.capiconsole.providers.Release;
import dev.capiconsole.templates.TemplateObjects;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Every image a quickstart pulls, as published (before any {@code images:} override: what a mirror copies from):
 * cert-manager and the providers a first {@code init} installs, MetalLB when asked, the CNI add-on's manifest, the
 * kind node image of the management cluster, and what kubeadm pulls for the workload cluster.
 */
public final class QuickstartImages {

    /**
     * @param providers the providers as init takes them (kubeadm and cluster-api added as on a first run)
     * @param cni an add-on name of the catalog, or {@code none}
     * @param metalLbVersion {@code null} without MetalLB
     * @param kindNodeImage {@code null} for {@code kindest/node} at {@code kubernetesVersion}
     * @param imageRepository kubeadm's image repository; {@code null} for its default
     */
    public record Request(InitRequest providers, String cni, String metalLbVersion, String kindNodeImage,
            String kubernetesVersion, String imageRepository) {
    }

    private final InitImages init;
    private final ReleaseRepository repository;
    private final AddonSources addons;

    public QuickstartImages(ReleaseRepository repository, InitImages init, AddonSources addons) {
        this.repository = repository;
        this.init = init;
        this.addons = addons;
    }

    public ImageList list(Request request) {
        List<ImageList.Group> groups = new ArrayList<>();
        groups.add(new ImageList.Group("cert-manager", init.certManagerImages()));
        for (ProviderSpec spec : InitImages.firstRunProviders(request.providers())) {
            groups.add(new ImageList.Group(spec.toString(), init.providerImages(spec)));
        }
        if (request.metalLbVersion() != null) {
            Release release = repository.resolveFile("metallb", MetalLb.manifestUrl(request.metalLbVersion()),
                    request.metalLbVersion());
            groups.add(new ImageList.Group("MetalLB " + request.metalLbVersion(),
                    images(release.components(), release.origin())));
        }
        if (request.cni() != null && !Addon.NONE.equals(request.cni())) {
            Addon addon = AddonCatalog.named(request.cni());
            Manifest manifest = addons.read(addon);
            groups.add(new ImageList.Group("CNI " + addon.name() + " " + addon.version(),
                    images(manifest.text(), manifest.origin())));
        }
        groups.add(new ImageList.Group("kind node (management cluster)", List.of(request.kindNodeImage() == null
                ? KindClusterConfig.imageFor(request.kubernetesVersion()) : request.kindNodeImage())));
        groups.add(new ImageList.Group("kubeadm " + request.kubernetesVersion() + " (workload cluster)",
                KubeadmImages.forVersion(request.kubernetesVersion(), request.imageRepository())));
        return new ImageList(groups);
    }

    private static List<String> images(String yaml, String origin) {
        return new ArrayList<>(new LinkedHashSet<>(ImageOverrides.images(TemplateObjects.parse(yaml, origin))));
    }
}
