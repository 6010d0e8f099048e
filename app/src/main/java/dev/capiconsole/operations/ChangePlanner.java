package dev.capiconsole.operations;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.capiconsole.templates.Semver;
import dev.capiconsole.topology.CapiObject;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Works out day-2 changes the way Cluster API expects them: a Cluster built from a ClusterClass is changed through
 * its {@code spec.topology} (the topology controller would undo a direct change to the objects it owns), any other
 * one through its KubeadmControlPlane and MachineDeployments; rollout restart and its refusals follow
 * {@code clusterctl alpha rollout restart}. Nothing here talks to a server.
 */
public final class ChangePlanner {

    static final String TOPOLOGY_OWNED = "topology.cluster.x-k8s.io/owned";
    static final String DEPLOYMENT_NAME = "topology.cluster.x-k8s.io/deployment-name";
    static final String PAUSED = "cluster.x-k8s.io/paused";
    static final String CONTROL_PLANE_LABEL = "cluster.x-k8s.io/control-plane";
    static final String AUTOSCALER_MIN = "cluster.x-k8s.io/cluster-api-autoscaler-node-group-min-size";
    static final String AUTOSCALER_MAX = "cluster.x-k8s.io/cluster-api-autoscaler-node-group-max-size";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String UNSET = "<unset>";

    private ChangePlanner() {
    }

    // ---- scale

    public static Change scaleControlPlane(CapiObject cluster, CapiObject controlPlane, int replicas) {
        if (replicas < 1) {
            throw new OperationRefused("a control plane needs at least 1 replica, got " + replicas);
        }
        boolean externalEtcd = controlPlane != null && controlPlane.get("spec", "kubeadmConfigSpec",
                "clusterConfiguration", "etcd", "external") != null;
        if (replicas % 2 == 0 && !externalEtcd) {
            throw new OperationRefused("cannot scale the control plane to " + replicas + ": with etcd stacked on the "
                    + "control plane machines the count must be odd (1, 3, 5...) to keep an etcd quorum");
        }
        if (topology(cluster)) {
            Long current = cluster.integer("spec", "topology", "controlPlane", "replicas");
            same(current, replicas, "the control plane of " + cluster.display());
            return merge(cluster, "Scale the control plane of " + cluster.display() + " to " + replicas,
                    Map.of("spec", Map.of("topology", Map.of("controlPlane", Map.of("replicas", replicas)))),
                    List.of(field("spec.topology.controlPlane.replicas", current, replicas)), List.of());
        }
        require(controlPlane, cluster.display() + " has no control plane object to scale");
        Long current = controlPlane.integer("spec", "replicas");
        same(current, replicas, controlPlane.display());
        return merge(controlPlane, "Scale " + controlPlane.display() + " to " + replicas,
                Map.of("spec", Map.of("replicas", replicas)), List.of(field("spec.replicas", current, replicas)),
                List.of());
    }

    public static Change scaleMachineDeployment(CapiObject cluster, CapiObject deployment, int replicas) {
        if (replicas < 0) {
            throw new OperationRefused("replicas must not be negative, got " + replicas);
        }
        Map<String, Object> annotations = deployment.map("metadata", "annotations");
        if (annotations.containsKey(AUTOSCALER_MIN) && annotations.containsKey(AUTOSCALER_MAX)) {
            throw new OperationRefused(deployment.display() + " is scaled by the cluster autoscaler (between "
                    + annotations.get(AUTOSCALER_MIN) + " and " + annotations.get(AUTOSCALER_MAX) + " replicas): change "
                    + "its autoscaler annotations instead");
        }
        int index = topologyIndex(cluster, deployment);
        if (index >= 0) {
            String base = "/spec/topology/workers/machineDeployments/" + index;
            Map<?, ?> item = topologyItem(cluster, index);
            Long current = item.get("replicas") instanceof Number n ? Long.valueOf(n.longValue()) : null;
            same(current, replicas, deployment.display());
            String name = String.valueOf(item.get("name"));
            return jsonPatch(cluster, "Scale MachineDeployment " + name + " of " + cluster.display() + " to "
                            + replicas + " (through the Cluster's topology)",
                    List.of(op("test", base + "/name", name),
                            op(current == null ? "add" : "replace", base + "/replicas", replicas)),
                    List.of(field("spec.topology.workers.machineDeployments[name=" + name + "].replicas", current,
                            replicas)), List.of());
        }
        Long current = deployment.integer("spec", "replicas");
        same(current, replicas, deployment.display());
        return merge(deployment, "Scale " + deployment.display() + " to " + replicas,
                Map.of("spec", Map.of("replicas", replicas)), List.of(field("spec.replicas", current, replicas)),
                List.of());
    }

