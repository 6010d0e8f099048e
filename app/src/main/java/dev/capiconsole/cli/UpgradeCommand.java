package dev.capiconsole.cli;

import dev.capiconsole.install.CertManagerUpgrade;
import dev.capiconsole.install.InitSetup;
import dev.capiconsole.install.InstallException;
import dev.capiconsole.install.ProviderSpec;
import dev.capiconsole.install.ProviderUpgrade;
import dev.capiconsole.install.UpgradePlan;
import dev.capiconsole.install.UpgradePreview;
import dev.capiconsole.providers.ProviderType;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code capi-console upgrade}: clusterctl's provider upgrade ({@code plan}, {@code apply}), and a cluster's. */
@Command(name = "upgrade", mixinStandardHelpOptions = true, description = {
    "Upgrade the Cluster API providers of a management cluster, as clusterctl upgrade does (plan, apply), or one "
        + "cluster's Kubernetes version (cluster)."},
        subcommands = {UpgradeCommand.Plan.class, UpgradeCommand.Apply.class, OperationCommands.Upgrade.class})
final class UpgradeCommand {

    static final String CURRENT_CONTRACT = "v1beta2";

    @Command(name = "plan", mixinStandardHelpOptions = true, description = {
        "The upgrades available for the installed providers: the newest release within the current Cluster API "
            + "contract and within the next one, and whether cert-manager will be upgraded, printed as clusterctl "
            + "upgrade plan prints them."})
    static final class Plan implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        ManagementTarget management = new ManagementTarget();

