package dev.capiconsole.images;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class KubeadmImagesTest {

    @Test
    void listsWhatKubeadmPullsWithCoreDnsUnderItsOwnFolderOnlyInTheDefaultRepository() {
        assertThat(KubeadmImages.forVersion("v1.33.1", null)).containsExactly(
                "registry.k8s.io/kube-apiserver:v1.33.1", "registry.k8s.io/kube-controller-manager:v1.33.1",
                "registry.k8s.io/kube-scheduler:v1.33.1", "registry.k8s.io/kube-proxy:v1.33.1",
                "registry.k8s.io/coredns/coredns:v1.12.0", "registry.k8s.io/pause:3.10",
                "registry.k8s.io/etcd:3.5.24-0");
        assertThat(KubeadmImages.forVersion("1.34.2+build.1", "mirror.example.com/k8s/")).containsExactly(
                "mirror.example.com/k8s/kube-apiserver:v1.34.2_build.1",
                "mirror.example.com/k8s/kube-controller-manager:v1.34.2_build.1",
                "mirror.example.com/k8s/kube-scheduler:v1.34.2_build.1",
                "mirror.example.com/k8s/kube-proxy:v1.34.2_build.1", "mirror.example.com/k8s/coredns:v1.12.1",
                "mirror.example.com/k8s/pause:3.10.1", "mirror.example.com/k8s/etcd:3.6.5-0");
    }

    @Test
    void anUnknownMinorSaysHowToListThem() {
        assertThatThrownBy(() -> KubeadmImages.forVersion("v1.20.0", null))
                .hasMessageContaining("known here for Kubernetes v1.30 to v1.36")
                .hasMessageContaining("kubeadm config images list --kubernetes-version v1.20.0");
        assertThatThrownBy(() -> KubeadmImages.forVersion("latest", null)).hasMessageContaining("not a Kubernetes "
                + "version");
    }
}
