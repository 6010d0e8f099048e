package dev.capiconsole.ui.generate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capiconsole.clusterctl.ClusterctlEnvironment;
import dev.capiconsole.connection.ManagementCluster;
import dev.capiconsole.templates.BuiltInTemplates;
import dev.capiconsole.ui.common.TaskExecutor;
import dev.capiconsole.ui.generate.GenerateViewModel.SourceKind;
import dev.capiconsole.ui.generate.GenerateViewModel.Step;
import dev.capiconsole.ui.generate.GenerateViewModel.VariableField;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generate wizard without a window or a management cluster: built-in templates, a user's clusterctl.yaml. */
class GenerateViewModelTest {

    @TempDir
    Path home;

    private GenerateViewModel viewModel;

    @BeforeEach
    void setUp() throws IOException {
        Path config = Files.writeString(home.resolve("clusterctl.yaml"), """
                providers:
                  - name: mine
                    type: InfrastructureProvider
                    url: https://github.com/me/cluster-api-provider-mine/releases/latest/infrastructure-components.yaml
                SERVICE_DOMAIN: corp.local
                """);
        viewModel = new GenerateViewModel(new SimpleObjectProperty<ManagementCluster>(), TaskExecutor.sameThread(),
                () -> ClusterctlEnvironment.load(Map.of(), home, config), (namespace, name) -> { });
    }

    @Test
    void theProviderChoiceIncludesTheProvidersAddedInClusterctlYaml() {
        assertThat(viewModel.infrastructureProviders()).contains("docker", "mine").doesNotContain("kubeadm");
        assertThat(viewModel.namespaces()).containsExactly("default");
    }

    @Test
    void choosingATemplateFillsItsVariablesWithTheirOrigins() {
        viewModel.sourceKindProperty().set(SourceKind.BUILT_IN);
        viewModel.builtInProperty().set(BuiltInTemplates.find("docker", "in-memory").orElseThrow());
        viewModel.next();
        assertThat(viewModel.errorProperty().get()).isEmpty();
        assertThat(viewModel.busyProperty().get()).isFalse();
        assertThat(viewModel.stepProperty().get()).isEqualTo(Step.CLUSTER);
        assertThat(viewModel.templateOriginProperty().get()).isEqualTo("built-in template docker / in-memory");
        assertThat(viewModel.variables()).extracting(VariableField::name)
                .containsExactlyInAnyOrder("POD_CIDR", "SERVICE_CIDR", "SERVICE_DOMAIN");
        VariableField domain = field("SERVICE_DOMAIN");
        assertThat(domain.valueProperty().get()).isEqualTo("corp.local");
        assertThat(domain.origin()).isEqualTo("from clusterctl.yaml");
        assertThat(field("POD_CIDR").valueProperty().get()).isEmpty();
        assertThat(field("POD_CIDR").required()).isFalse();
    }

    @Test
    void aBadVariableValueShowsTheErrorTextAndAGoodOneGenerates() {
        viewModel.next();
        viewModel.next();
        assertThat(viewModel.stepProperty().get()).isEqualTo(Step.VARIABLES);
        field("POD_CIDR").valueProperty().set("10.0.0.0/33");
        viewModel.next();
        assertThat(viewModel.stepProperty().get()).isEqualTo(Step.VARIABLES);
        assertThat(viewModel.errorProperty().get())
                .isEqualTo("POD_CIDR: \"10.0.0.0/33\" is not a CIDR such as 192.168.0.0/16");
        field("POD_CIDR").valueProperty().set("[\"10.0.0.0/16\"]");
        viewModel.next();
        assertThat(viewModel.errorProperty().get()).isEmpty();
        assertThat(viewModel.stepProperty().get()).isEqualTo(Step.PREVIEW);
        assertThat(viewModel.yamlProperty().get()).contains("name: my-cluster").contains("10.0.0.0/16")
                .contains("serviceDomain: corp.local");
    }

    @Test
    void aProviderReleaseWithoutAProviderNameIsRefusedAtOnce() {
        viewModel.sourceKindProperty().set(SourceKind.PROVIDER_RELEASE);
        viewModel.providerProperty().set(" ");
        viewModel.next();
        assertThat(viewModel.errorProperty().get()).isEqualTo("Name the infrastructure provider.");
        assertThat(viewModel.stepProperty().get()).isEqualTo(Step.TEMPLATE);
    }

    private VariableField field(String name) {
        return viewModel.variables().stream().filter(v -> v.name().equals(name)).findFirst().orElseThrow();
    }
}
