package dev.capiconsole.install;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InitRequestTest {

    @Test
    void aFirstRunAddsTheKubeadmDefaultsUnlessOptedOut() {
        InitRequest request = new InitRequest(null, List.of(), List.of("-"), List.of("docker"), List.of(), null,
                Map.of(), false, Duration.ofMinutes(1), null, null);
        assertThat(request.providers(true)).extracting(ProviderSpec::toString)
                .containsExactly("cluster-api", "bootstrap-kubeadm", "infrastructure-docker");
        assertThat(request.providers(false)).extracting(ProviderSpec::toString)
                .containsExactly("infrastructure-docker");
        InitRequest badCore = new InitRequest("-", List.of(), List.of(), List.of(), List.of(), null, Map.of(), false,
                Duration.ofMinutes(1), null, null);
        assertThatThrownBy(() -> badCore.providers(true)).hasMessageContaining("'-' value can not be used");
    }
}
