package dev.capiconsole.bootstrap;

import dev.capiconsole.templates.KubernetesNames;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * What {@code kind create cluster} is given: the cluster's name, the node image (a Kubernetes version), worker
 * nodes, and for Cluster API's docker provider the host's Docker socket mounted into the node (the provider runs
 * its machines as sibling containers through it), as the Cluster API quick start does.
 */
public record KindClusterConfig(String name, String nodeImage, int workers, boolean dockerProvider) {

    public static final String DOCKER_SOCKET = "/var/run/docker.sock";

    public KindClusterConfig {
        KubernetesNames.clusterNameProblem(name).ifPresent(problem -> {
            throw new BootstrapException("invalid kind cluster name: " + problem);
        });
        if (workers < 0) {
            throw new BootstrapException("worker nodes must not be negative, got " + workers);
        }
        if (nodeImage != null && !nodeImage.isBlank() && !nodeImage.contains(":")) {
            throw new BootstrapException("node image must name a tag, e.g. kindest/node:v1.33.1 (got " + nodeImage
                    + ")");
        }
    }

    /** The node image for a Kubernetes version, as kind publishes them. */
    public static String imageFor(String kubernetesVersion) {
        return "kindest/node:" + (kubernetesVersion.startsWith("v") ? kubernetesVersion : "v" + kubernetesVersion);
    }

    /** The kubeconfig context kind creates. */
    public String context() {
        return "kind-" + name;
    }

    /** The kind configuration file (kind.x-k8s.io/v1alpha4). */
    public String yaml() {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("kind", "Cluster");
        config.put("apiVersion", "kind.x-k8s.io/v1alpha4");
        config.put("name", name);
        List<Map<String, Object>> nodes = new ArrayList<>();
        Map<String, Object> controlPlane = new LinkedHashMap<>();
        controlPlane.put("role", "control-plane");
        if (nodeImage != null && !nodeImage.isBlank()) {
            controlPlane.put("image", nodeImage);
        }
        if (dockerProvider) {
            Map<String, Object> socket = new LinkedHashMap<>(); // a fixed order: the same config text every time
            socket.put("hostPath", DOCKER_SOCKET);
            socket.put("containerPath", DOCKER_SOCKET);
            controlPlane.put("extraMounts", List.of(socket));
        }
        nodes.add(controlPlane);
        for (int i = 0; i < workers; i++) {
            Map<String, Object> worker = new LinkedHashMap<>();
            worker.put("role", "worker");
            if (nodeImage != null && !nodeImage.isBlank()) {
                worker.put("image", nodeImage);
            }
            nodes.add(worker);
        }
        config.put("nodes", nodes);
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        return new Yaml(options).dump(config);
    }
}
