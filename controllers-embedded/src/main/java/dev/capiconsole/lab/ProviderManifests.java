package dev.capiconsole.lab;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * A provider's CRDs and webhook configurations, read from its {@code config/} folder and made to work with a
 * manager that runs on this machine: what upstream's kustomization does for the in-cluster install, but with
 * webhook clients pointed at {@code https://127.0.0.1:<port>} and this lab's CA.
 */
final class ProviderManifests {

    private final Path configDir;
    private final String namePrefix;
    private final String providerLabel;

    ProviderManifests(Path configDir, String namePrefix, String providerLabel) {
        this.configDir = configDir;
        this.namePrefix = namePrefix;
        this.providerLabel = providerLabel;
    }

    /** The CRDs listed by {@code crd/kustomization.yaml}, labelled and with conversion webhooks patched in. */
    List<Map<String, Object>> customResourceDefinitions(int webhookPort, String caPem) {
        Path crdDir = configDir.resolve("crd");
        Map<String, Object> kustomization = loadOne(crdDir.resolve("kustomization.yaml"));
        Map<String, String> labels = new LinkedHashMap<>(kustomizationLabels(kustomization));
        labels.put("cluster.x-k8s.io/provider", providerLabel);

        Map<String, Map<String, Object>> conversionPatches = new LinkedHashMap<>();
        for (Object patch : list(kustomization.get("patches"))) {
            Path file = crdDir.resolve(String.valueOf(map(patch).get("path")));
            Map<String, Object> patchDoc = loadOne(file);
            Map<String, Object> conversion = map(map(patchDoc.get("spec")).get("conversion"));
            if (!conversion.isEmpty()) {
                conversionPatches.put(String.valueOf(map(patchDoc.get("metadata")).get("name")), conversion);
            }
        }

        List<Map<String, Object>> crds = new ArrayList<>();
        for (Object resource : list(kustomization.get("resources"))) {
            Map<String, Object> crd = loadOne(crdDir.resolve(String.valueOf(resource)));
            Map<String, Object> metadata = map(crd.get("metadata"));
            Map<String, Object> crdLabels = new LinkedHashMap<>(map(metadata.get("labels")));
            crdLabels.putAll(labels);
            metadata.put("labels", crdLabels);
            Map<String, Object> conversion = conversionPatches.get(String.valueOf(metadata.get("name")));
            if (conversion != null) {
                Map<String, Object> webhook = map(conversion.get("webhook"));
                webhook.put("clientConfig", clientConfig(webhookPort, "/convert", caPem));
                map(crd.get("spec")).put("conversion", conversion);
            }
            crds.add(crd);
        }
        return crds;
    }

    /** The mutating and validating webhook configurations, named as upstream names them, calling loopback. */
    List<Map<String, Object>> webhookConfigurations(int webhookPort, String caPem) {
        Path manifests = configDir.resolve("webhook").resolve("manifests.yaml");
        List<Map<String, Object>> result = new ArrayList<>();
        for (Map<String, Object> document : loadAll(manifests)) {
            Map<String, Object> metadata = map(document.get("metadata"));
            metadata.put("name", namePrefix + metadata.get("name"));
            Map<String, Object> labels = new LinkedHashMap<>(map(metadata.get("labels")));
            labels.put("cluster.x-k8s.io/provider", providerLabel);
            metadata.put("labels", labels);
            for (Object webhook : list(document.get("webhooks"))) {
                Map<String, Object> hook = map(webhook);
                Map<String, Object> service = map(map(hook.get("clientConfig")).get("service"));
                String path = String.valueOf(service.getOrDefault("path", "/"));
                hook.put("clientConfig", clientConfig(webhookPort, path, caPem));
            }
            result.add(document);
        }
        return result;
    }

    private static Map<String, Object> clientConfig(int port, String path, String caPem) {
        Map<String, Object> clientConfig = new LinkedHashMap<>();
        clientConfig.put("url", "https://127.0.0.1:" + port + path);
        clientConfig.put("caBundle", Base64.getEncoder().encodeToString(caPem.getBytes(StandardCharsets.UTF_8)));
        return clientConfig;
    }

    private static Map<String, String> kustomizationLabels(Map<String, Object> kustomization) {
        Map<String, String> labels = new LinkedHashMap<>();
        for (Object entry : list(kustomization.get("labels"))) {
            map(map(entry).get("pairs")).forEach((k, v) -> labels.put(k, String.valueOf(v)));
        }
        return labels;
    }

    private static Map<String, Object> loadOne(Path file) {
        List<Map<String, Object>> all = loadAll(file);
        if (all.isEmpty()) {
            throw new LabException(file + " holds no YAML document");
        }
        return all.get(0);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> loadAll(Path file) {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(64 * 1024 * 1024);
        try (Reader reader = Files.newBufferedReader(file)) {
            List<Map<String, Object>> documents = new ArrayList<>();
            for (Object document : new Yaml(new SafeConstructor(options)).loadAll(reader)) {
                if (document instanceof Map<?, ?> map) {
                    documents.add((Map<String, Object>) map);
                }
            }
            return documents;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : new LinkedHashMap<>();
    }

    private static List<?> list(Object value) {
        return value instanceof List<?> l ? l : List.of();
    }
}