    // ---- upgrade

    /** The control plane's (or the topology's) Kubernetes version, with the same checks as Cluster API's webhooks. */
    public static Change upgrade(CapiObject cluster, CapiObject controlPlane, String version) {
        return upgrade(cluster, controlPlane, version, List.of());
    }

    /**
     * As {@link #upgrade(CapiObject, CapiObject, String)}; a topology Cluster whose ClusterClass lists
     * {@code classVersions} may go to any later one of them (Cluster API chains the minors), as the Cluster webhook
     * allows: the version must be one of the class's, and no ceiling applies.
     */
    public static Change upgrade(CapiObject cluster, CapiObject controlPlane, String version,
                                 List<String> classVersions) {
        Semver target = version(version);
        if (topology(cluster)) {
            String current = cluster.text("spec", "topology", "version");
            if (classVersions.isEmpty()) {
                checkStep(current, target, version);
            } else {
                checkClassVersion(current, target, version, classVersions);
            }
            List<String> warnings = new ArrayList<>();
            if (controlPlane != null && !controlPlane.text("status", "version").isEmpty()
                    && !controlPlane.text("status", "version").equals(current)) {
                warnings.add("the control plane is still at " + controlPlane.text("status", "version")
                        + ": Cluster API refuses a new version until the previous upgrade is done");
            }
            warnings.add(classVersions.isEmpty()
                    ? "the control plane is upgraded first, then each MachineDeployment, machine by machine"
                    : "Cluster API goes through every minor version on the way (the class's latest of each), the "
                    + "control plane first, the workers when the version skew requires it and at the end");
            return merge(cluster, "Upgrade " + cluster.display() + " to Kubernetes " + version,
                    Map.of("spec", Map.of("topology", Map.of("version", version))),
                    List.of(new Change.FieldChange("spec.topology.version", orUnset(current), version)), warnings);
        }
        require(controlPlane, cluster.display() + " has no control plane object to upgrade");
        String current = controlPlane.text("spec", "version");
        checkStep(current, target, version);
        return merge(controlPlane, "Upgrade " + controlPlane.display() + " to Kubernetes " + version,
                Map.of("spec", Map.of("version", version)),
                List.of(new Change.FieldChange("spec.version", orUnset(current), version)),
                List.of("every control plane machine is replaced; upgrade the MachineDeployments "
                        + "(spec.template.spec.version) once the control plane is done"));
    }

    /** A MachineDeployment of a Cluster without topology: its machines' version, never above the control plane's. */
    public static Change upgradeMachineDeployment(CapiObject deployment, String controlPlaneVersion, String version) {
        Semver target = version(version);
        if (deployment.labels().containsKey(TOPOLOGY_OWNED)) {
            throw new OperationRefused(deployment.display() + " belongs to its Cluster's topology: upgrade the "
                    + "Cluster (spec.topology.version) instead");
        }
        String current = deployment.text("spec", "template", "spec", "version");
        Semver.tryParse(current).filter(c -> target.compareTo(c) < 0).ifPresent(c -> {
            throw new OperationRefused("version cannot be decreased from " + current + " to " + version);
        });
        Semver.tryParse(controlPlaneVersion).filter(cp -> target.compareTo(cp) > 0).ifPresent(cp -> {
            throw new OperationRefused("machines cannot run a newer Kubernetes than their control plane ("
                    + controlPlaneVersion + "): upgrade the control plane first");
        });
        if (version.equals(current)) {
            throw new AlreadyDone(deployment.display() + " is already at " + version);
        }
        return merge(deployment, "Upgrade " + deployment.display() + " to Kubernetes " + version,
                Map.of("spec", Map.of("template", Map.of("spec", Map.of("version", version)))),
                List.of(new Change.FieldChange("spec.template.spec.version", orUnset(current), version)),
                List.of("its machines are replaced one by one (rolling update)"));
    }

