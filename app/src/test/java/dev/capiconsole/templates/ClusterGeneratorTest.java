package dev.capiconsole.templates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.capiconsole.addons.ClusterAddons;
import dev.capiconsole.addons.Manifest;
import dev.capiconsole.addons.PodCidr;
import dev.capiconsole.addons.Strategy;
import dev.capiconsole.providers.ProviderCatalog;
import dev.capiconsole.providers.ReleaseResolver;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Generating from the built-in in-memory template, which needs no network. */
class ClusterGeneratorTest {

    @TempDir
    Path folder;

    @Test
    void generationErrorsNameWhatIsWrong() {
        ClusterGenerator generator = new ClusterGenerator(new TemplateFetcher(ProviderCatalog.builtIn(),
                new ReleaseResolver(List.of(folder.resolve("overrides")), "http://127.0.0.1:9"),
                InputStream::nullInputStream, null),
                ClusterClassLookup.NONE);
        TemplateSource inMemory = new TemplateSource.BuiltIn(BuiltInTemplates.find("docker", "in-memory")
                .orElseThrow());
        assertThatThrownBy(() -> generator.generate(new GenerateRequest("demo", "ns", null, null, null, inMemory,
                Map.of()), VariableValues.none())).isInstanceOf(MissingVariablesException.class)
                .hasMessageContaining("[KUBERNETES_VERSION]");
        assertThatThrownBy(() -> generator.generate(new GenerateRequest("Demo_1", "ns", "v1.33.0", null, null,
                inMemory, Map.of()), VariableValues.none())).hasMessageContaining("is not a valid cluster name");
        assertThatThrownBy(() -> generator.generate(new GenerateRequest("demo", "ns", "1.33", null, null,
                inMemory, Map.of()), VariableValues.none())).hasMessageContaining("is not a Kubernetes version");
        assertThatThrownBy(() -> generator.generate(new GenerateRequest("demo", "ns", "v1.33.0", 0L, null,
                inMemory, Map.of()), VariableValues.none())).hasMessageContaining("must be 1 or more, not 0");
        assertThatThrownBy(() -> generator.generate(new GenerateRequest("demo", "ns", "v1.33.0", null, null,
                inMemory, Map.of("POD_CIDR", "[unclosed")), VariableValues.none()))
                .isInstanceOf(InvalidTemplateException.class)
                .hasMessageContaining("is not valid YAML after substitution at line");
        GeneratedCluster generated = generator.generate(new GenerateRequest("demo", "ns", "v1.33.0", 3L, 4L,
                inMemory, Map.of()), new VariableValues(Map.of(), Map.of("service_domain", "corp.local")));
        assertThat(generated.yaml()).contains("serviceDomain: corp.local").contains("replicas: 3")
                .contains("replicas: 4");
        assertThat(generated.addedClusterClasses()).containsExactly("ns/in-memory");
    }

    /** A management cluster without the class where one template of it exists, applied by the console or not. */
    private static ClusterClassLookup templateLeftBehind(boolean byTheConsole) {
        return new ClusterClassLookup() {
            @Override
            public boolean available() {
                return true;
            }

            @Override
            public boolean clusterClassExists(String namespace, String name) {
                return false;
            }

            @Override
            public boolean objectExists(Map<String, Object> object) {
                return String.valueOf(object.get("kind")).endsWith("Template");
            }

            @Override
            public boolean objectAppliedByTheConsole(Map<String, Object> object) {
                return byTheConsole && objectExists(object);
            }
        };
    }

    @Test
    void templatesLeftByAnApplyCutOffBeforeTheClassAreBroughtAgainOthersAreRefused() {
        TemplateSource inMemory = new TemplateSource.BuiltIn(BuiltInTemplates.find("docker", "in-memory")
                .orElseThrow());
        GenerateRequest request = new GenerateRequest("demo", "ns", "v1.33.0", 1L, 1L, inMemory, Map.of());
        TemplateFetcher fetcher = new TemplateFetcher(ProviderCatalog.builtIn(),
                new ReleaseResolver(List.of(folder.resolve("overrides")), "http://127.0.0.1:9"),
                InputStream::nullInputStream, null);

        GeneratedCluster again = new ClusterGenerator(fetcher, templateLeftBehind(true))
                .generate(request, VariableValues.none());
        assertThat(again.addedClusterClasses()).containsExactly("ns/in-memory");
        assertThat(again.objects()).extracting(o -> o.get("kind")).contains("ClusterClass", "Cluster")
                .anyMatch(kind -> String.valueOf(kind).endsWith("Template"));

        assertThatThrownBy(() -> new ClusterGenerator(fetcher, templateLeftBehind(false))
                .generate(request, VariableValues.none())).isInstanceOf(InvalidTemplateException.class)
                .hasMessageContaining("already exists in the cluster, but the ClusterClass does not");
    }

    @Test
    void addonsLabelTheClusterAndComeLastWithoutChangingTheRest() {
        ClusterGenerator generator = new ClusterGenerator(new TemplateFetcher(ProviderCatalog.builtIn(),
                new ReleaseResolver(List.of(folder.resolve("overrides")), "http://127.0.0.1:9"),
                InputStream::nullInputStream, null), ClusterClassLookup.NONE);
        TemplateSource inMemory = new TemplateSource.BuiltIn(BuiltInTemplates.find("docker", "in-memory")
                .orElseThrow());
        GenerateRequest plain = new GenerateRequest("demo", "ns", "v1.33.0", null, null, inMemory, Map.of());
        Manifest manifest = new Manifest("flannel", "kube-flannel.yml", FLANNEL, "test", PodCidr.Pool.FLANNEL);

        GeneratedCluster without = generator.generate(plain, VariableValues.none());
        GeneratedCluster with = generator.generate(plain.withAddons(new ClusterAddons(List.of(manifest), false,
                Strategy.ApplyOnce)), VariableValues.none());

        assertThat(with.objects()).hasSize(without.objects().size() + 2);
        assertThat(with.objects().subList(without.objects().size(), with.objects().size()))
                .extracting(o -> o.get("kind")).containsExactly("ConfigMap", "ClusterResourceSet");
        Map<String, Object> cluster = with.objects().stream().filter(o -> "Cluster".equals(o.get("kind")))
                .findFirst().orElseThrow();
        assertThat(String.valueOf(cluster.get("metadata"))).contains(ClusterAddons.LABEL + "=demo-addons");
        assertThat(with.addonPreviews()).singleElement().satisfies(p -> assertThat(p.adaptedLines())
                .singleElement().satisfies(line -> assertThat(line.after()).contains("\"Network\": \"192.168.0.0/16\"")));
        assertThat(without.addonPreviews()).isEmpty();
    }

    private static final String FLANNEL = """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: kube-flannel-cfg
            data:
              net-conf.json: |
                {
                  "Network": "10.244.0.0/16"
                }
            """;
}
