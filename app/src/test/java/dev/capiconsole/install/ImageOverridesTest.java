package dev.capiconsole.install;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.capiconsole.templates.TemplateObjects;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ImageOverridesTest {

    private static final ImageOverrides OVERRIDES = ImageOverrides.from(Map.of(
            "all", Map.of("repository", "mirror.example.com/capi/"),
            "infrastructure-docker", Map.of("tag", "v9.9.9"),
            "cert-manager/cert-manager-webhook", Map.of("repository", "hooks.example.com", "name", "webhook")));

    @Test
    void mergesAllThenTheComponentThenTheImageAsClusterctlDoes() {
        assertThat(OVERRIDES.alter("infrastructure-docker", "registry.k8s.io/cluster-api/capd-manager:v1.14.2"))
                .isEqualTo("mirror.example.com/capi/capd-manager:v9.9.9");
        assertThat(OVERRIDES.alter("cluster-api", "registry.k8s.io/cluster-api/cluster-api-controller:v1.14.2"))
                .isEqualTo("mirror.example.com/capi/cluster-api-controller:v1.14.2");
        assertThat(OVERRIDES.alter("cert-manager", "quay.io/jetstack/cert-manager-webhook:v1.21.1"))
                .isEqualTo("hooks.example.com/webhook:v1.21.1");
        assertThat(OVERRIDES.alter("cert-manager", "quay.io/jetstack/cert-manager-cainjector:v1.21.1@sha256:"
                + "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"))
                .isEqualTo("mirror.example.com/capi/cert-manager-cainjector:v1.21.1@sha256:"
                        + "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef");
    }

    @Test
    void withoutASectionImagesStayButMustStillBeFullyQualified() {
        assertThat(ImageOverrides.from(null).alter("x", "localhost:5000/a/b")).isEqualTo("localhost:5000/a/b");
        assertThatThrownBy(() -> ImageOverrides.NONE.alter("x", "nginx:1.27"))
                .hasMessageContaining("repository name must be canonical");
        assertThatThrownBy(() -> ImageOverrides.from(List.of("all"))).hasMessageContaining("must be a map");
    }

    @Test
    void changesOnlyDeploymentAndDaemonSetContainersAndListsThemContainersFirst() {
        List<Map<String, Object>> objects = TemplateObjects.parse("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: a}
                spec:
                  template:
                    spec:
                      initContainers: [{name: init, image: registry.k8s.io/init:v1}]
                      containers: [{name: manager, image: registry.k8s.io/cluster-api/capd-manager:v1.14.2}]
                ---
                apiVersion: batch/v1
                kind: Job
                metadata: {name: b}
                spec:
                  template:
                    spec:
                      containers: [{name: job, image: registry.k8s.io/job:v1}]
                """, "test");
        OVERRIDES.apply("infrastructure-docker", objects);
        assertThat(ImageOverrides.images(objects)).containsExactly("mirror.example.com/capi/capd-manager:v9.9.9",
                "mirror.example.com/capi/init:v9.9.9");
        assertThat(TemplateObjects.toYaml(objects)).contains("image: registry.k8s.io/job:v1");
    }
}
