package dev.capiconsole.live;

import dev.capiconsole.topology.ApiObjectSource;
import dev.capiconsole.topology.CapiObject;
import dev.capiconsole.topology.V1Beta1Core;
import dev.capiconsole.topology.ObjectRef;
import dev.capiconsole.topology.ObjectSource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A live copy of a management cluster's Cluster API objects: one informer (list once, then watch) per core kind
 * and per provider kind whose CRD carries a contract label. Serves describe snapshots without API requests and
 * tells a listener which objects changed. Kinds the user may not list are recorded as forbidden, not fatal.
 */
public final class ManagementIndex implements ObjectSource, AutoCloseable {

    static final String CORE_GROUP = "cluster.x-k8s.io";
    static final List<String> CORE_KINDS = List.of("Cluster", "Machine", "MachineDeployment", "MachineSet",
            "MachinePool");
    private static final Logger LOG = LoggerFactory.getLogger(ManagementIndex.class);

    /** A watched kind: its group, kind, the version it is read at, and its newest contract. */
    public record WatchedKind(String group, String kind, String version, String contract) {
    }

    private final KubernetesClient client;
    private final Map<String, CapiObject> objects = new ConcurrentHashMap<>();
    private final Map<String, WatchedKind> kinds = new ConcurrentHashMap<>();
    private final Set<String> forbidden = ConcurrentHashMap.newKeySet();
    private final List<SharedIndexInformer<GenericKubernetesResource>> informers =
            Collections.synchronizedList(new ArrayList<>());
    private final List<java.util.concurrent.CompletionStage<Void>> started = new ArrayList<>();
    private final ChangeListener listener;

    /** Told about every stored change, on an informer thread: keep it short. */
    @FunctionalInterface
    public interface ChangeListener {
        void changed(CapiObject object);
    }

    private ManagementIndex(KubernetesClient client, ChangeListener listener) {
        this.client = client;
        this.listener = listener;
    }

    /** Discovers the kinds, starts an informer for each, and waits until every one has listed. */
    public static ManagementIndex start(KubernetesClient client, ChangeListener listener) {
        ManagementIndex index = new ManagementIndex(client, listener);
        index.startInformers();
        return index;
    }

    private void startInformers() {
        List<WatchedKind> watched = new ArrayList<>();
        String coreVersion = V1Beta1Core.servedVersion(client);
        for (String kind : CORE_KINDS) {
            watched.add(new WatchedKind(CORE_GROUP, kind, coreVersion, coreVersion));
        }
        watched.add(new WatchedKind("addons.cluster.x-k8s.io", "ClusterResourceSetBinding", coreVersion,
                coreVersion));
        List<CustomResourceDefinition> crds = List.of();
        try {
            crds = client.apiextensions().v1().customResourceDefinitions().list().getItems();
        } catch (KubernetesClientException e) {
            // Without CRD access the provider kinds cannot be found: the core kinds are still watched.
            forbidden.add("CustomResourceDefinition");
        }
        for (CustomResourceDefinition crd : crds) {
            Map<String, String> labels = crd.getMetadata().getLabels();
            Optional<String> version = ApiObjectSource.newestContractVersion(labels);
            if (version.isPresent()) {
                watched.add(new WatchedKind(crd.getSpec().getGroup(), crd.getSpec().getNames().getKind(),
                        version.get(), ApiObjectSource.contractOf(labels)));
            }
        }
        for (WatchedKind kind : watched) {
            kinds.put(kind.group() + "/" + kind.kind(), kind);
            try {
                SharedIndexInformer<GenericKubernetesResource> informer = client
                        .genericKubernetesResources(kind.group() + "/" + kind.version(), kind.kind())
                        .inAnyNamespace().runnableInformer(0);
                informer.addEventHandler(new Handler(CORE_GROUP.equals(kind.group()) || kind.kind()
                        .equals("ClusterResourceSetBinding")));
                informer.exceptionHandler((running, error) -> {
                    if (error instanceof KubernetesClientException k && k.getCode() == 403) {
                        forbidden.add(kind.kind());
                        return false;
                    }
                    return running;
                });
                informers.add(informer);
                started.add(informer.start());
            } catch (KubernetesClientException e) {
                LOG.warn("Cannot watch {}: {}", kind, e.getMessage());
                forbidden.add(kind.kind());
            }
        }
        for (java.util.concurrent.CompletionStage<Void> stage : started) {
            try {
                stage.toCompletableFuture().get(60, TimeUnit.SECONDS);
            } catch (Exception e) {
                LOG.warn("An informer did not finish its first list: {}", e.getMessage());
            }
        }
    }

