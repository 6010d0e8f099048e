package dev.capiconsole.faults;

import dev.capiconsole.topology.ClusterSummary;
import dev.capiconsole.topology.TreeNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a fault test compares: the overview's rows and the describe tree of one cluster, reduced to what must match
 * the API server (which objects, and the fields the test changes), read either from the console's view-model or
 * fresh from the API server. Equal views mean no stale, missing or duplicated row.
 */
record ConsoleView(List<String> overview, List<String> tree) {

    static final String CASE_LABEL = "fault.capi-console.dev/case";
    private static final Set<String> TREE_KINDS = Set.of("Cluster", "MachineDeployment", "Machine");
    private static final String CORE = "cluster.x-k8s.io/v1beta2";

    /** The rows the console shows; duplicates kept, so a duplicated row makes the views differ. */
    static ConsoleView of(List<ClusterSummary> rows, TreeNode root) {
        List<String> overview = rows.stream().map(r -> row(r.namespace(), r.name(), r.paused())).sorted().toList();
        List<String> tree = new java.util.ArrayList<>();
        if (root != null) {
            Deque<TreeNode> open = new ArrayDeque<>();
            open.push(root);
            while (!open.isEmpty()) {
                TreeNode node = open.pop();
                if (node.object() != null && TREE_KINDS.contains(node.kind()) && node.shape() == TreeNode.Shape.OBJECT) {
                    tree.add(treeRow(node.kind(), node.name(), node.object().labels(),
                            node.object().integer("spec", "replicas")));
                }
                node.children().forEach(open::push);
            }
        }
        return new ConsoleView(overview, tree.stream().sorted().toList());
    }

    /** The same, listed now from the API server. */
    static ConsoleView fresh(KubernetesClient admin, String namespace, String cluster) {
        List<String> overview = admin.genericKubernetesResources(CORE, "Cluster").inAnyNamespace().list().getItems()
                .stream().map(c -> row(c.getMetadata().getNamespace(), c.getMetadata().getName(),
                        Boolean.TRUE.equals(spec(c).get("paused")))).sorted().toList();
        List<String> tree = new java.util.ArrayList<>();
        GenericKubernetesResource root = admin.genericKubernetesResources(CORE, "Cluster").inNamespace(namespace)
                .withName(cluster).get();
        if (root != null) {
            tree.add(treeRow("Cluster", cluster, labels(root), null));
            for (String kind : List.of("MachineDeployment", "Machine")) {
                admin.genericKubernetesResources(CORE, kind).inNamespace(namespace)
                        .withLabel("cluster.x-k8s.io/cluster-name", cluster).list().getItems()
                        .forEach(o -> tree.add(treeRow(kind, o.getMetadata().getName(), labels(o),
                                replicas(kind, o))));
            }
        }
        return new ConsoleView(overview, tree.stream().sorted().toList());
    }

    private static Long replicas(String kind, GenericKubernetesResource object) {
        return kind.equals("MachineDeployment") && spec(object).get("replicas") instanceof Number n
                ? n.longValue() : null;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> spec(GenericKubernetesResource object) {
        return object.getAdditionalProperties().get("spec") instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    private static Map<String, Object> labels(GenericKubernetesResource object) {
        Map<String, String> labels = object.getMetadata().getLabels();
        return labels == null ? Map.of() : new TreeMap<>(labels);
    }

    private static String row(String namespace, String name, boolean paused) {
        return namespace + "/" + name + (paused ? " paused" : "");
    }

    /** A tree row: kind and name, the test's label on a Cluster, the replicas of a MachineDeployment. */
    private static String treeRow(String kind, String name, Map<String, Object> labels, Long replicas) {
        StringBuilder row = new StringBuilder(kind).append(' ').append(name);
        if (kind.equals("Cluster")) {
            row.append(" case=").append(labels.getOrDefault(CASE_LABEL, "-"));
        }
        if (kind.equals("MachineDeployment")) {
            row.append(" replicas=").append(replicas);
        }
        return row.toString();
    }

    /** What differs, for failure messages. */
    String difference(ConsoleView fresh) {
        Set<String> missing = new TreeSet<>(fresh.overview);
        missing.addAll(fresh.tree);
        Set<String> shown = new TreeSet<>(overview);
        shown.addAll(tree);
        Set<String> stale = new TreeSet<>(shown);
        stale.removeAll(missing);
        missing.removeAll(shown);
        return "stale " + stale + ", missing " + missing + (equals(fresh) ? "" : "; shown " + this + ", fresh " + fresh);
    }
}
