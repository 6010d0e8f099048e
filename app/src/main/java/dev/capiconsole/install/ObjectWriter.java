package dev.capiconsole.install;

import dev.capiconsole.connection.ServerErrors;
import dev.capiconsole.topology.CapiObject;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * Writes one object the way clusterctl writes components: created when absent, otherwise merge-patched with the
 * manifest. Transient failures (a kind the API server does not list yet, a webhook not reachable yet, 5xx) are
 * retried for a while; a refusal (4xx) is not.
 */
final class ObjectWriter {

    enum Outcome { CREATED, CONFIGURED, UNCHANGED, PRESENT }


    private final KubernetesClient client;
    private final KubernetesSerialization serialization = new KubernetesSerialization();
    private final Duration firstBackoff;
    private final int attempts;

    ObjectWriter(KubernetesClient client) {
        this(client, Duration.ofMillis(500), 8);
    }

    /** @param attempts how often a transient failure is tried; 1 reports the first failure as it is */
    ObjectWriter(KubernetesClient client, Duration firstBackoff, int attempts) {
        this.client = client;
        this.firstBackoff = firstBackoff;
        this.attempts = attempts;
    }

    /** Creates or merge-patches the object (a fresh install mostly creates, so creating is tried first). */
    Outcome write(Map<String, Object> object) {
        return withRetries(object, () -> {
            Resource<GenericKubernetesResource> resource = resource(object);
            try {
                resource.create();
                return Outcome.CREATED;
            } catch (KubernetesClientException e) {
                if (e.getCode() != 409) {
                    throw e;
                }
            }
            GenericKubernetesResource existing = resource.get();
            GenericKubernetesResource patched = resource.patch(PatchContext.of(PatchType.JSON_MERGE));
            return Objects.equals(existing.getMetadata().getResourceVersion(),
                    patched.getMetadata().getResourceVersion()) ? Outcome.UNCHANGED : Outcome.CONFIGURED;
        });
    }

    /** Creates the object only when it is absent: what completing an interrupted install needs. */
    Outcome createIfAbsent(Map<String, Object> object) {
        return withRetries(object, () -> {
            Resource<GenericKubernetesResource> resource = resource(object);
            if (resource.get() != null) {
                return Outcome.PRESENT;
            }
            resource.create();
            return Outcome.CREATED;
        });
    }

    void delete(Map<String, Object> object) {
        withRetries(object, () -> resource(object).delete());
    }

    private Resource<GenericKubernetesResource> resource(Map<String, Object> object) {
        GenericKubernetesResource resource = serialization.convertValue(object, GenericKubernetesResource.class);
        String namespace = resource.getMetadata().getNamespace();
        return namespace == null || namespace.isEmpty() ? client.resource(resource)
                : client.resource(resource).inNamespace(namespace);
    }

    private interface Call<T> {
        T call();
    }

    private <T> T withRetries(Map<String, Object> object, Call<T> call) {
        Duration backoff = firstBackoff;
        for (int attempt = 1; ; attempt++) {
            try {
                return call.call();
            } catch (KubernetesClientException e) {
                if (attempt >= attempts || !transientFailure(e)) {
                    throw new InstallException("cannot write " + describe(object) + ": " + ServerErrors.explain(e), e);
                }
            }
            try {
                Thread.sleep(backoff.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InstallException("interrupted while writing " + describe(object));
            }
            backoff = backoff.multipliedBy(2).compareTo(Duration.ofSeconds(8)) > 0 ? Duration.ofSeconds(8)
                    : backoff.multipliedBy(2);
        }
    }

    static boolean transientFailure(KubernetesClientException e) {
        return e.getCode() == 0 || e.getCode() >= 500 || e.getCode() == 429 || ServerErrors.unknownKind(e);
    }

    static String describe(Map<String, Object> object) {
        Map<String, Object> metadata = ProviderComponents.metadata(object);
        return CapiObject.display(String.valueOf(object.get("kind")), Objects.toString(metadata.get("namespace"), ""),
                String.valueOf(metadata.get("name")));
    }
}