    /** The Kubernetes version an object declares: a Cluster's topology, a MachineDeployment's machines, else spec. */
    public static String declaredVersion(CapiObject object) {
        return switch (object.kind()) {
            case "Cluster" -> object.text("spec", "topology", "version");
            case "MachineDeployment" -> object.text("spec", "template", "spec", "version");
            default -> object.text("spec", "version");
        };
    }

    /**
     * The versions to offer when upgrading an object from {@code current}, the likeliest last. A MachineDeployment is
     * also offered its control plane's version (where its workers go next), first.
     */
    public static List<String> upgradeChoices(String kind, String current, String controlPlaneVersion) {
        List<String> next = new ArrayList<>(nextVersions(current));
        if (kind.equals("MachineDeployment") && !controlPlaneVersion.isEmpty()
                && !next.contains(controlPlaneVersion) && !controlPlaneVersion.equals(current)) {
            next.add(0, controlPlaneVersion);
        }
        return next;
    }

    /**
     * The versions to offer a topology Cluster at {@code current}: with a class listing Kubernetes versions, every
     * later one of them (the likeliest, the newest, last); else the next patch or minor.
     */
    public static List<String> upgradeChoices(String current, List<String> classVersions) {
        if (classVersions.isEmpty()) {
            return nextVersions(current);
        }
        Semver from = Semver.tryParse(current).orElse(null);
        return classVersions.stream().filter(v -> from == null
                || Semver.tryParse(v).map(s -> s.compareTo(from) > 0).orElse(false)).toList();
    }

    /** The versions an upgrade may go to next: a later patch of this minor, or the next minor. */
    public static List<String> nextVersions(String current) {
        return Semver.tryParse(current).map(v -> List.of(
                "v" + v.major() + "." + v.minor() + "." + (v.patch() + 1),
                "v" + v.major() + "." + (v.minor() + 1) + ".0")).orElse(List.of());
    }

    private static Semver version(String version) {
        if (version == null || !version.startsWith("v")) {
            throw new OperationRefused("version must start with v, e.g. v1.36.1 (got " + version + ")");
        }
        return Semver.tryParse(version).orElseThrow(() -> new OperationRefused(
                "version must be a valid semantic version, e.g. v1.36.1 (got " + version + ")"));
    }

    private static void checkStep(String current, Semver target, String version) {
        Semver from = Semver.tryParse(current).orElse(null);
        if (from == null) {
            return;
        }
        if (target.compareTo(from) == 0) {
            throw new AlreadyDone("already at " + current);
        }
        if (target.compareTo(from) < 0) {
            throw new OperationRefused("version cannot be decreased from " + current + " to " + version);
        }
        if (target.major() != from.major() || target.minor() > from.minor() + 1) {
            throw new OperationRefused("version cannot be increased from " + current + " to " + version
                    + ": Kubernetes is upgraded one minor version at a time (next: "
                    + String.join(" or ", nextVersions(current)) + ")");
        }
    }

    private static void checkClassVersion(String current, Semver target, String version, List<String> classVersions) {
        if (!classVersions.contains(version)) {
            throw new OperationRefused("version " + version + " is not one of the ClusterClass's Kubernetes versions ("
                    + String.join(", ", classVersions) + ")");
        }
        Semver.tryParse(current).ifPresent(from -> {
            if (target.compareTo(from) == 0) {
                throw new AlreadyDone("already at " + current);
            }
            if (target.compareTo(from) < 0) {
                throw new OperationRefused("version cannot be decreased from " + current + " to " + version);
            }
        });
    }

    // ---- worker upgrade annotations of a topology (defer-upgrade, hold-upgrade-sequence)

