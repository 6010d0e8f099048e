package dev.capiconsole.live;

import dev.capiconsole.topology.ApiObjectSource;
import dev.capiconsole.topology.CapiObject;
import dev.capiconsole.topology.ObjectRef;
import dev.capiconsole.topology.ObjectSource;
import dev.capiconsole.topology.V1Beta1Core;
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
import java.util.concurrent.atomic.AtomicBoolean;
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
            "MachinePool", "MachineHealthCheck");
    private static final Logger LOG = LoggerFactory.getLogger(ManagementIndex.class);

    /** A watched kind: its group, kind, the version it is read at, and its newest contract. */
    public record WatchedKind(String group, String kind, String version, String contract) {
    }

    private final KubernetesClient client;
    private final Map<String, CapiObject> objects = new ConcurrentHashMap<>();
    private final ObjectsByCluster byCluster = new ObjectsByCluster(CORE_GROUP);
    private final Map<String, WatchedKind> kinds = new ConcurrentHashMap<>();
    private final Set<String> forbidden = ConcurrentHashMap.newKeySet();
    private final List<SharedIndexInformer<GenericKubernetesResource>> informers =
            Collections.synchronizedList(new ArrayList<>());
    private final List<java.util.concurrent.CompletionStage<Void>> started = new ArrayList<>();
    private final ChangeListener listener;
    private final List<String> fallbackNamespaces;
    private final Map<String, List<String>> namespaceScoped = new ConcurrentHashMap<>();
    private volatile String lastFailure = "";
    private volatile String rejected;
    private final AtomicBoolean checkingCredentials = new AtomicBoolean();

    /**
     * Told about every stored change, on an informer thread: keep it short. The object is null when what is
     * watched changed (a namespaced fallback started). A deleted object comes as its identity only (apiVersion, kind,
     * namespace, name): the informers keep no more of it.
     */
    @FunctionalInterface
    public interface ChangeListener {
        void changed(CapiObject object);
    }

    private ManagementIndex(KubernetesClient client, ChangeListener listener, List<String> fallbackNamespaces) {
        this.client = client;
        this.listener = listener;
        this.fallbackNamespaces = List.copyOf(fallbackNamespaces);
    }

    /**
     * Discovers the kinds, starts an informer for each, and waits until every one has listed. A kind the user may
     * not list cluster-wide is then watched in the client's namespace (the kubeconfig context's), as an operator
     * with a namespaced role expects.
     */
    public static ManagementIndex start(KubernetesClient client, ChangeListener listener) {
        String namespace = client.getNamespace();
        return start(client, listener, namespace == null || namespace.isEmpty() ? List.of() : List.of(namespace));
    }

    /** As {@link #start(KubernetesClient, ChangeListener)}, falling back to the given namespaces. */
    public static ManagementIndex start(KubernetesClient client, ChangeListener listener,
                                        List<String> fallbackNamespaces) {
        ManagementIndex index = new ManagementIndex(client, listener, fallbackNamespaces);
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
                SharedIndexInformer<GenericKubernetesResource> informer = informer(kind, client
                        .genericKubernetesResources(kind.group() + "/" + kind.version(), kind.kind())
                        .inAnyNamespace().runnableInformer(0));
                informer.exceptionHandler((running, error) -> {
                    if (forbiddenError(error)) {
                        refused(kind);
                        return false;
                    }
                    return retryAfter(running, error);
                });
                informers.add(informer);
                started.add(informer.start().whenComplete((done, error) -> {
                    if (forbiddenError(error)) {
                        refused(kind);
                    }
                }));
            } catch (KubernetesClientException e) {
                LOG.warn("Cannot watch {}: {}", kind, e.getMessage());
                forbidden.add(kind.kind());
            }
        }
        for (java.util.concurrent.CompletionStage<Void> stage : started) {
            try {
                stage.toCompletableFuture().get(60, TimeUnit.SECONDS);
            } catch (Exception e) {
                if (!forbiddenError(e)) {
                    LOG.warn("An informer did not finish its first list: {}", e.getMessage());
                }
            }
        }
    }

    private static boolean forbiddenError(Throwable error) {
        return code(error) == 403;
    }

    private static int code(Throwable error) {
        for (Throwable e = error; e != null; e = e.getCause()) {
            if (e instanceof KubernetesClientException k && k.getCode() > 0) {
                return k.getCode();
            }
        }
        return 0;
    }

    /**
     * A watch or list of a running informer failed: retry (the informer backs off) unless the credentials were
     * rejected. Retrying with rejected credentials cannot succeed and only loads the API server: the informers stop
     * and the user is told to connect again.
     */
    private boolean retryAfter(boolean running, Throwable error) {
        if (code(error) == 401) {
            stopOnRejectedCredentials(error);
            return false;
        }
        lastFailure = describe(error);
        return running;
    }

    private void stopOnRejectedCredentials(Throwable error) {
        if (rejected == null) {
            LOG.warn("The API server rejected the credentials; stopping the watches: {}", describe(error));
        }
        rejected = describe(error);
        Thread stopper = new Thread(this::close, "capi-console-stop-watches");
        stopper.setDaemon(true);
        stopper.start();
    }

    /** A short cause for the user: the HTTP code, or the innermost message (no request details, no secrets). */
    static String describe(Throwable error) {
        int code = code(error);
        if (code > 0) {
            return "HTTP " + code;
        }
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return message == null || message.isBlank() ? root.getClass().getSimpleName() : message;
    }

    /**
     * Whether every running watch is open: a running informer that is not watching is re-listing or waiting to
     * reconnect. Informers stopped on purpose (kinds refused) do not count.
     */
    public WatchHealth health() {
        String rejectedCause = rejected;
        if (rejectedCause != null) {
            return WatchHealth.rejected(rejectedCause);
        }
        List<SharedIndexInformer<GenericKubernetesResource>> current;
        synchronized (informers) {
            current = List.copyOf(informers);
        }
        boolean lost = current.stream().anyMatch(i -> i.isRunning() && !i.isWatching());
        return lost ? WatchHealth.reconnecting(lastFailure) : WatchHealth.WATCHING;
    }

    /**
     * Starts one cheap authenticated request (the API server's version) in the background, unless one is under way
     * or the watches were stopped, and stops the watches if the answer is 401. fabric8 re-opens a broken watch by
     * itself and tells the exception handler only of failed lists, so a token revoked under a running watch would
     * otherwise be retried quietly for ever. In the background because the client retries an unreachable server for
     * up to about 100 s.
     */
    public void checkCredentials() {
        if (rejected != null || !checkingCredentials.compareAndSet(false, true)) {
            return;
        }
        Thread check = new Thread(() -> {
            try {
                client.getKubernetesVersion();
            } catch (RuntimeException e) {
                if (code(e) == 401) {
                    stopOnRejectedCredentials(e);
                } else {
                    lastFailure = describe(e);
                }
            } finally {
                checkingCredentials.set(false);
            }
        }, "capi-console-credential-check");
        check.setDaemon(true);
        check.start();
    }

    /** The cluster-wide watch of a kind was refused: record it, and try the fallback namespaces. */
    private void refused(WatchedKind kind) {
        if (forbidden.add(kind.kind()) && !fallbackNamespaces.isEmpty()) {
            Thread fallback = new Thread(() -> watchNamespaces(kind), "capi-console-namespaced");
            fallback.setDaemon(true);
            fallback.start();
        }
    }

    /** Gives a new, not yet started informer of {@code kind} its store and this index's handler. */
    private SharedIndexInformer<GenericKubernetesResource> informer(WatchedKind kind,
            SharedIndexInformer<GenericKubernetesResource> informer) {
        informer.itemStore(new IdentityItemStore());
        informer.addEventHandler(new Handler(CORE_GROUP.equals(kind.group()) || kind.kind()
                .equals("ClusterResourceSetBinding")));
        return informer;
    }

    /** Watches a kind in each fallback namespace after the cluster-wide watch was refused. */
    private void watchNamespaces(WatchedKind kind) {
        List<String> allowed = Collections.synchronizedList(new ArrayList<>());
        for (String namespace : fallbackNamespaces) {
            SharedIndexInformer<GenericKubernetesResource> informer = informer(kind, client
                    .genericKubernetesResources(kind.group() + "/" + kind.version(), kind.kind())
                    .inNamespace(namespace).runnableInformer(0));
            informer.exceptionHandler((running, error) -> {
                if (forbiddenError(error)) {
                    allowed.remove(namespace);
                    return false;
                }
                return retryAfter(running, error);
            });
            allowed.add(namespace);
            synchronized (informers) {
                informers.add(informer);
            }
            try {
                informer.start().toCompletableFuture().get(60, TimeUnit.SECONDS);
            } catch (Exception e) {
                LOG.info("Cannot watch {} in namespace {} either: {}", kind.kind(), namespace, e.getMessage());
                allowed.remove(namespace);
            }
        }
        if (!allowed.isEmpty()) {
            namespaceScoped.put(kind.kind(), List.copyOf(allowed));
            listener.changed(null);
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
            // The informer hands over only the identity of a deleted object: the stored one says its cluster.
            CapiObject stored = objects.remove(key(object));
            if (stored != null) {
                byCluster.deleted(stored);
            }
            listener.changed(object);
        }

        private void store(GenericKubernetesResource resource) {
            Map<String, Object> raw = ApiObjectSource.map(resource);
            CapiObject object = typed ? V1Beta1Core.typed(raw) : CapiObject.unstructured(raw);
            CapiObject previous = objects.put(key(object), object);
            byCluster.stored(object, previous);
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

    private static String key(CapiObject object) {
        return key(group(object.apiVersion()), object.kind(), object.namespace(), object.name());
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

    /**
     * Kinds the user may not list cluster-wide but may in some namespaces, with those namespaces: only their
     * objects of that kind are shown.
     */
    public Map<String, List<String>> namespaceScopedKinds() {
        return Map.copyOf(namespaceScoped);
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
        return byCluster.list(kind, namespace, clusterName);
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
