package dev.capiconsole.addons;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

class ResourceSetWriterTest {

    private static Manifest calico() {
        return new Manifest("calico", "calico.yaml", Fixtures.CALICO, "test", PodCidr.Pool.CALICO);
    }

    /**
     * The quick start's manual steps: {@code kubectl create configmap calico-addon --from-file=calico.yaml -n ns
     * --dry-run=client -o yaml} (creationTimestamp null dropped: the API server sets it) and a CRS written by hand.
     */
    @Test
    void theObjectsEqualTheQuickStartsManualStepsApartFromNames() {
        String kubectlConfigMap = """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: calico-addon
                  namespace: ns
                data:
                  calico.yaml: |
                """ + Fixtures.CALICO.indent(4);
        String handWrittenSet = """
                apiVersion: addons.cluster.x-k8s.io/v1beta2
                kind: ClusterResourceSet
                metadata:
                  name: crs-calico
                  namespace: ns
                spec:
                  clusterSelector:
                    matchLabels:
                      cni: calico
                  resources:
                    - kind: ConfigMap
                      name: calico-addon
                  strategy: ApplyOnce
                """;

        List<Map<String, Object>> objects = ResourceSetWriter.objects(new ResourceSetWriter.Plan("crs-calico", "ns",
                Map.of("cni", "calico"), List.of(calico()), false, Strategy.ApplyOnce));

        assertThat(objects).hasSize(2);
        assertThat(renamed(objects.get(0), "calico-addon")).isEqualTo(new Yaml().load(kubectlConfigMap));
        Map<String, Object> set = objects.get(1);
        setResourceName(set, "calico-addon");
        assertThat(set).isEqualTo(new Yaml().load(handWrittenSet));
    }

    @Test
    void secretsCarryTheResourceSetTypeAndTheManifestInData() {
        List<Map<String, Object>> objects = ResourceSetWriter.objects(new ResourceSetWriter.Plan("s", "ns",
                Map.of("k", "v"), List.of(calico()), true, Strategy.Reconcile));

        Map<String, Object> secret = objects.get(0);
        assertThat(secret).containsEntry("kind", "Secret").containsEntry("type", ResourceSetWriter.SECRET_TYPE);
        String data = String.valueOf(((Map<?, ?>) secret.get("data")).get("calico.yaml"));
        assertThat(new String(Base64.getDecoder().decode(data), StandardCharsets.UTF_8)).isEqualTo(Fixtures.CALICO);
        assertThat(spec(objects.get(1))).containsEntry("strategy", "Reconcile")
                .containsEntry("resources", List.of(Map.of("name", "s-calico", "kind", "Secret")));
    }

    @Test
    void aManifestOverOneMebibyteIsSplitInOrderBetweenDocuments() {
        StringBuilder big = new StringBuilder();
        for (int i = 0; i < 3000; i++) {
            big.append("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: part-").append(i)
                    .append("\ndata:\n  filler: \"").append("x".repeat(600)).append("\"\n---\n");
        }
        Manifest manifest = new Manifest("big", "big.yaml", big.toString(), "test", PodCidr.Pool.NONE);

        List<Map<String, Object>> objects = ResourceSetWriter.objects(new ResourceSetWriter.Plan("s", "ns",
                Map.of("k", "v"), List.of(manifest), false, Strategy.ApplyOnce));

        List<Map<String, Object>> configMaps = objects.subList(0, objects.size() - 1);
        assertThat(configMaps).hasSizeGreaterThan(1);
        StringBuilder names = new StringBuilder();
        for (Map<String, Object> configMap : configMaps) {
            String text = String.valueOf(((Map<?, ?>) configMap.get("data")).get("big.yaml"));
            assertThat(text.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(1024 * 1024);
            new Yaml().loadAll(text).forEach(d -> names.append(((Map<?, ?>) ((Map<?, ?>) d).get("metadata"))
                    .get("name")).append(','));
        }
        assertThat(names.toString()).startsWith("part-0,part-1,part-2,").endsWith("part-2998,part-2999,");
        assertThat(names.toString().split(",")).hasSize(3000);
        assertThat(spec(objects.get(objects.size() - 1)).get("resources")).asList().extracting("name")
                .startsWith("s-big", "s-big-2");
    }

    @Test
    void invalidYamlOrNoObjectsIsRefusedBeforeAnythingIsMade() {
        assertThatThrownBy(() -> new Manifest("x", "x.yaml", "a: [b", "x.yaml", PodCidr.Pool.NONE))
                .isInstanceOf(AddonException.class).hasMessageContaining("x.yaml is not valid YAML");
        assertThatThrownBy(() -> new Manifest("x", "x.yaml", "# only a comment\n---\n", "x.yaml", PodCidr.Pool.NONE))
                .hasMessageContaining("holds no Kubernetes object");
        assertThatThrownBy(() -> new Manifest("x", "x.yaml", "just: a map\n", "x.yaml", PodCidr.Pool.NONE))
                .hasMessageContaining("document 1 is not a Kubernetes object");
    }

    @Test
    void generatedClustersGetTheLabelAndAnAdaptedSet() {
        Map<String, Object> cluster = new Yaml().load("""
                apiVersion: cluster.x-k8s.io/v1beta2
                kind: Cluster
                metadata:
                  name: demo
                  namespace: ns
                spec:
                  clusterNetwork:
                    pods:
                      cidrBlocks: ["10.10.0.0/16"]
                """);
        List<Map<String, Object>> objects = new ArrayList<>(List.of(cluster));

        ClusterAddons.Result result = new ClusterAddons(List.of(calico()), false, Strategy.ApplyOnce)
                .addTo(objects, "demo", "ns");

        assertThat(((Map<?, ?>) cluster.get("metadata")).get("labels"))
                .isEqualTo(Map.of(ClusterAddons.LABEL, "demo-addons"));
        assertThat(result.objects()).extracting(o -> o.get("kind")).containsExactly("ConfigMap", "ClusterResourceSet");
        assertThat(spec(result.objects().get(1)).get("clusterSelector"))
                .isEqualTo(Map.of("matchLabels", Map.of(ClusterAddons.LABEL, "demo-addons")));
        assertThat(result.previews()).singleElement().satisfies(p -> assertThat(p.adaptedLines()).hasSize(2));
        assertThat(String.valueOf(((Map<?, ?>) result.objects().get(0).get("data")).get("calico.yaml")))
                .contains("value: \"10.10.0.0/16\"");
    }

    private static Map<String, Object> renamed(Map<String, Object> object, String name) {
        @SuppressWarnings("unchecked")
        Map<String, Object> metadata = (Map<String, Object>) object.get("metadata");
        metadata.put("name", name);
        return object;
    }

    @SuppressWarnings("unchecked")
    private static void setResourceName(Map<String, Object> set, String name) {
        ((List<Map<String, Object>>) spec(set).get("resources")).get(0).put("name", name);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> spec(Map<String, Object> object) {
        return (Map<String, Object>) object.get("spec");
    }
}
