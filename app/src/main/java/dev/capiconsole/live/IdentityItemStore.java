package dev.capiconsole.live;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import io.fabric8.kubernetes.client.informers.cache.ItemStore;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * An informer store that keeps only what the informer itself needs of each object: its identity and resource
 * version. The informer compares resource versions to skip unchanged objects on a re-list and hands the stored object
 * to {@code onDelete} for objects gone while it was not watching, so those fields stay; everything else (spec,
 * status, managedFields) lives once, in the console's own model, instead of a second time here.
 *
 * <p>It says it does not hold the full state. A store that does makes the informer hold back its first list and
 * deliver it from the store, which would hand these stubs to {@code onAdd}; this way each listed object reaches
 * {@code onAdd} whole. Nothing reads objects back from this store but the informer, and it reads only the fields
 * kept.
 */
final class IdentityItemStore implements ItemStore<GenericKubernetesResource> {

    private final Map<String, GenericKubernetesResource> stubs = new ConcurrentHashMap<>();

    @Override
    public String getKey(GenericKubernetesResource object) {
        return Cache.metaNamespaceKeyFunc(object);
    }

    @Override
    public GenericKubernetesResource put(String key, GenericKubernetesResource object) {
        return stubs.put(key, stub(object));
    }

    @Override
    public GenericKubernetesResource remove(String key) {
        return stubs.remove(key);
    }

    @Override
    public Stream<String> keySet() {
        return stubs.keySet().stream();
    }

    @Override
    public Stream<GenericKubernetesResource> values() {
        return stubs.values().stream();
    }

    @Override
    public int size() {
        return stubs.size();
    }

    @Override
    public GenericKubernetesResource get(String key) {
        return stubs.get(key);
    }

    @Override
    public boolean isFullState() {
        return false;
    }

    static GenericKubernetesResource stub(GenericKubernetesResource object) {
        ObjectMeta metadata = object.getMetadata();
        ObjectMeta identity = new ObjectMeta();
        identity.setName(metadata.getName());
        identity.setNamespace(metadata.getNamespace());
        identity.setUid(metadata.getUid());
        identity.setResourceVersion(metadata.getResourceVersion());
        GenericKubernetesResource stub = new GenericKubernetesResource();
        stub.setApiVersion(object.getApiVersion());
        stub.setKind(object.getKind());
        stub.setMetadata(identity);
        return stub;
    }
}