        @Mixin
        ReleaseSourceOptions sources = new ReleaseSourceOptions();

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            InitSetup setup = sources.setup(err);
            try (ManagementTarget.Connection connection = management.open()) {
                err.println("Checking cert-manager version...");
                err.flush();
                CertManagerUpgrade.Plan certManager = new CertManagerUpgrade(connection.client(), setup.repository(),
                        setup.certManager()).plan();
                if (!certManager.externallyManaged()) {
                    out.println(certManager.shouldUpgrade() ? "Cert-Manager will be upgraded from \""
                            + certManager.from() + "\" to \"" + certManager.to() + "\"" : "Cert-Manager is already up "
                            + "to date");
                    out.println();
                }
                err.println("Checking new release availability...");
                err.flush();
                print(setup.upgradePlanner(connection.client()).plan(), out);
                out.flush();
                return 0;
            }
        }

        static void print(List<UpgradePlan> plans, PrintWriter out) {
            if (plans.isEmpty()) {
                out.println("There are no providers in the cluster. Please use clusterctl init to initialize a "
                        + "Cluster API management cluster.");
                return;
            }
            List<UpgradePlan> sorted = new ArrayList<>(plans);
            sorted.sort(Comparator.comparing(UpgradePlan::contract));
            for (UpgradePlan plan : sorted) {
                out.println();
                out.println("Latest release available for the " + plan.contract() + " Cluster API contract version:");
                out.println();
                TextTable table = new TextTable(10, 3);
                table.row("NAME", "NAMESPACE", "TYPE", "CURRENT VERSION", "NEXT VERSION");
                List<UpgradePlan.Item> items = new ArrayList<>(plan.providers());
                items.sort(Comparator.comparing((UpgradePlan.Item i) -> i.provider().type().clusterctlName())
                        .thenComparing(i -> i.provider().name()).thenComparing(i -> i.provider().namespace()));
                for (UpgradePlan.Item item : items) {
                    table.row(item.provider().name(), item.provider().namespace(),
                            item.provider().type().clusterctlName(), item.provider().version(),
                            item.upgrades() ? item.nextVersion() : "Already up to date");
                }
                table.print(out);
                out.println();
                if (plan.upgradeAvailable()) {
                    if (CURRENT_CONTRACT.equals(plan.contract())) {
                        out.println("You can now apply the upgrade by executing the following command:");
                        out.println();
                        out.println("clusterctl upgrade apply --contract " + plan.contract());
                    } else {
                        out.println("The current version of clusterctl could not upgrade to " + plan.contract()
                                + " contract (only " + CURRENT_CONTRACT + " supported).");
                    }
                } else {
                    out.println("You are already up to date!");
                }
                out.println();
            }
        }
    }

    @Command(name = "apply", mixinStandardHelpOptions = true, description = {
        "Upgrade providers as clusterctl upgrade apply does: every provider to the newest release of a contract "
            + "(--contract), or the named ones (--core, -b, -c, -i ... NAME:VERSION). First shows, per provider, "
            + "the objects added, changed (with the diff) and removed and the CRDs whose storage version changes, "
            + "then asks before applying."})
    static final class Apply implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        ManagementTarget management = new ManagementTarget();

        @Mixin
        ReleaseSourceOptions sources = new ReleaseSourceOptions();

        @Option(names = "--contract", paramLabel = "CONTRACT",
                description = "The Cluster API contract (e.g. v1beta2) to upgrade every provider to.")
        String contract;

        @Option(names = "--core", paramLabel = "NAME:VERSION", description = "The core provider's version.")
        String core;

        @Option(names = {"-b", "--bootstrap"}, split = ",", paramLabel = "NAME:VERSION")
        List<String> bootstrap = new ArrayList<>();

        @Option(names = {"-c", "--control-plane"}, split = ",", paramLabel = "NAME:VERSION")
        List<String> controlPlane = new ArrayList<>();

        @Option(names = {"-i", "--infrastructure"}, split = ",", paramLabel = "NAME:VERSION")
        List<String> infrastructure = new ArrayList<>();

        @Option(names = "--ipam", split = ",", paramLabel = "NAME:VERSION")
        List<String> ipam = new ArrayList<>();

        @Option(names = "--runtime-extension", split = ",", paramLabel = "NAME:VERSION")
        List<String> runtimeExtension = new ArrayList<>();

        @Option(names = "--addon", split = ",", paramLabel = "NAME:VERSION")
        List<String> addon = new ArrayList<>();

        @Option(names = "--wait-providers", description = "Wait until the upgraded providers are available.")
        boolean waitProviders;

        @Option(names = "--wait-provider-timeout", paramLabel = "SECONDS", defaultValue = "300",
                description = "How long to wait for the providers, in seconds (default: ${DEFAULT-VALUE}).")
        int waitProviderTimeout;

        @Option(names = "--dry-run", description = "Show the preview only; change nothing.")
        boolean dryRun;

        @Option(names = {"-y", "--yes"}, description = "Apply without asking.")
        boolean yes;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            List<ProviderSpec> named = named();
            if (contract == null && named.isEmpty()) {
                throw new InstallException("Either the --contract flag or at least one of the following flags has to "
                        + "be set: --core, --bootstrap, --control-plane, --infrastructure, --ipam, --extension, "
                        + "--addon");
            }
            if (contract != null && !named.isEmpty()) {
                throw new InstallException("The --contract flag can't be used in combination with --core, "
                        + "--bootstrap, --control-plane, --infrastructure, --ipam, --extension, --addon");
            }
            InitSetup setup = sources.setup(spec.commandLine().getErr());
            try (ManagementTarget.Connection connection = management.open()) {
                UpgradePlan plan = contract != null ? setup.upgradePlanner(connection.client()).forContract(contract)
                        : setup.upgradePlanner(connection.client()).forProviders(named);
                ProviderUpgrade upgrade = setup.providerUpgrade(connection.client());
                ProviderUpgrade.Prepared prepared = upgrade.prepare(plan);
                printPreview(prepared, out);
                if (dryRun) {
                    out.println("Dry run: nothing was changed.");
                    out.flush();
                    return 0;
                }
                if (prepared.providers().isEmpty() && !prepared.certManager().shouldUpgrade()) {
                    out.println("Nothing to upgrade.");
                    out.flush();
                    return 0;
                }
                if (!yes && !confirmed(out)) {
                    out.println("Not confirmed: nothing was changed.");
                    out.flush();
                    return 1;
                }
                upgrade.apply(prepared, waitProviders, Duration.ofSeconds(waitProviderTimeout == 0 ? 300
                        : waitProviderTimeout), new ProviderUpgrade.Progress() {
                            @Override
                            public void line(String text) {
                                out.println(text);
                                out.flush();
                            }

                            @Override
                            public void providerUpgraded(UpgradePlan.Item item) {
                                out.println("  upgraded " + item.provider().name() + " to " + item.nextVersion());
                                out.flush();
                            }
                        });
                out.println("Upgrade complete.");
                out.flush();
                return 0;
            }
        }

        private List<ProviderSpec> named() {
            List<ProviderSpec> named = new ArrayList<>();
            if (core != null) {
                named.add(ProviderSpec.parse(ProviderType.CORE, core));
            }
            bootstrap.forEach(p -> named.add(ProviderSpec.parse(ProviderType.BOOTSTRAP, p)));
            controlPlane.forEach(p -> named.add(ProviderSpec.parse(ProviderType.CONTROL_PLANE, p)));
            infrastructure.forEach(p -> named.add(ProviderSpec.parse(ProviderType.INFRASTRUCTURE, p)));
            ipam.forEach(p -> named.add(ProviderSpec.parse(ProviderType.IPAM, p)));
            runtimeExtension.forEach(p -> named.add(ProviderSpec.parse(ProviderType.RUNTIME_EXTENSION, p)));
            addon.forEach(p -> named.add(ProviderSpec.parse(ProviderType.ADDON, p)));
            return named;
        }

        private static boolean confirmed(PrintWriter out) {
            out.print("Apply this upgrade? [y/N] ");
            out.flush();
            try {
                String answer = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))
                        .readLine();
                return answer != null && answer.trim().equalsIgnoreCase("y");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        static void printPreview(ProviderUpgrade.Prepared prepared, PrintWriter out) {
            CertManagerUpgrade.Plan certManager = prepared.certManager();
            out.println("cert-manager: " + (certManager.externallyManaged() ? "not managed by clusterctl; left alone"
                    : certManager.shouldUpgrade() ? "upgrade from " + certManager.from() + " to " + certManager.to()
                    : "already up to date (" + certManager.from() + ")"));
            if (prepared.providers().isEmpty()) {
                out.println("No provider has a newer release to upgrade to.");
            }
            for (UpgradePreview preview : prepared.previews()) {
                out.println();
                out.println(preview.title() + ": " + preview.summary());
                preview.added().forEach(name -> out.println("  + " + name));
                preview.removed().forEach(name -> out.println("  - " + name));
                preview.changed().forEach(change -> out.println("  ~ " + change.object()));
                preview.storageChanges().forEach(change -> out.println("  CRD " + change));
                if (!preview.changed().isEmpty()) {
                    out.println("  Changes against " + preview.diffBase() + ":");
                    preview.changed().forEach(change -> change.diff().lines().forEach(line -> out.println("    "
                            + line)));
                }
            }
            out.println();
            out.flush();
        }
    }
}
