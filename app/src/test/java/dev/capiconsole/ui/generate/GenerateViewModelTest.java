package dev.capiconsole.ui.generate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capiconsole.addons.Strategy;
import dev.capiconsole.clusterctl.ClusterctlEnvironment;
import dev.capiconsole.connection.ManagementCluster;
import dev.capiconsole.templates.BuiltInTemplates;
import dev.capiconsole.templates.TemplateSource;
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
        assertThat(viewModel.stepProperty().get()).isEqualTo(Step.ADDONS);
        assertThat(viewModel.cniProperty().get()).as("no CNI for the in-memory flavor").isEqualTo("none");
        viewModel.next();
        assertThat(viewModel.errorProperty().get()).isEmpty();
        assertThat(viewModel.stepProperty().get()).isEqualTo(Step.PREVIEW);
        assertThat(viewModel.addonSummaryProperty().get()).isEmpty();
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

    @Test
    void anotherManifestAddsItsConfigMapAndTheSetAndABadOneStopsAtTheAddonsStep() throws IOException {
        Path good = Files.writeString(home.resolve("storage.yaml"), "apiVersion: storage.k8s.io/v1\n"
                + "kind: StorageClass\nmetadata:\n  name: standard\nprovisioner: example.com/none\n");
        Path bad = Files.writeString(home.resolve("bad.yaml"), "kind: [unclosed\n");
        viewModel.next();
        viewModel.next();
        viewModel.next();
        assertThat(viewModel.stepProperty().get()).isEqualTo(Step.ADDONS);

        viewModel.otherManifestProperty().set(bad.toString());
        viewModel.next();
        assertThat(viewModel.stepProperty().get()).isEqualTo(Step.ADDONS);
        assertThat(viewModel.errorProperty().get()).contains("bad.yaml is not valid YAML");

        viewModel.otherManifestProperty().set(good.toString());
        viewModel.strategyProperty().set(Strategy.Reconcile);
        viewModel.next();
        assertThat(viewModel.stepProperty().get()).isEqualTo(Step.PREVIEW);
        assertThat(viewModel.yamlProperty().get()).contains("capi-console.dev/addons: my-cluster-addons")
                .contains("name: my-cluster-addons-storage").contains("kind: ClusterResourceSet")
                .contains("strategy: Reconcile").contains("storage.yaml: |");
        assertThat(viewModel.addonSummaryProperty().get()).startsWith("Add-on storage from " + good)
                .contains("used as it is");
    }

    @Test
    void calicoIsTheDefaultCniOfKubeadmTemplatesOnly() {
        TemplateSource development = new TemplateSource.BuiltIn(BuiltInTemplates.find("docker", "development")
                .orElseThrow());
        TemplateSource inMemory = new TemplateSource.BuiltIn(BuiltInTemplates.find("docker", "in-memory")
                .orElseThrow());
        assertThat(GenerateViewModel.defaultCni(development, "kind: KubeadmControlPlane\n")).isEqualTo("calico");
        assertThat(GenerateViewModel.defaultCni(inMemory, "kind: KubeadmControlPlane\n")).isEqualTo("none");
        assertThat(GenerateViewModel.defaultCni(new TemplateSource.Location("t.yaml"), "kind: Cluster\n"))
                .isEqualTo("none");
    }
}
