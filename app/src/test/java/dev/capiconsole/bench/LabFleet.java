package dev.capiconsole.bench;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A fleet of paused Clusters with bare Machines in namespace default of the lab, for benchmarks. Paused, no
 * controller acts on them: every change to them is the benchmark's own.
 */
final class LabFleet {

    static final String NAMESPACE = "default";
    static final String FIELD_MANAGER = "capi-console-bench";

    private LabFleet() {
    }

    /** Clusters {@code prefix-0 .. prefix-(clusters-1)} of {@code machines} Machines each, made by a few threads. */
    static void create(KubernetesClient admin, String prefix, int clusters, int machines) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> made = new ArrayList<>();
            for (int c = 0; c < clusters; c++) {
                String name = prefix + "-" + c;
                made.add(pool.submit(() -> createPausedCluster(admin, name, machines)));
            }
            for (Future<?> future : made) {
                future.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    static void createPausedCluster(KubernetesClient admin, String name, int machines) {
        apply(admin, Map.of("apiVersion", "cluster.x-k8s.io/v1beta2", "kind", "Cluster",
                "metadata", Map.of("name", name, "namespace", NAMESPACE),
                "spec", Map.of("paused", true, "infrastructureRef", Map.of("apiGroup",
                        "infrastructure.cluster.x-k8s.io", "kind", "DevCluster", "name", name))));
        for (int i = 0; i < machines; i++) {
            apply(admin, machine(name, name + "-m" + i));
        }
    }

    /** A bare Machine of cluster {@code cluster}. */
    static Map<String, Object> machine(String cluster, String name) {
        return Map.of("apiVersion", "cluster.x-k8s.io/v1beta2", "kind", "Machine",
                "metadata", Map.of("name", name, "namespace", NAMESPACE,
                        "labels", Map.of("cluster.x-k8s.io/cluster-name", cluster)),
                "spec", Map.of("clusterName", cluster, "version", "v1.36.0",
                        "bootstrap", Map.of("dataSecretName", cluster + "-bootstrap"),
                        "infrastructureRef", Map.of("apiGroup", "infrastructure.cluster.x-k8s.io",
                                "kind", "DevMachine", "name", name)));
    }

    /** Server-side apply of {@code object}; returns the object as stored. */
    static GenericKubernetesResource apply(KubernetesClient client, Map<String, Object> object) {
        GenericKubernetesResource resource =
                Serialization.unmarshal(Serialization.asJson(object), GenericKubernetesResource.class);
        return client.resource(resource).inNamespace(NAMESPACE).fieldManager(FIELD_MANAGER).forceConflicts()
                .serverSideApply();
    }
}
