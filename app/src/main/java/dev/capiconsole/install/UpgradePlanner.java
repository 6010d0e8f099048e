package dev.capiconsole.install;

import dev.capiconsole.providers.ProviderType;
import dev.capiconsole.templates.Semver;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersion;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * clusterctl's provider upgrade planning: the upgrades within the core provider's contract and to each later one
 * ({@code upgrade plan}), the plan of {@code upgrade apply --contract}, and the checked plan of {@code upgrade apply}
 * with explicit provider versions. Each provider's versions and newest metadata are read once per planner.
 */
public final class UpgradePlanner {

    private static final String CLUSTERS_CRD = "clusters.cluster.x-k8s.io";

    private final KubernetesClient client;
    private final ReleaseRepository repository;
    private final Map<String, UpgradeInfo> infos = new HashMap<>();

    public UpgradePlanner(KubernetesClient client, ReleaseRepository repository) {
        this.client = client;
        this.repository = repository;
    }

    /** The installed providers, after clusterctl's checks of the management cluster's contract and inventory. */
    public List<InstalledProvider> checkedInventory() {
        CustomResourceDefinition clusters = client.apiextensions().v1().customResourceDefinitions()
                .withName(CLUSTERS_CRD).get();
        if (clusters == null) {
            throw new InstallException("failed to check Cluster API version: customresourcedefinitions.apiextensions"
                    + ".k8s.io \"" + CLUSTERS_CRD + "\" not found");
        }
        String storage = clusters.getSpec().getVersions().stream().filter(CustomResourceDefinitionVersion::getStorage)
                .map(CustomResourceDefinitionVersion::getName).findFirst()
                .orElseThrow(() -> new InstallException("failed to check Cluster API version"));
        if (!Init.compatibleContracts(Init.CURRENT_CONTRACT).contains(storage)) {
            throw new InstallException("this version of capi-console could be used only with \""
                    + Init.CURRENT_CONTRACT + "\" management clusters, \"" + storage + "\" detected");
        }
        Inventory inventory = new Inventory(client);
        inventory.ensureDefinition(Duration.ofSeconds(60));
        return inventory.list();
    }

    /** {@code clusterctl upgrade plan}: one plan per contract, without later contracts some provider lacks. */
    public List<UpgradePlan> plan() {
        List<InstalledProvider> installed = checkedInventory();
        InstalledProvider core = core(installed);
        UpgradeInfo coreInfo = info(core);
        List<UpgradePlan> plans = new ArrayList<>();
        for (String contract : coreInfo.contractsForUpgrade()) {
            UpgradePlan plan = contractPlan(installed, contract);
            if (plan.partial() && !coreInfo.currentContract().equals(contract)) {
                continue;
            }
            plans.add(plan);
        }
        return plans;
    }

    /** {@code upgrade apply --contract}: every provider that has a newer release for the contract. */
    public UpgradePlan forContract(String contract) {
        if (!Init.CURRENT_CONTRACT.equals(contract)) {
            throw new InstallException("current version of capi-console could only upgrade to "
                    + Init.CURRENT_CONTRACT + " contract, requested " + contract);
        }
        UpgradePlan plan = contractPlan(checkedInventory(), contract);
        return new UpgradePlan(contract, plan.providers().stream().filter(UpgradePlan.Item::upgrades).toList());
    }

    /** {@code upgrade apply --core/-b/-c/-i NAME:VERSION}: the named providers, checked against the core's contract. */
    public UpgradePlan forProviders(List<ProviderSpec> wanted) {
        List<InstalledProvider> installed = checkedInventory();
        InstalledProvider core = core(installed);
        Map<String, UpgradePlan.Item> items = new LinkedHashMap<>();
        for (ProviderSpec spec : wanted) {
            if (spec.version() == null) {
                throw new InstallException("invalid provider name \"" + spec.name() + "\". Provider name should be in "
                        + "the form namespace/name:version and version cannot be empty");
            }
            InstalledProvider provider = installed.stream().filter(p -> p.sameProviderAs(spec)).findFirst()
                    .orElseThrow(() -> new InstallException("unable to find default namespace for provider \""
                            + spec.name() + ":" + spec.version() + "\""));
            items.put(UpgradeInfo.instanceName(provider), new UpgradePlan.Item(provider, spec.version()));
        }
        UpgradePlan.Item coreItem = items.get(UpgradeInfo.instanceName(core));
        String targetContract = contractOf(core, coreItem == null ? core.version() : coreItem.nextVersion());
        if (!Init.CURRENT_CONTRACT.equals(targetContract)) {
            throw new InstallException("current version of capi-console could only upgrade the core provider to "
                    + Init.CURRENT_CONTRACT + " contract version, requested " + targetContract);
        }
        Set<String> compatible = Init.compatibleContracts(targetContract);
        for (UpgradePlan.Item item : items.values()) {
            String contract = contractOf(item.provider(), item.nextVersion());
            if (!compatible.contains(contract)) {
                throw new InstallException("unable to perform upgrade: the target version for the provider "
                        + UpgradeInfo.instanceName(item.provider()) + " implements the " + contract + " contract "
                        + "version, while the core provider supports " + String.join(", ", compatible)
                        + " contract versions");
            }
        }
        for (InstalledProvider provider : installed) {
            if (items.containsKey(UpgradeInfo.instanceName(provider))) {
                continue;
            }
            String contract = contractOf(provider, provider.version());
            if (!compatible.contains(contract)) {
                throw new InstallException("unable to perform upgrade: the provider " + UpgradeInfo.instanceName(
                        provider) + " implements the " + contract + " contract version, while the core provider is "
                        + "getting updated to a version that supports " + String.join(", ", compatible) + " contract "
                        + "versions. Please include the " + UpgradeInfo.instanceName(provider) + " provider in the "
                        + "upgrade");
            }
        }
        return new UpgradePlan(targetContract, List.copyOf(items.values()));
    }

    private UpgradePlan contractPlan(List<InstalledProvider> installed, String contract) {
        Set<String> compatible = Init.compatibleContracts(contract);
        List<UpgradePlan.Item> items = new ArrayList<>();
        for (InstalledProvider provider : installed) {
            items.add(new UpgradePlan.Item(provider, info(provider).latestNextVersion(compatible).orElse("")));
        }
        return new UpgradePlan(contract, items);
    }

    private String contractOf(InstalledProvider provider, String version) {
        if (Semver.tryParse(version).isEmpty()) {
            throw new InstallException("failed to parse target version for the " + UpgradeInfo.instanceName(provider)
                    + " provider: \"" + version + "\"");
        }
        return info(provider).metadata().contractOf(version).orElseThrow(() -> new InstallException(
                "invalid target version: version " + version + " for the provider " + UpgradeInfo.instanceName(
                        provider) + " does not match any release series"));
    }

    private UpgradeInfo info(InstalledProvider provider) {
        return infos.computeIfAbsent(UpgradeInfo.instanceName(provider), name -> UpgradeInfo.of(repository,
                provider));
    }

    private static InstalledProvider core(List<InstalledProvider> installed) {
        List<InstalledProvider> cores = installed.stream().filter(p -> p.type() == ProviderType.CORE).toList();
        if (cores.size() != 1) {
            throw new InstallException("invalid management cluster: there must be one core provider, found "
                    + cores.size());
        }
        return cores.get(0);
    }
}
