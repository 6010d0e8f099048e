package dev.capiconsole.ui.install;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capiconsole.connection.ManagementCluster;
import dev.capiconsole.install.CertManagerUpgrade;
import dev.capiconsole.install.InstallException;
import dev.capiconsole.install.InstalledProvider;
import dev.capiconsole.install.LineDiff;
import dev.capiconsole.install.ProviderSpec;
import dev.capiconsole.install.UpgradePlan;
import dev.capiconsole.install.UpgradePreview;
import dev.capiconsole.providers.ProviderType;
import dev.capiconsole.ui.common.TaskExecutor;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.Test;

class UpgradesViewModelTest {

    private static final String FROM = "v1.14.0";
    private static final String TO = "v1.14.2";
    private static final InstalledProvider CORE = new InstalledProvider("capi-system", "cluster-api", "cluster-api",
            ProviderType.CORE, FROM);
    private static final InstalledProvider DOCKER = new InstalledProvider("capd-system", "infrastructure-docker",
            "docker", ProviderType.INFRASTRUCTURE, FROM);
    private static final CertManagerUpgrade.Plan CERT_MANAGER = new CertManagerUpgrade.Plan(false, "v1.19.1",
            "v1.19.1", false);

    private final SimpleObjectProperty<ManagementCluster> connected = new SimpleObjectProperty<>();
    private final FakeUpgrades fake = new FakeUpgrades();
    private final UpgradesViewModel model = new UpgradesViewModel(connected, TaskExecutor.sameThread(),
            cluster -> fake);

    /** The upgrade logic's answers, as the real logic gives them for clusterctl's v1.14.0 install. */
    private static final class FakeUpgrades implements ProviderUpgrades {
        int overviews;
        String preparedContract;
        List<ProviderSpec> preparedProviders;
        RuntimeException failAfterFirst;

        @Override
        public Overview overview() {
            overviews++;
            return new Overview(CERT_MANAGER, List.of(new UpgradePlan("v1beta2", List.of(
                    new UpgradePlan.Item(CORE, TO), new UpgradePlan.Item(DOCKER, TO)))));
        }

        @Override
        public Preview prepare(String contract, List<ProviderSpec> chosen) {
            preparedContract = contract;
            preparedProviders = chosen;
            String diff = LineDiff.unified("image: registry.k8s.io/cluster-api/cluster-api-controller:" + FROM + "\n",
                    "image: registry.k8s.io/cluster-api/cluster-api-controller:" + TO + "\n",
                    FROM + "/Deployment capi-system/capi-controller-manager",
                    TO + "/Deployment capi-system/capi-controller-manager");
            UpgradePreview core = new UpgradePreview(new UpgradePlan.Item(CORE, TO), List.of("ConfigMap capi-system/"
                    + "new-settings"), List.of(new UpgradePreview.Change("Deployment capi-system/capi-controller-"
                    + "manager", diff)), 40, List.of("Service capi-system/old-metrics"), List.of(
                            "clusters.cluster.x-k8s.io: storage version v1beta1 -> v1beta2, stored versions "
                                    + "[v1beta1]"), "the " + FROM + " manifest");
            return new Preview(CERT_MANAGER, List.of(core), progress -> {
                progress.line("Performing upgrade...");
                progress.line("Deleting Provider=\"cluster-api\" Version=\"" + FROM + "\" Namespace=\"capi-system\"");
                progress.providerUpgraded(core.item());
                if (failAfterFirst != null) {
                    throw failAfterFirst;
                }
            });
        }
    }

    private void connect() {
        model.setShown(true);
        connected.set(new ManagementCluster("kind-capi-mgmt", "https://127.0.0.1:6443", null, "", "v1.33.1", true));
    }

    @Test
    void notConnectedShowsNoPlanAndRefusesToPreview() {
        model.refresh();
        assertThat(model.rows()).isEmpty();
        assertThat(model.statusProperty().get()).isEqualTo("Not connected to a management cluster.");
        model.preview();
        assertThat(model.errorProperty().get()).startsWith("Nothing to preview");
        assertThat(fake.overviews).isZero();
        assertThat(model.applicableProperty().get()).isFalse();
    }

    @Test
    void theReleasesAreReadOnlyOnceTheTabIsShown() {
        connected.set(new ManagementCluster("kind-capi-mgmt", "https://127.0.0.1:6443", null, "", "v1.33.1", true));
        assertThat(fake.overviews).isZero();
        model.setShown(true);
        assertThat(fake.overviews).isEqualTo(1);
        model.setShown(false);
        model.setShown(true);
        assertThat(fake.overviews).as("read once while the plan is shown").isEqualTo(1);
    }

