package dev.capiconsole.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** v1beta1 core objects read in the v1beta2 shape (DescribeParityIT checks the same on the lab's real conversion). */
class V1Beta1CoreTest {

    @Test
    void aV1Beta1ClusterReadsLikeItsV1Beta2Self() {
        Map<String, Object> raw = new Yaml().load("""
                apiVersion: cluster.x-k8s.io/v1beta1
                kind: Cluster
                metadata: {name: c1, namespace: ns1}
                spec:
                  controlPlaneRef: {apiVersion: controlplane.cluster.x-k8s.io/v1beta1, kind: KubeadmControlPlane, name: cp}
                  infrastructureRef: {apiVersion: infrastructure.cluster.x-k8s.io/v1beta1, kind: DockerCluster, name: dc}
                  topology: {class: quick-start, version: v1.30.0}
                status:
                  phase: Provisioned
                  conditions:
                  - {type: Ready, status: "False", severity: Warning, reason: ScalingUp, lastTransitionTime: "2024-01-01T00:00:00Z"}
                  v1beta2:
                    conditions:
                    - {type: Available, status: "True", reason: Available, lastTransitionTime: "2024-01-01T00:00:00Z"}
                    controlPlane: {desiredReplicas: 3, replicas: 3, readyReplicas: 3, availableReplicas: 3, upToDateReplicas: 3}
                """);
        CapiObject cluster = V1Beta1Core.typed(raw);
        assertThat(cluster.apiVersion()).isEqualTo("cluster.x-k8s.io/v1beta2");
        assertThat(ObjectRef.of(cluster.map("spec", "controlPlaneRef"), "ns1"))
                .isEqualTo(new ObjectRef("controlplane.cluster.x-k8s.io", "KubeadmControlPlane", "ns1", "cp"));
        assertThat(cluster.text("spec", "topology", "classRef", "name")).isEqualTo("quick-start");
        assertThat(cluster.condition("Available").status()).isEqualTo("True");
        assertThat(cluster.v1beta1Conditions()).singleElement()
                .satisfies(c -> assertThat(List.of(c.type(), c.status(), c.severity(), c.reason()))
                        .containsExactly("Ready", "False", "Warning", "ScalingUp"));
        assertThat(ClusterSummary.of(cluster, java.time.Instant.now()).controlPlane()).isEqualTo("3/3/3/3");
        assertThat(raw.get("apiVersion")).as("the original is left alone").isEqualTo("cluster.x-k8s.io/v1beta1");
    }
}
