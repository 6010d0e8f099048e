package dev.capiconsole.lab;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabSmokeIT {

    @TempDir
    Path data;

    @Test
    void startsAndServesCapiCrds() {
        try (Lab lab = Lab.start(new LabOptions(data, true, true, java.time.Duration.ofSeconds(20)), line -> System.out.println("[lab] " + line));
             KubernetesClient client = lab.client()) {
            assertThat(client.apiextensions().v1().customResourceDefinitions().withName("clusters.cluster.x-k8s.io")
                    .get()).isNotNull();
        }
    }
}
