package dev.capiconsole.live;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches a few kinds in every namespace and says, coalesced, that something changed: for a page that re-reads its
 * own view of those kinds instead of polling. A kind that cannot be watched (not installed, not allowed) is left
 * out and logged; the page still reads it when asked.
 */
public final class KindWatch implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(KindWatch.class);

    /**
     * A kind to watch, as {@code group/version} and kind; with {@code labelKey}, only objects that carry that label.
     */
    public record Kind(String apiVersion, String kind, String labelKey) {
        public Kind(String apiVersion, String kind) {
            this(apiVersion, kind, null);
        }
    }

    private final Coalescer coalescer;
    private final List<SharedIndexInformer<GenericKubernetesResource>> informers = new ArrayList<>();

    private KindWatch(long periodMillis, Runnable changed) {
        this.coalescer = new Coalescer(periodMillis, changed);
    }

    /** Starts the watches; {@code changed} runs on the coalescer's thread, at most once per period. */
    public static KindWatch start(KubernetesClient client, List<Kind> kinds, long periodMillis, Runnable changed) {
        KindWatch watch = new KindWatch(periodMillis, changed);
        ResourceEventHandler<GenericKubernetesResource> handler = new ResourceEventHandler<>() {
            @Override
            public void onAdd(GenericKubernetesResource object) {
                watch.coalescer.signal();
            }

            @Override
            public void onUpdate(GenericKubernetesResource old, GenericKubernetesResource object) {
                watch.coalescer.signal();
            }

            @Override
            public void onDelete(GenericKubernetesResource object, boolean unknownFinalState) {
                watch.coalescer.signal();
            }
        };
        for (Kind kind : kinds) {
            var objects = client.genericKubernetesResources(kind.apiVersion(), kind.kind()).inAnyNamespace();
            SharedIndexInformer<GenericKubernetesResource> informer = (kind.labelKey() == null ? objects
                    : objects.withLabel(kind.labelKey())).runnableInformer(0);
            informer.itemStore(new IdentityItemStore());
            informer.addEventHandler(handler);
            // A kind that never listed (missing, forbidden) is given up; one that was watched retries as usual.
            informer.exceptionHandler((started, error) -> {
                if (!started) {
                    LOG.info("Cannot watch {} {}: {}", kind.apiVersion(), kind.kind(), error.getMessage());
                }
                return started;
            });
            informer.start();
            watch.informers.add(informer);
        }
        return watch;
    }

    @Override
    public void close() {
        informers.forEach(SharedIndexInformer::close);
        coalescer.close();
    }
}