    @Test
    void connectingReadsThePlanOfTheNewestContract() {
        connect();
        assertThat(fake.overviews).isEqualTo(1);
        assertThat(model.contracts()).containsExactly("v1beta2");
        assertThat(model.contractProperty().get()).isEqualTo("v1beta2");
        assertThat(model.rows()).extracting(row -> row.provider().name() + " " + row.provider().version() + " -> "
                + row.target().get()).containsExactly("cluster-api " + FROM + " -> " + TO,
                        "infrastructure-docker " + FROM + " -> " + TO);
        assertThat(model.certManagerProperty().get()).isEqualTo("cert-manager: already up to date (v1.19.1)");
        assertThat(model.statusProperty().get()).startsWith("Upgrades are available");
    }

    @Test
    void previewAsPlannedIsTheContractsAndListsEveryChangeWithTheSelectedDiff() {
        connect();
        model.preview();
        assertThat(fake.preparedContract).isEqualTo("v1beta2");
        assertThat(fake.preparedProviders).isEmpty();
        assertThat(model.entries()).extracting(UpgradesViewModel.Entry::text).containsExactly(
                "cluster-api " + FROM + " \u2192 " + TO + " (namespace capi-system)\n   1 added, 1 changed, 40 unchanged, "
                        + "1 removed",
                "+ ConfigMap capi-system/new-settings",
                "~ Deployment capi-system/capi-controller-manager",
                "- Service capi-system/old-metrics",
                "CRD storage version change: clusters.cluster.x-k8s.io: storage version v1beta1 -> v1beta2, stored "
                        + "versions [v1beta1]");
        model.selectedProperty().set(model.entries().get(2));
        assertThat(model.diffProperty().get()).contains("-image: registry.k8s.io/cluster-api/cluster-api-controller:"
                + FROM).contains("+image: registry.k8s.io/cluster-api/cluster-api-controller:" + TO);
        assertThat(model.applicableProperty().get()).isTrue();
        assertThat(model.statusProperty().get()).isEqualTo("1 provider(s) would be upgraded on kind-capi-mgmt. Read "
                + "the changes, then apply.");
    }

    @Test
    void aChangedTargetVersionPreviewsTheChosenProvidersAndForgetsTheOldPreview() {
        connect();
        model.preview();
        model.rows().get(1).target().set(FROM);
        assertThat(model.entries()).isEmpty();
        assertThat(model.applicableProperty().get()).isFalse();
        model.preview();
        assertThat(fake.preparedContract).isNull();
        assertThat(fake.preparedProviders).containsExactly(new ProviderSpec(ProviderType.CORE, "cluster-api", TO));
    }

    @Test
    void applyShowsEachStepThenReadsThePlanAgain() {
        connect();
        model.apply();
        assertThat(model.errorProperty().get()).isEqualTo("Preview the upgrade first.");
        model.preview();
        model.apply();
        assertThat(model.steps()).containsExactly("Performing upgrade...",
                "Deleting Provider=\"cluster-api\" Version=\"" + FROM + "\" Namespace=\"capi-system\"",
                "  upgraded cluster-api to " + TO, "Upgrade complete.");
        assertThat(model.errorProperty().get()).isEmpty();
        assertThat(fake.overviews).isEqualTo(2);
        assertThat(model.applicableProperty().get()).as("the preview is spent").isFalse();
    }

    @Test
    void aFailedApplySaysSoPlainlyAndAsksToRunItAgain() {
        connect();
        fake.failAfterFirst = new InstallException("failed to wait until Deployment capd-system/capd-controller-"
                + "manager is scaled down: it still has 1 replicas");
        model.preview();
        model.apply();
        List<String> steps = new ArrayList<>(model.steps());
        assertThat(steps).contains("  upgraded cluster-api to " + TO).last().asString()
                .startsWith("Failed: failed to wait until Deployment capd-system/capd-controller-manager");
        assertThat(model.errorProperty().get()).startsWith("The upgrade stopped: failed to wait until")
                .endsWith("press Preview and apply again: it completes what is left.");
        assertThat(model.busyProperty().get()).isFalse();
        assertThat(fake.overviews).as("the plan is read again for the rerun").isEqualTo(2);
        model.preview();
        assertThat(model.applicableProperty().get()).isTrue();
    }
}
