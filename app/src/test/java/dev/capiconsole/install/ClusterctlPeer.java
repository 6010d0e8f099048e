package dev.capiconsole.install;

import dev.capiconsole.lab.LabBinaries;
import dev.capiconsole.lab.LabFixture;
import dev.capiconsole.lab.LabProgress;
import dev.capiconsole.testing.Await;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * clusterctl v1.14, built by the lab build, as the reference peer of {@code init}: it installs from a local
 * repository made of the component files the lab build makes from the pinned Cluster API sources, and cert-manager
 * from a stand-in that has only cert-manager's API (nothing can run cert-manager's pods without kubelets).
 */
final class ClusterctlPeer {

    static final String VERSION = "v1.14.2";
    static final String CERT_MANAGER = "v1.21.1";

    /** One clusterctl run. */
    record Run(int exit, String output, Duration elapsed) {
    }

    private final Path work;
    private final Path components;
    private final Path clusterctl;
    private final Path certManagerFile;

    private ClusterctlPeer(Path work, Path components, Path clusterctl, Path certManagerFile) {
        this.work = work;
        this.components = components;
        this.clusterctl = clusterctl;
        this.certManagerFile = certManagerFile;
    }

    static ClusterctlPeer prepare(Path work) throws IOException {
        LabBinaries binaries = LabBinaries.ensure(LabProgress.NONE, "etcd", "kube-apiserver", "kubectl", "clusterctl");
        Path certManager = work.resolve("cert-manager-repo/cert-manager").resolve(CERT_MANAGER)
                .resolve("cert-manager.yaml");
        Files.createDirectories(certManager.getParent());
        try (InputStream in = ClusterctlPeer.class.getResourceAsStream("/install/cert-manager-api-only.yaml")) {
            Files.write(certManager, in.readAllBytes());
        }
        return new ClusterctlPeer(work, binaries.source("COMPONENTS_DIR"), binaries.binary("clusterctl"),
                certManager);
    }

    /** The lab build's component files, laid out as an overrides folder. */
    Path components() {
        return components;
    }

    /** An overrides folder holding only the cert-manager stand-in. */
    Path certManagerOverrides() {
        return certManagerFile.getParent().getParent().getParent();
    }

    Path certManagerFile() {
        return certManagerFile;
    }

    Path kubectl() {
        return clusterctl.resolveSibling("kubectl");
    }

