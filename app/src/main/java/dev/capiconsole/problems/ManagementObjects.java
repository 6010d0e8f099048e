package dev.capiconsole.problems;

import dev.capiconsole.install.InstalledProvider;
import dev.capiconsole.topology.CapiObject;
import dev.capiconsole.topology.ObjectRef;
import dev.capiconsole.topology.V1Beta1Core;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the problem rules look at, read once: the Cluster API objects by kind, the objects their references point at
 * (every object of each referenced kind), which referenced kinds are not served, the Clusters' Secrets by name, and
 * the provider inventory with its controller Deployments. A kind that could not be read is noted, not guessed.
 */
public final class ManagementObjects {

    static final String CORE = "cluster.x-k8s.io";
    static final String ADDONS = "addons.cluster.x-k8s.io";

    private final Instant now;
    private final Map<String, List<CapiObject>> byKind = new LinkedHashMap<>();
    private final Map<String, CapiObject> byKey = new HashMap<>();
    private final Set<String> readKinds = new HashSet<>();
    private final Set<String> unservedKinds = new HashSet<>();
    private final Map<String, String> kindProviders = new HashMap<>();
    private final Set<String> secrets = new HashSet<>();
    private final List<InstalledProvider> providers = new ArrayList<>();
    private final List<ProviderDeployment> deployments = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private String namespace;

    public ManagementObjects(Instant now) {
        this.now = now;
    }

    /** Adds an object read from the server; core and add-on kinds are read as typed (v1beta1 converted). */
    public ManagementObjects add(Map<String, Object> raw) {
        String group = group(String.valueOf(raw.get("apiVersion")));
        CapiObject object = group.equals(CORE) || group.equals(ADDONS) ? V1Beta1Core.typed(raw)
                : CapiObject.unstructured(raw);
        String kind = key(group, object.kind());
        readKinds.add(kind);
        byKind.computeIfAbsent(kind, k -> new ArrayList<>()).add(object);
        byKey.put(key(group, object.kind()) + "/" + object.namespace() + "/" + object.name(), object);
        return this;
    }

    /** Records that only one namespace was read (null: every namespace). */
    public ManagementObjects readIn(String namespace) {
        this.namespace = namespace;
        return this;
    }

    /** Whether objects of that namespace were read. */
    public boolean covers(String namespace) {
        return this.namespace == null || this.namespace.equals(namespace);
    }

    /** Records that every object of a kind was read, so a reference to one that is not there is really missing. */
    public ManagementObjects kindRead(String group, String kind) {
        readKinds.add(key(group, kind));
        return this;
    }

    /** Records that the server serves no such kind (no CustomResourceDefinition). */
    public ManagementObjects kindNotServed(String group, String kind) {
        unservedKinds.add(key(group, kind));
        return this;
    }

    /** Records which inventory provider a kind's CustomResourceDefinition belongs to. */
    public ManagementObjects kindOfProvider(String group, String kind, String provider) {
        kindProviders.put(key(group, kind), provider);
        return this;
    }

    public ManagementObjects secret(String namespace, String name) {
        secrets.add(namespace + "/" + name);
        return this;
    }

    public ManagementObjects provider(InstalledProvider provider) {
        providers.add(provider);
        return this;
    }

    public ManagementObjects deployment(ProviderDeployment deployment) {
        deployments.add(deployment);
        return this;
    }

    /** Something that could not be read, said once to the person reading the problems. */
    public ManagementObjects note(String note) {
        notes.add(note);
        return this;
    }

    public Instant now() {
        return now;
    }

    /** Objects of a core kind ({@code cluster.x-k8s.io}), by namespace and name. */
    public List<CapiObject> core(String kind) {
        return of(CORE, kind);
    }

    public List<CapiObject> of(String group, String kind) {
        return byKind.getOrDefault(key(group, kind), List.of()).stream()
                .sorted(Comparator.comparing(CapiObject::namespace).thenComparing(CapiObject::name)).toList();
    }

    /** Every object read, of every kind. */
    public List<CapiObject> all() {
        return byKind.values().stream().flatMap(List::stream)
                .sorted(Comparator.comparing(CapiObject::kind).thenComparing(CapiObject::namespace)
                        .thenComparing(CapiObject::name)).toList();
    }

    /** The object a reference points at, or null when it is not among those read. */
    public CapiObject find(ObjectRef ref) {
        return byKey.get(key(ref.apiGroup(), ref.kind()) + "/" + ref.namespace() + "/" + ref.name());
    }

    public boolean read(String group, String kind) {
        return readKinds.contains(key(group, kind));
    }

    public boolean served(String group, String kind) {
        return !unservedKinds.contains(key(group, kind));
    }

    /** The inventory name of the provider whose CRD defines the kind, or null when unknown. */
    public String providerOfKind(String group, String kind) {
        return kindProviders.get(key(group, kind));
    }

    public boolean hasSecret(String namespace, String name) {
        return secrets.contains(namespace + "/" + name);
    }

    public List<InstalledProvider> providers() {
        return List.copyOf(providers);
    }

    public List<ProviderDeployment> deployments() {
        return List.copyOf(deployments);
    }

    public List<String> notes() {
        return List.copyOf(notes);
    }

    static String group(String apiVersion) {
        int slash = apiVersion.indexOf('/');
        return slash < 0 ? "" : apiVersion.substring(0, slash);
    }

    private static String key(String group, String kind) {
        return group + "/" + kind;
    }
}
