package dev.capiconsole.install;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CertManagerSettingsTest {

    @Test
    void theVersionGivesTheReleaseUrlAndTheTimeoutIsAGoDuration() {
        assertThat(CertManager.Settings.from(Map.of("version", "v1.20.0", "timeout", "90s")))
                .isEqualTo(new CertManager.Settings(
                        "https://github.com/cert-manager/cert-manager/releases/v1.20.0/cert-manager.yaml", "v1.20.0",
                        Duration.ofSeconds(90)));
    }
}
