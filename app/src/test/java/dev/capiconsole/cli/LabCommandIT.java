package dev.capiconsole.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capiconsole.cli.PackagedCliIT.Result;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code capi-console lab start|status|stop} as a person runs them: separate processes, the lab in between. */
class LabCommandIT {

    @TempDir
    Path data;

    @Test
    void startLeavesTheLabRunningForOtherToolsAndStopEndsIt() throws Exception {
        String dir = data.toString();
        Result start = PackagedCliIT.run("lab", "start", "--apiserver-only", "--data-dir", dir);
        try {
            assertThat(start.exitCode()).as(start.err()).isZero();
            assertThat(start.out()).contains("The lab is running: https://127.0.0.1:")
                    .contains("export KUBECONFIG=" + data.resolve("kubeconfig"));
            assertThat(start.err()).contains("Starting kube-apiserver");

            Path kubeconfig = data.resolve("kubeconfig");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(kubeconfig))).isEqualTo("rw-------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve("pki/ca.key"))))
                    .isEqualTo("rw-------");
            try (KubernetesClient client = new KubernetesClientBuilder()
                    .withConfig(Config.fromKubeconfig(Files.readString(kubeconfig))).build()) {
                assertThat(client.getKubernetesVersion().getGitVersion()).startsWith("v1.36.");
            }

            Result status = PackagedCliIT.run("lab", "status", "--data-dir", dir);
            assertThat(status.exitCode()).isZero();
            assertThat(status.out()).contains("running: 2 processes");

            Result again = PackagedCliIT.run("lab", "start", "--apiserver-only", "--data-dir", dir);
            assertThat(again.exitCode()).isEqualTo(1);
            assertThat(again.err()).contains("already running").doesNotContain("Exception");
        } finally {
            Result stop = PackagedCliIT.run("lab", "stop", "--data-dir", dir);
            assertThat(stop.exitCode()).isZero();
            assertThat(stop.out()).contains("is stopped");
        }
        Result after = PackagedCliIT.run("lab", "status", "--data-dir", dir);
        assertThat(after.exitCode()).isEqualTo(3);
        assertThat(after.out()).startsWith("not running");
    }
}
