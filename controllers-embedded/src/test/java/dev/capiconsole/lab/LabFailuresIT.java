package dev.capiconsole.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lab's bad cases: each fails with a clear message and leaves nothing running. */
class LabFailuresIT {

    @TempDir
    Path data;

    private LabOptions apiServerOnly() {
        return new LabOptions(data, false, true, Duration.ofMinutes(1));
    }

    @Test
    void aTakenPortIsNamedAndNothingStarts() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Files.createDirectories(data);
            Files.writeString(data.resolve("ports.properties"), "kube-apiserver=" + taken.getLocalPort() + "\n");
            assertThatThrownBy(() -> Lab.start(apiServerOnly(), LabProgress.NONE))
                    .isInstanceOf(LabException.class)
                    .hasMessageContaining("port " + taken.getLocalPort() + " (kube-apiserver) is already in use")
                    .hasMessageContaining("ports.properties");
        }
        assertThat(processesUsing(data)).isEmpty();
    }

    @Test
    void aSecondFullLabOnTheMachineIsRefusedBecauseOfTheInMemoryBackendsFixedPort() throws IOException {
        try (ServerSocket inMemoryDebug = new ServerSocket()) {
            inMemoryDebug.setReuseAddress(true);
            inMemoryDebug.bind(new java.net.InetSocketAddress(Lab.IN_MEMORY_DEBUG_PORT));
            assertThatThrownBy(() -> Lab.start(new LabOptions(data, true, true, Duration.ofMinutes(1)),
                    LabProgress.NONE))
                    .isInstanceOf(LabException.class)
                    .hasMessageContaining("port 19000 is already in use")
                    .hasMessageContaining("only one full lab can run on a machine");
        }
        assertThat(processesUsing(data)).isEmpty();
    }

    @Test
    void aKilledApiServerStartsAgainWithItsDataAndTheSameAddress() {
        try (Lab lab = Lab.start(apiServerOnly(), LabProgress.NONE)) {
            assertThat(lab.processNames()).containsExactly("etcd", "kube-apiserver");
            try (var client = lab.client()) {
                client.configMaps().inNamespace("default").resource(new io.fabric8.kubernetes.api.model
                        .ConfigMapBuilder().withNewMetadata().withName("survives").endMetadata().build()).create();
            }
            long before = lab.pid("kube-apiserver");
            lab.kill("kube-apiserver");
            assertThat(ProcessHandle.of(before).filter(ProcessHandle::isAlive)).isEmpty();
            lab.startAgain("kube-apiserver");
            assertThat(lab.pid("kube-apiserver")).isNotEqualTo(before);
            assertThat(Lab.status(data)).get().asString().contains("2 processes");
            try (var client = lab.client()) {
                assertThat(client.configMaps().inNamespace("default").withName("survives").get()).isNotNull();
            }
            assertThatThrownBy(() -> lab.startAgain("etcd")).hasMessageContaining("etcd is still running");
            assertThatThrownBy(() -> lab.kill("nope")).hasMessageContaining("the lab has no process nope");
        }
        assertThat(processesUsing(data)).isEmpty();
    }

    @Test
    void startingWhileRunningIsRefusedAndTheRunningLabIsUntouched() {
        try (Lab lab = Lab.start(apiServerOnly(), LabProgress.NONE)) {
            assertThat(Lab.status(data)).get().asString().contains("2 processes").contains(lab.serverUrl());
            assertThatThrownBy(() -> Lab.start(apiServerOnly(), LabProgress.NONE))
                    .isInstanceOf(LabException.class)
                    .hasMessageContaining("already running")
                    .hasMessageContaining("capi-console lab stop");
            try (var client = lab.client()) {
                assertThat(client.getKubernetesVersion().getGitVersion()).startsWith("v1.36.");
            }
        }
        assertThat(Lab.status(data)).isEmpty();
        assertThat(processesUsing(data)).isEmpty();
    }

    @Test
    void aPartPastItsReadyTimeoutFailsWithItsLogTailAndStopsWhatStarted() {
        LabOptions impatient = new LabOptions(data, false, true, Duration.ofMillis(1));
        assertThatThrownBy(() -> Lab.start(impatient, LabProgress.NONE))
                .isInstanceOf(LabException.class)
                .hasMessageMatching("(?s)(etcd|kube-apiserver) was not ready after 0 s \\(last probe: .*Last lines of .*");
        assertThat(processesUsing(data)).isEmpty();
        assertThat(Lab.status(data)).isEmpty();
    }

    @Test
    void aProgramThatExitsWhileStartingShowsItsExitCodeAndLog() {
        LabProcess failing = LabProcess.start("failing", List.of("/bin/sh", "-c", "echo 'bad flag --x'; exit 3"),
                Map.of(), data.resolve("logs/failing.log"));
        assertThatThrownBy(() -> failing.awaitReady(() -> false, Duration.ofSeconds(10), () -> "none"))
                .isInstanceOf(LabException.class)
                .hasMessageContaining("failing exited with code 3 while starting")
                .hasMessageContaining("bad flag --x");
    }

    @Test
    void aMissingBinarySaysHowToRebuildIt() {
        assertThatThrownBy(() -> LabProcess.start("etcd", List.of(data.resolve("bin/etcd").toString()), Map.of(),
                data.resolve("logs/etcd.log")))
                .isInstanceOf(LabException.class)
                .hasMessageContaining("is missing or not executable")
                .hasMessageContaining("build-lab.sh --force etcd");
    }

    @Test
    void withoutGoTheBuildScriptSaysHowToGetIt() throws Exception {
        Path script = LabBinaries.extractBuildScript().resolve("build-lab.sh");
        ProcessBuilder builder = new ProcessBuilder("bash", script.toString(), "etcd").redirectErrorStream(true);
        builder.environment().put("LAB_BUILD_GO", data.resolve("no-go/bin/go").toString());
        builder.environment().put("CAPI_CONSOLE_LAB_CACHE", data.resolve("cache").toString());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).isNotZero();
        assertThat(output).contains("Go is not installed").contains("apt-get install golang-go");
    }

    private static List<ProcessHandle> processesUsing(Path dataDir) {
        LabProcess.sleep(300);
        return ProcessHandle.allProcesses()
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.info().arguments().map(args -> String.join(" ", args).contains(dataDir.toString()))
                        .orElse(false))
                .toList();
    }
}
