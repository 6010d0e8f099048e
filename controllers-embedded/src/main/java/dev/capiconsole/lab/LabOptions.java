package dev.capiconsole.lab;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * How to run the lab.
 *
 * @param dataDir where the lab keeps its etcd data, certificates, kubeconfig, logs and ports
 * @param controllers {@code false} starts only etcd and kube-apiserver (for tests that install providers)
 * @param stopWithThisProcess {@code true} ties the lab's processes to this JVM: a watchdog ends them when it dies
 * @param readyTimeout how long each part may take to become ready
 */
public record LabOptions(Path dataDir, boolean controllers, boolean stopWithThisProcess, Duration readyTimeout) {

    public static LabOptions defaults() {
        return new LabOptions(defaultDataDir(System.getenv(), Path.of(System.getProperty("user.home"))), true, true,
                Duration.ofMinutes(2));
    }

    public LabOptions withDataDir(Path dir) {
        return new LabOptions(dir, controllers, stopWithThisProcess, readyTimeout);
    }

    public LabOptions apiServerOnly() {
        return new LabOptions(dataDir, false, stopWithThisProcess, readyTimeout);
    }

    public LabOptions detached() {
        return new LabOptions(dataDir, controllers, false, readyTimeout);
    }

    /** {@code $XDG_DATA_HOME/capi-console/lab}, else {@code ~/.local/share/capi-console/lab}. */
    static Path defaultDataDir(Map<String, String> environment, Path home) {
        String xdg = environment.get("XDG_DATA_HOME");
        Path base = xdg == null || xdg.isBlank() ? home.resolve(".local/share") : Path.of(xdg);
        return base.resolve("capi-console").resolve("lab");
    }
}
