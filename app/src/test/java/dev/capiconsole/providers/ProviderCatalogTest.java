package dev.capiconsole.providers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProviderCatalogTest {

    private final ProviderCatalog catalog = ProviderCatalog.builtIn();

    @Test
    void holdsClusterctlsDefaultProvidersWithTheirRepositories() {
        assertThat(catalog.find("cluster-api", ProviderType.CORE)).get()
                .extracting(Provider::url)
                .isEqualTo("https://github.com/kubernetes-sigs/cluster-api/releases/latest/core-components.yaml");
        assertThat(catalog.find("kubeadm", ProviderType.BOOTSTRAP)).get().extracting(Provider::componentsFile)
                .isEqualTo("bootstrap-components.yaml");
        assertThat(catalog.find("kubeadm", ProviderType.CONTROL_PLANE)).get().extracting(Provider::componentsFile)
                .isEqualTo("control-plane-components.yaml");
        assertThat(catalog.find("docker", ProviderType.INFRASTRUCTURE)).get().extracting(Provider::componentsFile)
                .isEqualTo("infrastructure-components-development.yaml");
        assertThat(catalog.find("kubevirt", ProviderType.INFRASTRUCTURE)).get().extracting(Provider::repositoryUrl)
                .isEqualTo("https://github.com/kubernetes-sigs/cluster-api-provider-kubevirt/releases/latest/");
        assertThat(catalog.find("in-cluster", ProviderType.IPAM)).isPresent();
        assertThat(catalog.find("helm", ProviderType.ADDON)).isPresent();
        assertThat(catalog.ofType(ProviderType.CORE)).hasSize(1);
    }

    @Test
    void isInClusterctlOrderByTypeThenName() {
        List<Provider> all = catalog.all();
        assertThat(all).isSortedAccordingTo(Provider.CLUSTERCTL_ORDER);
        assertThat(all.get(0).name()).isEqualTo("cluster-api");
        assertThat(all.get(all.size() - 1).type()).isEqualTo(ProviderType.ADDON);
    }

    @Test
    void everyBuiltInEntryPassesClusterctlsValidationAndIsUnique() {
        catalog.all().forEach(ProviderCatalog::validate);
        assertThat(catalog.all()).extracting(p -> p.type() + "/" + p.name()).doesNotHaveDuplicates();
        assertThat(catalog.all()).allSatisfy(p -> assertThat(p.url()).startsWith("https://github.com/")
                .endsWith(".yaml"));
    }

    @Test
    void userDefinedEntryOverridesTheSameNameAndTypeAndOthersAreAdded() {
        Provider mirror = new Provider("docker", ProviderType.INFRASTRUCTURE,
                "https://mirror.example/docker/v1.14.0/infrastructure-components-development.yaml");
        Provider custom = new Provider("my-infra", ProviderType.INFRASTRUCTURE,
                "file:///opt/providers/my-infra/v0.1.0/infrastructure-components.yaml");

        ProviderCatalog merged = catalog.withUserDefined(List.of(mirror, custom));

        assertThat(merged.find("docker", ProviderType.INFRASTRUCTURE)).contains(mirror);
        assertThat(merged.find("my-infra", ProviderType.INFRASTRUCTURE)).contains(custom);
        assertThat(merged.all()).hasSize(catalog.all().size() + 1).isSortedAccordingTo(Provider.CLUSTERCTL_ORDER);
        assertThat(catalog.find("docker", ProviderType.INFRASTRUCTURE)).get().isNotEqualTo(mirror);
    }

    @Test
    void sameNameOfAnotherTypeIsADifferentProvider() {
        Provider infraKubeadm = new Provider("kubeadm", ProviderType.INFRASTRUCTURE, "https://x.example/a.yaml");
        ProviderCatalog merged = catalog.withUserDefined(List.of(infraKubeadm));
        assertThat(merged.all().stream().filter(p -> p.name().equals("kubeadm"))).hasSize(3);
    }

    @Test
    void rejectsEntriesClusterctlRejectsWithAMessageNamingTheEntry() {
        assertThatThrownBy(() -> parse("Docker", "InfrastructureProvider", "https://x/a.yaml"))
                .hasMessageContaining("'Docker'").hasMessageContaining("lower case");
        assertThatThrownBy(() -> parse("cluster-api", "InfrastructureProvider", "https://x/a.yaml"))
                .hasMessageContaining("cluster-api goes with the type CoreProvider");
        assertThatThrownBy(() -> parse("my-core", "CoreProvider", "https://x/a.yaml"))
                .hasMessageContaining("cluster-api goes with the type CoreProvider");
        assertThatThrownBy(() -> parse("bad_name", "InfrastructureProvider", "https://x/a.yaml"))
                .hasMessageContaining("DNS-1123");
        assertThatThrownBy(() -> parse("foo", "InfrastructureProvider", ""))
                .hasMessageContaining("url is empty");
        assertThatThrownBy(() -> parse("foo", "InfraProvider", "https://x/a.yaml"))
                .hasMessageContaining("type 'InfraProvider'").hasMessageContaining("AddonProvider");
        assertThatThrownBy(() -> ProviderCatalog.parseEntries("not a list", "my.yaml"))
                .hasMessageStartingWith("my.yaml:");
    }

    private static List<Provider> parse(String name, String type, String url) {
        return ProviderCatalog.parseEntries(List.of(Map.of("name", name, "type", type, "url", url)), "test.yaml");
    }
}