    /**
     * Sets or clears an annotation on one worker of a Cluster's topology ({@code machineDeployments} or
     * {@code machinePools}, by its topology name), where the topology controller reads the upgrade annotations.
     */
    public static Change topologyWorkerAnnotation(CapiObject cluster, String list, String workerName,
                                                  String annotation, boolean set) {
        if (!topology(cluster) || !(cluster.get("spec", "topology", "workers", list) instanceof List<?> workers)) {
            throw new OperationRefused(cluster.display() + " has no " + list + " in its topology");
        }
        for (int i = 0; i < workers.size(); i++) {
            if (workers.get(i) instanceof Map<?, ?> item && workerName.equals(item.get("name"))) {
                return workerAnnotation(cluster, list, i, item, annotation, set);
            }
        }
        throw new OperationRefused(cluster.display() + " has no " + workerName + " in spec.topology.workers." + list);
    }

    private static Change workerAnnotation(CapiObject cluster, String list, int index, Map<?, ?> item,
                                           String annotation, boolean set) {
        Map<?, ?> metadata = item.get("metadata") instanceof Map<?, ?> m ? m : Map.of();
        Map<?, ?> annotations = metadata.get("annotations") instanceof Map<?, ?> a ? a : Map.of();
        boolean present = annotations.containsKey(annotation);
        String where = "spec.topology.workers." + list + "[name=" + item.get("name") + "].metadata.annotations["
                + annotation + "]";
        if (present == set) {
            throw new OperationRefused(where + (set ? " is already set" : " is not set"));
        }
        String base = "/spec/topology/workers/" + list + "/" + index;
        List<Map<String, Object>> operations = new ArrayList<>();
        operations.add(op("test", base + "/name", item.get("name")));
        if (!set) {
            operations.add(removeOp(base + "/metadata/annotations/" + pointerToken(annotation)));
        } else if (!item.containsKey("metadata")) {
            operations.add(op("add", base + "/metadata", Map.of("annotations", Map.of(annotation, ""))));
        } else if (!metadata.containsKey("annotations")) {
            operations.add(op("add", base + "/metadata/annotations", Map.of(annotation, "")));
        } else {
            operations.add(op("add", base + "/metadata/annotations/" + pointerToken(annotation), ""));
        }
        String summary = (set ? "Set " : "Clear ") + annotation + " on worker " + item.get("name") + " of "
                + cluster.display();
        return jsonPatch(cluster, summary, operations, List.of(new Change.FieldChange(where, present ? "\"\"" : UNSET,
                set ? "\"\"" : UNSET)), List.of());
    }

    // ---- rollout restart (clusterctl alpha rollout restart)

    public static Change rolloutRestart(CapiObject cluster, CapiObject target, Instant now) {
        String kind = target.kind();
        String ref = kind.toLowerCase() + "/" + target.name();
        boolean v1beta1 = target.apiVersion().endsWith("/v1beta1");
        String field = v1beta1 ? "spec.rolloutAfter" : "spec.rollout.after";
        String after = v1beta1 ? target.text("spec", "rolloutAfter") : target.text("spec", "rollout", "after");
        switch (kind) {
            case "MachineDeployment" -> {
                if (Boolean.TRUE.equals(target.get("spec", "paused"))) {
                    throw new OperationRefused("can't restart paused MachineDeployment (run rollout resume first): "
                            + ref);
                }
                inFuture(after, now, "can't update MachineDeployment (remove '" + field + "' first): " + ref);
            }
            case "KubeadmControlPlane" -> {
                if (target.map("metadata", "annotations").containsKey(PAUSED)) {
                    throw new OperationRefused("can't restart paused KubeadmControlPlane (remove annotation '"
                            + PAUSED + "' first): " + ref);
                }
                inFuture(after, now, "can't update KubeadmControlPlane (remove '" + field + "' first): " + ref);
            }
            default -> throw new OperationRefused("Invalid resource type " + kind.toLowerCase()
                    + ". Valid values: [machinedeployment kubeadmcontrolplane]");
        }
        String time = now.truncatedTo(ChronoUnit.SECONDS).toString();
        String summary = "Restart the rollout of " + target.display() + ": replace every machine created before "
                + time;
        if (cluster != null && topology(cluster) && !cluster.apiVersion().endsWith("/v1beta1")) {
            if (kind.equals("KubeadmControlPlane")) {
                String current = cluster.text("spec", "topology", "controlPlane", "rollout", "after");
                return merge(cluster, summary + " (through the Cluster's topology)", Map.of("spec", Map.of("topology",
                                Map.of("controlPlane", Map.of("rollout", Map.of("after", time))))),
                        List.of(new Change.FieldChange("spec.topology.controlPlane.rollout.after", orUnset(current),
                                time)), List.of());
            }
            int index = topologyIndex(cluster, target);
            if (index >= 0) {
                Map<?, ?> item = topologyItem(cluster, index);
                String base = "/spec/topology/workers/machineDeployments/" + index;
                String current = item.get("rollout") instanceof Map<?, ?> r && r.get("after") != null
                        ? String.valueOf(r.get("after")) : null;
                Map<String, Object> operation = item.get("rollout") instanceof Map<?, ?>
                        ? op("add", base + "/rollout/after", time) : op("add", base + "/rollout", Map.of("after", time));
                return jsonPatch(cluster, summary + " (through the Cluster's topology)",
                        List.of(op("test", base + "/name", item.get("name")), operation),
                        List.of(new Change.FieldChange("spec.topology.workers.machineDeployments[name="
                                + item.get("name") + "].rollout.after", orUnset(current), time)), List.of());
            }
        }
        Map<String, Object> spec = v1beta1 ? Map.of("rolloutAfter", time) : Map.of("rollout", Map.of("after", time));
        return merge(target, summary, Map.of("spec", spec),
                List.of(new Change.FieldChange(field, orUnset(after), time)), List.of());
    }