    private final class Handler implements ResourceEventHandler<GenericKubernetesResource> {
        private final boolean typed;

        Handler(boolean typed) {
            this.typed = typed;
        }

        @Override
        public void onAdd(GenericKubernetesResource resource) {
            store(resource);
        }

        @Override
        public void onUpdate(GenericKubernetesResource old, GenericKubernetesResource resource) {
            store(resource);
        }

        @Override
        public void onDelete(GenericKubernetesResource resource, boolean unknownFinalState) {
            Map<String, Object> raw = ApiObjectSource.map(resource);
            CapiObject object = typed ? V1Beta1Core.typed(raw) : CapiObject.unstructured(raw);
            objects.remove(key(group(object.apiVersion()), object.kind(), object.namespace(), object.name()));
            listener.changed(object);
        }

        private void store(GenericKubernetesResource resource) {
            Map<String, Object> raw = ApiObjectSource.map(resource);
            CapiObject object = typed ? V1Beta1Core.typed(raw) : CapiObject.unstructured(raw);
            objects.put(key(group(object.apiVersion()), object.kind(), object.namespace(), object.name()), object);
            listener.changed(object);
        }
    }

    private static String group(String apiVersion) {
        int slash = apiVersion.indexOf('/');
        return slash < 0 ? "" : apiVersion.substring(0, slash);
    }

    private static String key(String group, String kind, String namespace, String name) {
        return group + "/" + kind + "/" + namespace + "/" + name;
    }

    /** Every Cluster, by namespace and name. */
    public List<CapiObject> clusters() {
        return objects.values().stream()
                .filter(o -> o.kind().equals("Cluster") && group(o.apiVersion()).equals(CORE_GROUP))
                .sorted(Comparator.comparing(CapiObject::namespace).thenComparing(CapiObject::name))
                .toList();
    }

    /** Kinds the user may not list or watch; their objects are missing from the tree. */
    public Set<String> forbiddenKinds() {
        return Set.copyOf(forbidden);
    }

    public int watchedKinds() {
        return kinds.size();
    }

    @Override
    public CapiObject cluster(String namespace, String name) {
        return objects.get(key(CORE_GROUP, "Cluster", namespace, name));
    }

    @Override
    public List<CapiObject> list(String kind, String namespace, String clusterName) {
        String prefix = CORE_GROUP + "/" + kind + "/" + namespace + "/";
        return objects.entrySet().stream()
                .filter(e -> e.getKey().startsWith(prefix))
                .map(Map.Entry::getValue)
                .filter(o -> clusterName.equals(o.labels().get("cluster.x-k8s.io/cluster-name")))
                .sorted(Comparator.comparing(CapiObject::name))
                .toList();
    }

    @Override
    public CapiObject referenced(ObjectRef ref) {
        return objects.get(key(ref.apiGroup(), ref.kind(), ref.namespace(), ref.name()));
    }

    @Override
    public String contract(String apiGroup, String kind) {
        WatchedKind watched = kinds.get(apiGroup + "/" + kind);
        return watched == null ? "v1beta2" : watched.contract();
    }

    @Override
    public CapiObject resourceSetBinding(String namespace, String clusterName) {
        return objects.get(key("addons.cluster.x-k8s.io", "ClusterResourceSetBinding", namespace, clusterName));
    }

    @Override
    public void close() {
        synchronized (informers) {
            informers.forEach(SharedIndexInformer::close);
            informers.clear();
        }
    }
}
