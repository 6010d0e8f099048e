package dev.capiconsole.install;

import dev.capiconsole.connection.ServerErrors;
import dev.capiconsole.providers.Release;
import dev.capiconsole.templates.TemplateObjects;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * cert-manager as clusterctl ensures it: its API works when a test Issuer and Certificate can be created; when they
 * cannot, cert-manager is installed (labelled and annotated as clusterctl does) and the test is repeated until it
 * passes or the timeout ends.
 */
public final class CertManager {

    public static final String DEFAULT_VERSION = "v1.21.1";
    public static final String DEFAULT_URL =
            "https://github.com/cert-manager/cert-manager/releases/" + DEFAULT_VERSION + "/cert-manager.yaml";
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(10);
    public static final String VERSION_ANNOTATION = "cert-manager.clusterctl.cluster.x-k8s.io/version";
    private static final String NAMESPACE = "cert-manager";
    private static final List<String> CREATE_ORDER = List.of("Namespace", "CustomResourceDefinition",
            "StorageClass", "PersistentVolume", "PersistentVolumeClaim", "Secret", "ConfigMap", "ServiceAccount",
            "LimitRange", "Pod", "ReplicaSet", "Endpoint");

    /** The {@code cert-manager:} section of the clusterctl config file, or its defaults. */
    public record Settings(String url, String version, Duration timeout) {
        public static Settings defaults() {
            return new Settings(DEFAULT_URL, DEFAULT_VERSION, DEFAULT_TIMEOUT);
        }

        public static Settings from(Object section) {
            if (!(section instanceof Map<?, ?> map)) {
                return defaults();
            }
            String version = map.get("version") instanceof String v && !v.isBlank() ? v : DEFAULT_VERSION;
            String url = map.get("url") instanceof String u && !u.isBlank() ? u
                    : DEFAULT_URL.replace(DEFAULT_VERSION, version);
            Duration timeout = map.get("timeout") instanceof String t ? GoDuration.parse(t).orElse(DEFAULT_TIMEOUT)
                    : DEFAULT_TIMEOUT;
            return new Settings(url, version, timeout);
        }

        public Settings withTimeout(Duration chosen) {
            return new Settings(url, version, chosen);
        }
    }

    public enum Outcome { ALREADY_INSTALLED, INSTALLED }

    private final KubernetesClient client;
    private final ObjectWriter writer;
    private final ObjectWriter probeWriter;
    private final Duration pollInterval;
    private final ImageOverrides imageOverrides;

    public CertManager(KubernetesClient client) {
        this(client, Duration.ofSeconds(1), ImageOverrides.NONE);
    }

    /** With the {@code images:} overrides applied to cert-manager's workloads when it is installed. */
    public CertManager(KubernetesClient client, ImageOverrides imageOverrides) {
        this(client, Duration.ofSeconds(1), imageOverrides);
    }

    CertManager(KubernetesClient client, Duration pollInterval) {
        this(client, pollInterval, ImageOverrides.NONE);
    }

    private CertManager(KubernetesClient client, Duration pollInterval, ImageOverrides imageOverrides) {
        this.client = client;
        this.imageOverrides = imageOverrides;
        this.writer = new ObjectWriter(client, Duration.ofMillis(200), 8);
        // A probe tries once: polling the probe is the retry.
        this.probeWriter = new ObjectWriter(client, Duration.ZERO, 1);
        this.pollInterval = pollInterval;
    }

    /**
     * Empty when cert-manager's API works; otherwise why the test objects could not be created. The test Issuer
     * and Certificate are deleted again; their namespace is kept, because a namespace only goes away once the
     * cluster's namespace controller has emptied it, and a probe must not wait on that.
     */
    public Optional<String> probe() {
        List<Map<String, Object>> objects = probeObjects();
        List<Map<String, Object>> created = new ArrayList<>();
        try {
            for (Map<String, Object> object : objects) {
                probeWriter.createIfAbsent(object);
                if (!"Namespace".equals(object.get("kind"))) {
                    created.add(0, object);
                }
            }
        } catch (InstallException e) {
            return Optional.of(e.getCause() instanceof KubernetesClientException cause ? reason(cause)
                    : e.getMessage());
        }
        for (Map<String, Object> object : created) {
            try {
                writer.delete(object);
            } catch (InstallException e) {
                // A test object left behind does no harm; the next probe finds it and deletes it.
            }
        }
        return Optional.empty();
    }