    /** {@code clusterctl init ARGS} against the lab, with CLUSTER_TOPOLOGY=true and no network. */
    Run init(LabFixture lab, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("init"));
        command.addAll(List.of(args));
        return run(lab, true, command);
    }

    /** {@code clusterctl upgrade ARGS}: its output is stdout only (its log lines go to stderr). */
    Run upgrade(LabFixture lab, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("upgrade"));
        command.addAll(List.of(args));
        return run(lab, false, command);
    }

    /**
     * The clusterctl config file both tools read: the providers from the lab build's component files as a local
     * repository (so every release laid out there is offered), the cert-manager stand-in, CLUSTER_TOPOLOGY=true.
     */
    Path config() throws IOException {
        Path config = work.resolve("clusterctl.yaml");
        Files.writeString(config, "providers:\n"
                + provider("cluster-api", "CoreProvider", "cluster-api", "core-components.yaml")
                + provider("kubeadm", "BootstrapProvider", "bootstrap-kubeadm", "bootstrap-components.yaml")
                + provider("kubeadm", "ControlPlaneProvider", "control-plane-kubeadm", "control-plane-components.yaml")
                + provider("docker", "InfrastructureProvider", "infrastructure-docker",
                        "infrastructure-components-development.yaml")
                + "cert-manager:\n  url: " + certManagerFile + "\n  version: " + CERT_MANAGER + "\n"
                + "CLUSTER_TOPOLOGY: \"true\"\n");
        return config;
    }

    private Run run(LabFixture lab, boolean withLog, List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(clusterctl.toString()));
        command.addAll(args);
        command.addAll(List.of("--config", config().toString(), "--kubeconfig", lab.kubeconfig().toString()));
        ProcessBuilder builder = new ProcessBuilder(command);
        if (withLog) {
            builder.redirectErrorStream(true);
        } else {
            builder.redirectError(work.resolve("clusterctl-stderr.log").toFile());
        }
        builder.environment().put("XDG_CONFIG_HOME", work.resolve("clusterctl-home").toString());
        builder.environment().put("GOPROXY", "off");
        builder.environment().put("CLUSTER_TOPOLOGY", "true");
        long start = System.nanoTime();
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("clusterctl " + args.get(0) + " did not end within 5 minutes:\n"
                    + output);
        }
        if (!withLog && process.exitValue() != 0) {
            output += Files.readString(work.resolve("clusterctl-stderr.log"));
        }
        return new Run(process.exitValue(), output, Duration.ofNanos(System.nanoTime() - start));
    }

    private String provider(String name, String type, String label, String file) {
        return "  - name: " + name + "\n    type: " + type + "\n    url: "
                + components.resolve(label).resolve(VERSION).resolve(file) + "\n";
    }

    /**
     * clusterctl deletes its probe's namespace; without the namespace controller (kube-controller-manager) of a
     * real cluster it would stay Terminating. Its finalizer is removed here, as that controller would.
     */
    void finalizeProbeNamespace(LabFixture lab) throws IOException, InterruptedException {
        var namespace = lab.client().namespaces().withName("cert-manager-test").get();
        if (namespace == null || namespace.getMetadata().getDeletionTimestamp() == null) {
            return;
        }
        Path body = work.resolve("finalize.json");
        Files.writeString(body, "{\"apiVersion\":\"v1\",\"kind\":\"Namespace\",\"metadata\":{\"name\":"
                + "\"cert-manager-test\"},\"spec\":{\"finalizers\":[]}}");
        Process kubectl = new ProcessBuilder(kubectl().toString(), "--kubeconfig", lab.kubeconfig().toString(),
                "replace", "--raw", "/api/v1/namespaces/cert-manager-test/finalize", "-f", body.toString())
                .redirectErrorStream(true).start();
        String output = new String(kubectl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (kubectl.waitFor() != 0) {
            throw new IllegalStateException("kubectl could not finalize cert-manager-test: " + output);
        }
        Await.until(Duration.ofSeconds(30), "namespace cert-manager-test removed",
                () -> lab.client().namespaces().withName("cert-manager-test").get() == null);
    }

    /** A clusterctl config file with the lab's providers, {@code certManager} as cert-manager, then {@code extra}. */
    Path writeConfig(Path file, Path certManager, String extra) throws IOException {
        Files.writeString(file, "providers:\n"
                + provider("cluster-api", "CoreProvider", "cluster-api", "core-components.yaml")
                + provider("kubeadm", "BootstrapProvider", "bootstrap-kubeadm", "bootstrap-components.yaml")
                + provider("kubeadm", "ControlPlaneProvider", "control-plane-kubeadm", "control-plane-components.yaml")
                + provider("docker", "InfrastructureProvider", "infrastructure-docker",
                        "infrastructure-components-development.yaml")
                + "cert-manager:\n  url: " + certManager + "\n  version: " + CERT_MANAGER + "\n" + extra);
        return file;
    }

    /** {@code clusterctl ARGS --config CONFIG --kubeconfig LAB} with CLUSTER_TOPOLOGY=true and no network. */
    Run run(LabFixture lab, Path config, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(clusterctl.toString()));
        command.addAll(List.of(args));
        command.addAll(List.of("--config", config.toString(), "--kubeconfig", lab.kubeconfig().toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("XDG_CONFIG_HOME", work.resolve("clusterctl-home").toString());
        builder.environment().put("GOPROXY", "off");
        builder.environment().put("CLUSTER_TOPOLOGY", "true");
        long start = System.nanoTime();
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("clusterctl " + args[0] + " did not end within 5 minutes:\n" + output);
        }
        return new Run(process.exitValue(), output, Duration.ofNanos(System.nanoTime() - start));
    }
}
