package dev.capiconsole.install;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.capiconsole.providers.ProviderType;
import org.junit.jupiter.api.Test;

class ProviderSpecTest {

    @Test
    void specsParseLikeClusterctlsFlags() {
        assertThat(ProviderSpec.parse(ProviderType.INFRASTRUCTURE, "docker:v1.14.2").label())
                .isEqualTo("infrastructure-docker");
        assertThat(ProviderSpec.parse(ProviderType.CORE, "cluster-api").label()).isEqualTo("cluster-api");
        assertThat(ProviderSpec.parse(ProviderType.CONTROL_PLANE, "kubeadm").label())
                .isEqualTo("control-plane-kubeadm");
        assertThat(ProviderSpec.parse(ProviderType.BOOTSTRAP, "kubeadm:").version()).isNull();
        assertThatThrownBy(() -> ProviderSpec.parse(ProviderType.INFRASTRUCTURE, "docker:1.14"))
                .hasMessageContaining("is not a release version of docker");
        assertThatThrownBy(() -> ProviderSpec.parse(ProviderType.INFRASTRUCTURE, "Docker"))
                .hasMessageContaining("is not a provider name");
    }
}
