package dev.capiconsole.install;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capiconsole.providers.ProviderType;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Cluster API's CRD found without a core provider in the inventory: an init cut off half way, or another installer. */
class InterruptedInitTest {

    @Test
    void aCrdLabelledByClusterctlForTheCoreProviderIsLeftByAnInterruptedInit() {
        assertThat(Init.leftByAnInterruptedInit(ProviderComponents.commonLabels(
                new ProviderSpec(ProviderType.CORE, "cluster-api", "v1.14.2")))).isTrue();
    }

    @Test
    void anyOtherInstallIsNot() {
        assertThat(Init.leftByAnInterruptedInit(null)).isFalse();
        assertThat(Init.leftByAnInterruptedInit(Map.of())).isFalse();
        assertThat(Init.leftByAnInterruptedInit(Map.of("cluster.x-k8s.io/provider", "cluster-api",
                "cluster.x-k8s.io/v1beta2", "v1beta2"))).as("the embedded lab's labels").isFalse();
        assertThat(Init.leftByAnInterruptedInit(Map.of("clusterctl.cluster.x-k8s.io", "",
                "cluster.x-k8s.io/provider", "infrastructure-docker"))).isFalse();
    }
}
