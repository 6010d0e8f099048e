package dev.capiconsole.ui.install;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.capiconsole.clusterctl.ClusterctlEnvironment;
import dev.capiconsole.connection.ManagementCluster;
import dev.capiconsole.ui.common.TaskExecutor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.Test;

/** The Install providers form without a window: what it refuses before anything runs, and what it offers. */
class InstallViewModelTest {

    private final SimpleObjectProperty<ManagementCluster> connected = new SimpleObjectProperty<>();
    private final InstallViewModel model = new InstallViewModel(connected, TaskExecutor.sameThread(),
            ClusterctlEnvironment::ofThisProcess);

    @Test
    void installingWithoutAManagementClusterSaysToConnectFirst() {
        model.install();
        assertThat(model.resultProperty().get()).isEqualTo("Connect to a management cluster first.");
        assertThat(model.runningProperty().get()).isFalse();
    }

    @Test
    void badVariablesAreRefusedBeforeAnythingRuns() {
        connected.set(new ManagementCluster("ctx", "https://127.0.0.1:1", Path.of("kubeconfig"), "", "v1.36.0", true));
        model.variablesProperty().set("CLUSTER_TOPOLOGY");
        model.install();
        assertThat(model.resultProperty().get()).isEqualTo("\"CLUSTER_TOPOLOGY\" is not NAME=VALUE");
        assertThat(model.runningProperty().get()).isFalse();
        assertThat(model.output()).isEmpty();
    }

    @Test
    void variablesAreNameEqualsValueLinesWithCommentsSkipped() {
        assertThat(InstallViewModel.parseVariables("# a comment\nCLUSTER_TOPOLOGY=true\n\n EXP_X = 1 "))
                .containsExactly(java.util.Map.entry("CLUSTER_TOPOLOGY", "true"), java.util.Map.entry("EXP_X", "1"));
        assertThatThrownBy(() -> InstallViewModel.parseVariables("NOVALUE")).hasMessageContaining("NAME=VALUE");
    }

    @Test
    void aKubevirtInstallPreselectsMetalLbAndDockerDoesNot() {
        model.infrastructureProperty().set("kubevirt");
        assertThat(model.metallbProperty().get()).isTrue();
        model.infrastructureProperty().set("docker");
        assertThat(model.metallbProperty().get()).isFalse();
    }

    @Test
    void theFormOffersTheCatalogsInfrastructureProviders() {
        List<String> offered = new ArrayList<>();
        model.loadInfrastructureProviders(offered::addAll);
        assertThat(offered).contains("docker", "kubevirt").doesNotContain("cluster-api", "kubeadm");
    }

    @Test
    void withoutAConnectionNoProviderIsListedAsInstalled() {
        model.refreshInstalled();
        assertThat(model.installed()).isEmpty();
    }
}
