package dev.capiconsole.ui.providers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capiconsole.clusterctl.ClusterctlEnvironment;
import dev.capiconsole.providers.Provider;
import dev.capiconsole.providers.ProviderType;
import dev.capiconsole.ui.common.TaskExecutor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Providers page without a window: the catalog of the clusterctl environment, user-added providers included. */
class ProvidersViewModelTest {

    private static final String MY_INFRA_URL =
            "https://github.com/me/cluster-api-provider-mine/releases/latest/infrastructure-components.yaml";

    @TempDir
    Path home;

    private ProvidersViewModel viewModel(String clusterctlYaml) throws IOException {
        Path config = Files.writeString(home.resolve("clusterctl.yaml"), clusterctlYaml);
        return new ProvidersViewModel(TaskExecutor.sameThread(), () -> ClusterctlEnvironment.load(Map.of(), home,
                config));
    }

    @Test
    void theCatalogListsTheProvidersAddedInClusterctlYaml() throws IOException {
        ProvidersViewModel viewModel = viewModel("""
                providers:
                  - name: mine
                    type: InfrastructureProvider
                    url: %s
                """.formatted(MY_INFRA_URL));
        assertThat(viewModel.providers()).isEmpty();
        assertThat(viewModel.placeholderProperty().get()).isEqualTo("Loading the provider catalog…");
        viewModel.load();
        assertThat(viewModel.providers()).contains(new Provider("mine", ProviderType.INFRASTRUCTURE, MY_INFRA_URL))
                .anyMatch(p -> p.name().equals("docker") && p.type() == ProviderType.INFRASTRUCTURE)
                .anyMatch(p -> p.name().equals("cluster-api") && p.type() == ProviderType.CORE);
        assertThat(viewModel.placeholderProperty().get()).isEqualTo("No provider matches the filter.");
    }

    @Test
    void aBrokenConfigFileIsSaidWhereTheTableWouldBe() throws IOException {
        ProvidersViewModel viewModel = viewModel("providers: [unclosed");
        viewModel.load();
        assertThat(viewModel.providers()).isEmpty();
        assertThat(viewModel.placeholderProperty().get()).startsWith("The provider catalog could not be read: ")
                .contains("is not valid YAML");
    }

    @Test
    void theTableShowsWhatPassesTheTextAndTypeFilters() throws IOException {
        ProvidersViewModel viewModel = viewModel("""
                providers:
                  - name: mine
                    type: InfrastructureProvider
                    url: %s
                """.formatted(MY_INFRA_URL));
        viewModel.load();
        int all = viewModel.visible().size();
        assertThat(all).isEqualTo(viewModel.providers().size());

        viewModel.filterTextProperty().set("MINE");
        assertThat(viewModel.visible()).extracting(Provider::name).containsExactly("mine");

        viewModel.filterTextProperty().set("kubeadm");
        viewModel.typeFilterProperty().set(ProviderType.BOOTSTRAP.clusterctlName());
        assertThat(viewModel.visible()).extracting(Provider::name).containsExactly("kubeadm");

        viewModel.typeFilterProperty().set(null);
        assertThat(viewModel.visible()).extracting(Provider::type)
                .contains(ProviderType.BOOTSTRAP, ProviderType.CONTROL_PLANE);

        viewModel.filterTextProperty().set("");
        assertThat(viewModel.visible()).hasSize(all);
    }
}
