package dev.capiconsole.events;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.util.List;
import java.util.function.Consumer;

/**
 * The core v1 Events of one namespace of the management cluster, watched: {@code changed} runs (on the informer's
 * thread; keep it short, e.g. a coalescer's signal) whenever one is added, updated or deleted. A watch that cannot
 * start (not allowed to list events) is reported once through {@code failed}.
 */
public final class NamespaceEvents implements AutoCloseable {

    private final SharedIndexInformer<Event> informer;

    private NamespaceEvents(SharedIndexInformer<Event> informer) {
        this.informer = informer;
    }

    /** Starts the watch; the events arrive in the background. */
    public static NamespaceEvents watch(KubernetesClient client, String namespace, Runnable changed,
                                        Consumer<Throwable> failed) {
        SharedIndexInformer<Event> informer = client.v1().events().inNamespace(namespace).runnableInformer(0);
        informer.addEventHandler(new ResourceEventHandler<>() {
            @Override
            public void onAdd(Event event) {
                changed.run();
            }

            @Override
            public void onUpdate(Event old, Event event) {
                changed.run();
            }

            @Override
            public void onDelete(Event event, boolean unknownFinalState) {
                changed.run();
            }
        });
        informer.exceptionHandler((started, error) -> {
            if (!started) {
                failed.accept(error);
            }
            return started;
        });
        informer.start();
        return new NamespaceEvents(informer);
    }

    /** The events as last seen by the watch. */
    public List<Event> events() {
        return informer.getStore().list();
    }

    @Override
    public void close() {
        informer.close();
    }
}
