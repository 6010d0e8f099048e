package dev.capiconsole.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A JVM killed with SIGKILL cannot clean up; the watchdog must end the lab's processes for it. */
class LabWatchdogIT {

    @TempDir
    Path data;

    @Test
    void killingTheOwningJvmLeavesNoOrphans() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process holder = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                LabHolder.class.getName(), data.toString()).redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null && !line.equals("READY")) {
                System.out.println("[holder] " + line);
            }
            assertThat(line).as("the holder JVM started its lab").isEqualTo("READY");
        }
        List<ProcessHandle> lab = LabState.liveProcesses(new LabLayout(data));
        assertThat(lab).hasSize(2);

        holder.destroyForcibly();
        assertThat(holder.waitFor(10, TimeUnit.SECONDS)).isTrue();

        Instant deadline = Instant.now().plusSeconds(20);
        while (lab.stream().anyMatch(ProcessHandle::isAlive) && Instant.now().isBefore(deadline)) {
            LabProcess.sleep(200);
        }
        assertThat(lab).noneMatch(ProcessHandle::isAlive);
        System.out.printf("[measure] orphans ended %d ms after the kill%n",
                Duration.between(deadline.minusSeconds(20), Instant.now()).toMillis());
    }
}
