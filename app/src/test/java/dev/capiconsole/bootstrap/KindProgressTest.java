package dev.capiconsole.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class KindProgressTest {

    @Test
    void readsKindsStatusLinesWithAndWithoutColours() {
        assertThat(KindProgress.read(" • Preparing nodes 📦 📦  ...")).isEqualTo(new KindProgress(
                KindProgress.Kind.STEP_STARTED, "Preparing nodes", " • Preparing nodes 📦 📦  ..."));
        assertThat(KindProgress.read(" \u001B[32m✓\u001B[0m Installing CNI 🔌").kind())
                .isEqualTo(KindProgress.Kind.STEP_DONE);
        assertThat(KindProgress.read(" \u001B[31m✗\u001B[0m Starting control-plane 🕹️").text())
                .isEqualTo("Starting control-plane");
        assertThat(KindProgress.read(" • Ready after 14s 💚").kind()).isEqualTo(KindProgress.Kind.OUTPUT);
        assertThat(KindProgress.read(" ✓ Waiting ≤ 2m0s for control-plane = Ready ⏳").text())
                .as("emoji go, other symbols stay").isEqualTo("Waiting ≤ 2m0s for control-plane = Ready");
        assertThat(KindProgress.read("ERROR: failed to create cluster: boom").text())
                .isEqualTo("failed to create cluster: boom");
    }

    @Test
    void theConfigMountsTheDockerSocketOnlyForTheDockerProvider() {
        KindClusterConfig docker = new KindClusterConfig("mgmt", KindClusterConfig.imageFor("1.33.1"), 2, true);
        assertThat(docker.yaml()).contains("image: kindest/node:v1.33.1").contains("containerPath: /var/run/docker.sock")
                .containsSubsequence("role: control-plane", "role: worker", "role: worker");
        assertThat(docker.context()).isEqualTo("kind-mgmt");
        assertThat(new KindClusterConfig("mgmt", null, 0, false).yaml()).doesNotContain("docker.sock")
                .doesNotContain("image:");
        assertThatThrownBy(() -> new KindClusterConfig("Mgmt", null, 0, true)).hasMessageContaining("invalid");
        assertThatThrownBy(() -> new KindClusterConfig("m", "kindest/node", 0, true)).hasMessageContaining("tag");
    }
}
