package dev.capiconsole.ui.install;

import dev.capiconsole.install.CertManagerUpgrade;
import dev.capiconsole.install.InitSetup;
import dev.capiconsole.install.ProviderSpec;
import dev.capiconsole.install.ProviderUpgrade;
import dev.capiconsole.install.UpgradePlan;
import dev.capiconsole.install.UpgradePlanner;
import dev.capiconsole.install.UpgradePreview;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.List;

/**
 * The provider upgrade the Upgrades tab drives on one management cluster: the same calls as {@code capi-console
 * upgrade plan} and {@code upgrade apply}, so the tab plans, checks, previews and applies exactly as the CLI does.
 */
interface ProviderUpgrades {

    /** What {@code upgrade plan} reads: cert-manager's upgrade and one plan per contract. */
    record Overview(CertManagerUpgrade.Plan certManager, List<UpgradePlan> plans) {
    }

    /** A checked, prepared upgrade: what it changes, and how to apply it. */
    record Preview(CertManagerUpgrade.Plan certManager, List<UpgradePreview> providers, Applier applier) {
        public boolean changesSomething() {
            return !providers.isEmpty() || certManager.shouldUpgrade();
        }
    }

    /** Applies a prepared upgrade, reporting each step. */
    interface Applier {
        void apply(ProviderUpgrade.Progress progress);
    }

    Overview overview();

    /** {@code upgrade apply --contract C} when {@code contract} is set, else with the chosen provider versions. */
    Preview prepare(String contract, List<ProviderSpec> chosen);

    static ProviderUpgrades of(InitSetup setup, KubernetesClient client) {
        return new ProviderUpgrades() {
            @Override
            public Overview overview() {
                CertManagerUpgrade.Plan certManager = new CertManagerUpgrade(client, setup.repository(),
                        setup.certManager()).plan();
                return new Overview(certManager, setup.upgradePlanner(client).plan());
            }

            @Override
            public Preview prepare(String contract, List<ProviderSpec> chosen) {
                UpgradePlanner planner = setup.upgradePlanner(client);
                UpgradePlan plan = contract != null ? planner.forContract(contract) : planner.forProviders(chosen);
                ProviderUpgrade upgrade = setup.providerUpgrade(client);
                ProviderUpgrade.Prepared prepared = upgrade.prepare(plan);
                return new Preview(prepared.certManager(), prepared.previews(),
                        progress -> upgrade.apply(prepared, false, Duration.ofMinutes(5), progress));
            }
        };
    }
}
