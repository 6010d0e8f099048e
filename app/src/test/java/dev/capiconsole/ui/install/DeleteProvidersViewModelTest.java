package dev.capiconsole.ui.install;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capiconsole.connection.ManagementCluster;
import dev.capiconsole.install.InstalledProvider;
import dev.capiconsole.install.ProviderDeletion;
import dev.capiconsole.providers.ProviderType;
import dev.capiconsole.ui.common.TaskExecutor;
import java.util.List;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.Test;

class DeleteProvidersViewModelTest {

    private static final InstalledProvider CORE = new InstalledProvider("capi-system", "cluster-api", "cluster-api",
            ProviderType.CORE, "v1.14.2");
    private static final InstalledProvider DOCKER = new InstalledProvider("capd-system", "infrastructure-docker",
            "docker", ProviderType.INFRASTRUCTURE, "v1.14.2");

    @Test
    void theChosenProvidersBecomeClusterctlsFlagsAndAllOfThemBecomeAll() {
        ProviderDeletion.Request some = DeleteProvidersViewModel.request(List.of(CORE, DOCKER), false, true, false);
        assertThat(some.all()).isFalse();
        assertThat(some.core()).isEqualTo("cluster-api");
        assertThat(some.infrastructure()).containsExactly("docker");
        assertThat(some.bootstrap()).isEmpty();
        assertThat(some.includeNamespace()).isTrue();
        ProviderDeletion.Request all = DeleteProvidersViewModel.request(List.of(CORE, DOCKER), true, false, true);
        assertThat(all.all()).isTrue();
        assertThat(all.core()).isNull();
        assertThat(all.includeCrd()).isTrue();
    }

    @Test
    void deletingNeedsAPlanAndTheManagementClustersNameTyped() {
        SimpleObjectProperty<ManagementCluster> connected = new SimpleObjectProperty<>(
                new ManagementCluster("kind-capi-mgmt", "https://127.0.0.1:6443", null, "", "v1.33.1", true));
        DeleteProvidersViewModel model = new DeleteProvidersViewModel(connected, TaskExecutor.sameThread());
        model.typedNameProperty().set("kind-capi-mgmt");
        assertThat(model.confirmedProperty().get()).as("no plan yet").isFalse();
        model.delete();
        assertThat(model.statusProperty().get()).isEqualTo("Type the management cluster name to confirm.");
        assertThat(ImagesViewModel.kindClusterOf(connected.get())).isEqualTo("capi-mgmt");
        assertThat(ImagesViewModel.kindClusterOf(null)).isEmpty();
    }
}
