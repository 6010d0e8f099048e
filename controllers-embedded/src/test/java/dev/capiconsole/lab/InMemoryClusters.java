package dev.capiconsole.lab;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** In-memory clusters on a lab, made the way an operator makes them: the lab's clusterctl, then apply. */
final class InMemoryClusters {

    private final Lab lab;
    private final KubernetesClient client;
    private final Path workDir;

    InMemoryClusters(Lab lab, KubernetesClient client, Path workDir) {
        this.lab = lab;
        this.client = client;
        this.workDir = workDir;
    }

    /** Installs the in-memory ClusterClass, then generates and applies a cluster of the in-memory flavor. */
    void create(String name, String namespace, int controlPlanes, int workers) throws IOException, InterruptedException {
        Path templates = lab.binaries().source("CAPD_TEMPLATES_DIR");
        apply(Files.readString(templates.resolve("clusterclass-in-memory.yaml")), namespace);
        apply(clusterctl("generate", "cluster", name,
                "--from", templates.resolve("cluster-template-in-memory.yaml").toString(),
                "--kubernetes-version", "v1.36.0",
                "--control-plane-machine-count", Integer.toString(controlPlanes),
                "--worker-machine-count", Integer.toString(workers),
                "--target-namespace", namespace), namespace);
    }

    /** Waits until the cluster is Provisioned, its control plane Available and all its workers ready. */
    void awaitReady(String name, String namespace, int workers, Duration timeout) {
        await("Cluster " + name + " Provisioned", timeout, () -> "Provisioned".equals(status(cluster(name, namespace)).get("phase")));
        await("control plane of " + name + " Available", timeout,
                () -> conditionTrue(cluster(name, namespace), "ControlPlaneAvailable"));
        await("MachineDeployment of " + name + " with " + workers + " ready replicas", timeout, () -> client
                .genericKubernetesResources("cluster.x-k8s.io/v1beta2", "MachineDeployment").inNamespace(namespace)
                .withLabel("cluster.x-k8s.io/cluster-name", name).list().getItems().stream()
                .anyMatch(md -> Integer.valueOf(workers).equals(status(md).get("readyReplicas"))));
    }

    GenericKubernetesResource cluster(String name, String namespace) {
        return client.genericKubernetesResources("cluster.x-k8s.io/v1beta2", "Cluster").inNamespace(namespace)
                .withName(name).get();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> status(GenericKubernetesResource resource) {
        Object status = resource == null ? null : resource.getAdditionalProperties().get("status");
        return status instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    @SuppressWarnings("unchecked")
    static boolean conditionTrue(GenericKubernetesResource resource, String type) {
        Object conditions = status(resource).get("conditions");
        if (!(conditions instanceof List<?> list)) {
            return false;
        }
        return list.stream().map(c -> (Map<String, Object>) c)
                .anyMatch(c -> type.equals(c.get("type")) && "True".equals(c.get("status")));
    }

    void apply(String yaml, String namespace) {
        for (Object document : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(yaml)) {
            if (document == null) {
                continue;
            }
            GenericKubernetesResource resource =
                    Serialization.unmarshal(Serialization.asJson(document), GenericKubernetesResource.class);
            client.resource(resource).inNamespace(namespace).fieldManager("capi-console-test").forceConflicts()
                    .serverSideApply();
        }
    }

    String clusterctl(String... args) throws IOException, InterruptedException {
        Path config = workDir.resolve("clusterctl.yaml");
        if (!Files.exists(config)) {
            Files.writeString(config, "");
        }
        List<String> command = new ArrayList<>(List.of(lab.binaries().binary("clusterctl").toString()));
        command.addAll(List.of(args));
        command.addAll(List.of("--kubeconfig", lab.kubeconfig().toString(), "--config", config.toString()));
        Path errors = workDir.resolve("clusterctl.err");
        Process process = new ProcessBuilder(command).redirectError(errors.toFile()).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new AssertionError("clusterctl " + String.join(" ", args) + " failed: " + Files.readString(errors));
        }
        return out;
    }

    void await(String what, Duration timeout, Supplier<Boolean> condition) {
        Instant deadline = Instant.now().plus(timeout);
        while (!Boolean.TRUE.equals(condition.get())) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError(what + " not reached within " + timeout.toSeconds() + " s");
            }
            LabProcess.sleep(250);
        }
    }
}
