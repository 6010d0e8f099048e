package dev.capiconsole.templates;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClusterApplierTest {

    private static GenericKubernetesResource cluster(String resourceVersion, int replicas, String phase,
            Map<String, String> labels) {
        return new KubernetesSerialization().convertValue(Map.of(
                "apiVersion", "cluster.x-k8s.io/v1beta2", "kind", "Cluster",
                "metadata", Map.of("name", "c", "resourceVersion", resourceVersion, "labels", labels),
                "spec", Map.of("replicas", replicas), "status", Map.of("phase", phase)),
                GenericKubernetesResource.class);
    }

    @Test
    void templatesComeBeforeTheirClusterClassAndTheClusterLast() {
        List<Map<String, Object>> ordered = ClusterApplier.inApplyOrder(List.of(Map.of("kind", "Cluster"),
                Map.of("kind", "ClusterClass"), Map.of("kind", "DevClusterTemplate"), Map.of("kind", "Namespace"),
                Map.of("kind", "KubeadmControlPlaneTemplate")));
        assertThat(ordered).extracting(o -> o.get("kind")).containsExactly("Namespace", "DevClusterTemplate",
                "KubeadmControlPlaneTemplate", "ClusterClass", "Cluster");
    }

    @Test
    void aStatusWrittenMeanwhileIsNotAChangeButSpecAndLabelsAre() {
        GenericKubernetesResource before = cluster("10", 1, "Provisioning", Map.of("a", "1"));
        assertThat(ClusterApplier.sameApartFromStatus(before, cluster("11", 1, "Provisioned", Map.of("a", "1"))))
                .isTrue();
        assertThat(ClusterApplier.sameApartFromStatus(before, cluster("11", 2, "Provisioning", Map.of("a", "1"))))
                .isFalse();
        assertThat(ClusterApplier.sameApartFromStatus(before, cluster("11", 1, "Provisioning", Map.of("a", "2"))))
                .isFalse();
    }
}
