package dev.capiconsole.install;

import dev.capiconsole.providers.ProviderType;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * clusterctl's provider inventory: the {@code providers.clusterctl.cluster.x-k8s.io} CRD and one Provider object
 * per installed provider, so clusterctl and this console each see what the other installed.
 */
public final class Inventory {

    public static final String API_VERSION = "clusterctl.cluster.x-k8s.io/v1alpha3";
    public static final String CRD_NAME = "providers.clusterctl.cluster.x-k8s.io";
    private static final String CRD_RESOURCE = "/install/inventory-crd.yaml";

    private final KubernetesClient client;

    public Inventory(KubernetesClient client) {
        this.client = client;
    }

    /** Installs the inventory CRD when absent and waits until it is served; {@code true} when it was installed. */
    public boolean ensureDefinition(Duration timeout) {
        if (definitionInstalled()) {
            return false;
        }
        CustomResourceDefinition crd;
        try (InputStream in = Inventory.class.getResourceAsStream(CRD_RESOURCE)) {
            crd = new KubernetesSerialization().unmarshal(in, CustomResourceDefinition.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            client.apiextensions().v1().customResourceDefinitions().resource(crd).create();
        } catch (KubernetesClientException e) {
            if (e.getCode() != 409) {
                throw new InstallException("cannot install the clusterctl inventory CRD " + CRD_NAME + ": "
                        + e.getMessage(), e);
            }
        }
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            CustomResourceDefinition current = client.apiextensions().v1().customResourceDefinitions()
                    .withName(CRD_NAME).get();
            if (current != null && current.getStatus() != null && current.getStatus().getConditions() != null
                    && current.getStatus().getConditions().stream()
                            .anyMatch(c -> "Established".equals(c.getType()) && "True".equals(c.getStatus()))) {
                return true;
            }
            sleep(Duration.ofMillis(200));
        }
        throw new InstallException("the clusterctl inventory CRD " + CRD_NAME + " was not established within "
                + timeout.toSeconds() + " s");
    }

    public boolean definitionInstalled() {
        return client.apiextensions().v1().customResourceDefinitions().withName(CRD_NAME).get() != null;
    }

    /** Every Provider object, sorted as clusterctl lists them (type, then name); empty without the CRD. */
    public List<InstalledProvider> list() {
        if (!definitionInstalled()) {
            return List.of();
        }
        List<InstalledProvider> providers = new ArrayList<>();
        for (GenericKubernetesResource item : client.genericKubernetesResources(API_VERSION, "Provider")
                .inAnyNamespace().list().getItems()) {
            Map<String, Object> fields = item.getAdditionalProperties();
            String type = String.valueOf(fields.get("type"));
            providers.add(new InstalledProvider(item.getMetadata().getNamespace(), item.getMetadata().getName(),
                    String.valueOf(fields.get("providerName")),
                    ProviderType.fromClusterctlName(type).orElseThrow(() -> new InstallException("the inventory "
                            + "object " + item.getMetadata().getNamespace() + "/" + item.getMetadata().getName()
                            + " has an unknown provider type \"" + type + "\"")),
                    String.valueOf(fields.get("version"))));
        }
        providers.sort(Comparator.comparing(InstalledProvider::type).thenComparing(InstalledProvider::name)
                .thenComparing(InstalledProvider::namespace));
        return providers;
    }

    /** Writes a provider's inventory object (created, or patched to the new content). */
    public void write(Map<String, Object> inventoryObject) {
        new ObjectWriter(client).write(inventoryObject);
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InstallException("interrupted");
        }
    }
}
