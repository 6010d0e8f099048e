package dev.capiconsole.images;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capiconsole.addons.AddonSources;
import dev.capiconsole.clusterctl.ClusterctlEnvironment;
import dev.capiconsole.install.ImageOverrides;
import dev.capiconsole.install.InitImages;
import dev.capiconsole.install.InitRequest;
import dev.capiconsole.install.InitSetup;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QuickstartImagesTest {

    @TempDir
    Path folder;

    private static String workload(String kind, String image, String initImage) {
        return "apiVersion: apps/v1\nkind: " + kind + "\nmetadata: {name: x, namespace: x-system}\nspec:\n  template:\n"
                + "    spec:\n      containers: [{name: manager, image: " + image + "}]\n"
                + (initImage == null ? "" : "      initContainers: [{name: init, image: " + initImage + "}]\n");
    }

    private void release(Path overrides, String label, String version, String file, String text) throws IOException {
        Path place = overrides.resolve(label).resolve(version);
        Files.createDirectories(place);
        Files.writeString(place.resolve(file), text);
        Files.writeString(place.resolve("metadata.yaml"), "releaseSeries:\n- {major: 1, minor: 14, contract: v1beta2}\n");
    }

    @Test
    void listsEveryPartOfAQuickstartAsPublishedInInstallOrder() throws Exception {
        Path overrides = folder.resolve("overrides");
        release(overrides, "cluster-api", "v1.14.2", "core-components.yaml",
                workload("Deployment", "registry.k8s.io/cluster-api/cluster-api-controller:v1.14.2", null));
        release(overrides, "bootstrap-kubeadm", "v1.14.2", "bootstrap-components.yaml",
                workload("Deployment", "registry.k8s.io/cluster-api/kubeadm-bootstrap-controller:v1.14.2", null));
        release(overrides, "control-plane-kubeadm", "v1.14.2", "control-plane-components.yaml",
                workload("Deployment", "registry.k8s.io/cluster-api/kubeadm-control-plane-controller:v1.14.2", null));
        release(overrides, "infrastructure-docker", "v1.14.2", "infrastructure-components-development.yaml",
                workload("Deployment", "registry.k8s.io/cluster-api/capd-manager:v1.14.2", null));
        release(overrides, "cert-manager", "v1.21.1", "cert-manager.yaml",
                workload("Deployment", "quay.io/jetstack/cert-manager-controller:v1.21.1", null));
        release(overrides, "metallb", "v0.15.3", "metallb-native.yaml",
                workload("DaemonSet", "quay.io/metallb/speaker:v0.15.3", null));
        release(overrides, "addon-calico", "v3.31.0", "calico.yaml",
                workload("DaemonSet", "quay.io/calico/node:v3.31.0", "quay.io/calico/cni:v3.31.0"));
        Path config = Files.writeString(folder.resolve("clusterctl.yaml"),
                "images:\n  all:\n    repository: mirror.example.com/capi\n");
        ClusterctlEnvironment environment = ClusterctlEnvironment.load(Map.of("XDG_CONFIG_HOME",
                folder.resolve("config").toString(), "CAPI_CONSOLE_GITHUB_URL", "http://127.0.0.1:9"), folder, config);
        InitSetup setup = new InitSetup(environment, List.of(overrides), null);
        QuickstartImages quickstart = new QuickstartImages(setup.repository(),
                new InitImages(null, setup.repository(), setup.certManager(), ImageOverrides.NONE),
                new AddonSources(environment.releases(setup.overridesFolders()), setup.overridesFolders()));

        ImageList list = quickstart.list(new QuickstartImages.Request(new InitRequest(null, List.of(), List.of(),
                List.of("docker"), List.of(), null, Map.of(), false, null, null, null), "calico", "v0.15.3", null,
                "v1.33.1", null));

        assertThat(list.groups()).extracting(ImageList.Group::source).containsExactly("cert-manager", "cluster-api",
                "bootstrap-kubeadm", "control-plane-kubeadm", "infrastructure-docker", "MetalLB v0.15.3",
                "CNI calico v3.31.0", "kind node (management cluster)", "kubeadm v1.33.1 (workload cluster)");
        assertThat(list.images()).startsWith("quay.io/jetstack/cert-manager-controller:v1.21.1",
                "registry.k8s.io/cluster-api/cluster-api-controller:v1.14.2")
                .contains("quay.io/metallb/speaker:v0.15.3", "quay.io/calico/node:v3.31.0", "quay.io/calico/cni:v3.31.0",
                        "kindest/node:v1.33.1", "registry.k8s.io/etcd:3.5.24-0")
                .noneMatch(i -> i.startsWith("mirror.example.com"))
                .hasSize(16);
        assertThat(setup.imageOverrides().entries()).containsKey("all");
    }
}