    private static void inFuture(String after, Instant now, String message) {
        if (after == null || after.isEmpty()) {
            return;
        }
        try {
            if (Instant.parse(after).isAfter(now)) {
                throw new OperationRefused(message);
            }
        } catch (DateTimeParseException e) {
            // not a time this console can read: the server decides
        }
    }

    // ---- pause, delete

    public static Change pause(CapiObject cluster, boolean pause) {
        boolean paused = Boolean.TRUE.equals(cluster.get("spec", "paused"));
        if (pause == paused) {
            throw new OperationRefused(cluster.display() + (pause ? " is already paused"
                    : " is not paused (spec.paused is not set)"));
        }
        List<String> warnings = new ArrayList<>();
        if (!pause && cluster.map("metadata", "annotations").containsKey(PAUSED)) {
            warnings.add("the Cluster also has the " + PAUSED + " annotation, which keeps it paused until removed");
        }
        if (pause) {
            warnings.add("no controller changes anything of this cluster until it is resumed (deletion stalls too)");
        }
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("paused", pause ? Boolean.TRUE : null); // null removes the field, as clusterctl move does
        return merge(cluster, (pause ? "Pause" : "Resume") + " " + cluster.display(), Map.of("spec", spec),
                List.of(new Change.FieldChange("spec.paused", paused ? "true" : UNSET, pause ? "true" : UNSET)),
                warnings);
    }

    /** Deletes one Machine; its owner replaces it. The last control plane Machine is refused. */
    public static Change deleteMachine(CapiObject machine, int controlPlaneMachines) {
        boolean controlPlane = machine.labels().containsKey(CONTROL_PLANE_LABEL);
        if (controlPlane && controlPlaneMachines <= 1) {
            throw new OperationRefused(machine.display() + " is the only control plane machine: "
                    + "deleting it would make the control plane start over with a new etcd; scale the control plane "
                    + "up first");
        }
        String owner = machine.controller().map(o -> o.get("kind") + " " + o.get("name")).orElse(null);
        List<String> warnings = new ArrayList<>();
        if (controlPlane) {
            warnings.add("the KubeadmControlPlane removes its etcd member first, then creates a replacement");
        } else if (owner != null) {
            warnings.add("its " + owner + " creates a replacement once it is gone (the node is drained first)");
        } else {
            warnings.add("no MachineSet owns it: nothing replaces it");
        }
        return delete(machine, "Delete " + machine.display(), warnings);
    }