    private static String reason(KubernetesClientException e) {
        if (ServerErrors.unknownKind(e) || e.getCode() == 404) {
            return "the API server does not serve cert-manager.io/v1 Issuer and Certificate (cert-manager is not "
                    + "installed)";
        }
        return ServerErrors.explain(e);
    }

    /**
     * Makes sure cert-manager works: nothing happens when the probe passes; otherwise cert-manager's release is
     * read, applied and probed until {@code settings.timeout()} ends.
     */
    public Outcome ensure(ReleaseRepository repository, Settings settings, Consumer<String> progress) {
        Optional<String> failure = probe();
        if (failure.isEmpty()) {
            progress.accept("cert-manager is already installed and its API works");
            return Outcome.ALREADY_INSTALLED;
        }
        progress.accept("cert-manager is not working yet: " + failure.get());
        Release release = repository.resolve("cert-manager", settings.url(), settings.version());
        progress.accept("installing cert-manager " + release.version() + " from " + release.origin());
        List<Map<String, Object>> objects = manifestObjects(release.components(), release.origin(),
                release.version());
        imageOverrides.apply(ImageOverrides.CERT_MANAGER, objects);
        for (Map<String, Object> object : objects) {
            writer.write(object);
        }
        progress.accept("applied " + objects.size() + " cert-manager objects; waiting up to "
                + GoDuration.format(settings.timeout()) + " for its API");
        awaitReady(settings.timeout(), progress);
        return Outcome.INSTALLED;
    }

    /** Polls the probe until it passes; on timeout says what is still missing. */
    public void awaitReady(Duration timeout, Consumer<String> progress) {
        Instant start = Instant.now();
        Instant deadline = start.plus(timeout);
        Optional<String> failure = probe();
        while (failure.isPresent()) {
            if (!Instant.now().isBefore(deadline)) {
                throw new InstallException("cert-manager did not become ready within " + GoDuration.format(timeout)
                        + ": " + failure.get() + notAvailable());
            }
            // Just-created CRDs are served within a second or two: look often at first, then as clusterctl does.
            boolean early = Duration.between(start, Instant.now()).compareTo(Duration.ofSeconds(10)) < 0;
            Inventory.sleep(early && pollInterval.compareTo(Duration.ofMillis(250)) > 0 ? Duration.ofMillis(250)
                    : pollInterval);
            failure = probe();
        }
        progress.accept("cert-manager's API works");
    }

    private String notAvailable() {
        List<String> waiting = new ArrayList<>();
        try {
            for (Deployment deployment : client.apps().deployments().inNamespace(NAMESPACE).list().getItems()) {
                if (!DeploymentWait.available(deployment)) {
                    waiting.add(DeploymentWait.describe(deployment));
                }
            }
        } catch (KubernetesClientException e) {
            return "";
        }
        return waiting.isEmpty() ? "" : ". Not available in namespace " + NAMESPACE + ": " + String.join(", ", waiting);
    }

    /** cert-manager's objects with clusterctl's labels and version annotation, in creation order. */
    static List<Map<String, Object>> manifestObjects(String yaml, String origin, String version) {
        List<Map<String, Object>> objects = new ArrayList<>(TemplateObjects.parse(yaml, origin));
        for (Map<String, Object> object : objects) {
            Map<String, Object> metadata = ProviderComponents.metadata(object);
            Map<String, Object> labels = ProviderComponents.childMap(metadata, "labels");
            labels.put(ProviderComponents.CLUSTERCTL_LABEL, "");
            labels.put(ProviderComponents.CORE_LABEL, "cert-manager");
            ProviderComponents.childMap(metadata, "annotations").put(VERSION_ANNOTATION, version);
        }
        objects.sort(Comparator.comparingInt(o -> {
            int index = CREATE_ORDER.indexOf(String.valueOf(o.get("kind")));
            return index < 0 ? CREATE_ORDER.size() : index;
        }));
        return objects;
    }

    static List<Map<String, Object>> probeObjects() {
        try (InputStream in = CertManager.class.getResourceAsStream("/install/cert-manager-probe.yaml")) {
            return TemplateObjects.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "cert-manager probe");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