    public static Change deleteCluster(CapiObject cluster) {
        List<String> warnings = new ArrayList<>();
        warnings.add("every Machine, the control plane and the infrastructure of this cluster are deleted, workers "
                + "first; the workload cluster and everything on it are lost");
        if (Boolean.TRUE.equals(cluster.get("spec", "paused"))
                || cluster.map("metadata", "annotations").containsKey(PAUSED)) {
            warnings.add("the Cluster is paused: its deletion does not progress until it is resumed");
        }
        return delete(cluster, "Delete " + cluster.display(), warnings);
    }

    // ---- helpers

    private static boolean topology(CapiObject cluster) {
        return cluster != null && cluster.get("spec", "topology") instanceof Map<?, ?> t && !t.isEmpty();
    }

    /** The index of a topology-owned MachineDeployment in its Cluster's topology list, or -1. */
    static int topologyIndex(CapiObject cluster, CapiObject deployment) {
        Object name = deployment.labels().get(DEPLOYMENT_NAME);
        if (name == null || !topology(cluster)
                || !(cluster.get("spec", "topology", "workers", "machineDeployments") instanceof List<?> list)) {
            return -1;
        }
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i) instanceof Map<?, ?> item && name.equals(item.get("name"))) {
                return i;
            }
        }
        return -1;
    }

    private static Map<?, ?> topologyItem(CapiObject cluster, int index) {
        return (Map<?, ?>) ((List<?>) cluster.get("spec", "topology", "workers", "machineDeployments")).get(index);
    }

    private static void same(Long current, int replicas, String what) {
        if (current != null && current == replicas) {
            throw new AlreadyDone(what + " already has " + replicas + " replicas");
        }
    }

    private static void require(CapiObject object, String message) {
        if (object == null) {
            throw new OperationRefused(message);
        }
    }

    private static Change.FieldChange field(String path, Long before, long after) {
        return new Change.FieldChange(path, before == null ? UNSET : String.valueOf(before), String.valueOf(after));
    }

    private static String orUnset(String value) {
        return value == null || value.isEmpty() ? UNSET : value;
    }

    private static Map<String, Object> op(String op, String path, Object value) {
        Map<String, Object> operation = new LinkedHashMap<>();
        operation.put("op", op);
        operation.put("path", path);
        operation.put("value", value);
        return operation;
    }

    /** A key as one token of a JSON pointer (RFC 6901). */
    private static String pointerToken(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }

    private static Map<String, Object> removeOp(String path) {
        Map<String, Object> operation = new LinkedHashMap<>();
        operation.put("op", "remove");
        operation.put("path", path);
        return operation;
    }

    static Change.Target target(CapiObject object) {
        return new Change.Target(object.apiVersion(), object.kind(), object.namespace(), object.name(),
                object.text("metadata", "resourceVersion"));
    }

    /** A merge patch that also carries the resourceVersion read: a changed object makes the server refuse. */
    static Change merge(CapiObject object, String summary, Map<String, Object> patch,
                                List<Change.FieldChange> fields, List<String> warnings) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("resourceVersion", object.text("metadata", "resourceVersion"));
        if (patch.get("metadata") instanceof Map<?, ?> changed) {
            changed.forEach((key, value) -> metadata.put(String.valueOf(key), value));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("metadata", metadata);
        patch.forEach(body::putIfAbsent);
        return new Change(summary, target(object), Change.Kind.MERGE_PATCH, json(body), fields, warnings);
    }

    private static Change jsonPatch(CapiObject object, String summary, List<Map<String, Object>> operations,
                                    List<Change.FieldChange> fields, List<String> warnings) {
        List<Map<String, Object>> all = new ArrayList<>();
        // Setting the resourceVersion read makes it the update's precondition: a changed object gives a 409.
        all.add(op("replace", "/metadata/resourceVersion", object.text("metadata", "resourceVersion")));
        all.addAll(operations);
        return new Change(summary, target(object), Change.Kind.JSON_PATCH, json(all), fields, warnings);
    }

    private static Change delete(CapiObject object, String summary, List<String> warnings) {
        return new Change(summary, target(object), Change.Kind.DELETE, "", List.of(), warnings);
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
