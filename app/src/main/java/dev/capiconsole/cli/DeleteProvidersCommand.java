package dev.capiconsole.cli;

import dev.capiconsole.install.ProviderDeletion;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code capi-console delete providers}: clusterctl delete, with the objects that go listed first. */
@Command(name = "providers", mixinStandardHelpOptions = true, description = {
    "Delete providers from the management cluster, as clusterctl delete does: their components and inventory "
        + "entries; the namespace only with --include-namespace (and everything in it), the CRDs only with "
        + "--include-crd (refused while objects of their kinds exist). Lists every object that goes and asks "
        + "before deleting."})
final class DeleteProvidersCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ManagementTarget management = new ManagementTarget();

    @Mixin
    ProviderFlags providers = new ProviderFlags();

    @Option(names = "--all", description = "Delete every installed provider.")
    boolean all;

    @Option(names = "--include-namespace", description = "Also delete each provider's namespace and everything in it.")
    boolean includeNamespace;

    @Option(names = "--include-crd", description = "Also delete the providers' CRDs (and every object of their kinds).")
    boolean includeCrd;

    @Option(names = {"-y", "--yes"}, description = "Delete without asking.")
    boolean yes;

    @Option(names = "--dry-run", description = "Print what would be deleted, then stop.")
    boolean dryRun;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        ProviderDeletion.Request request = new ProviderDeletion.Request(all, providers.core, providers.bootstrap,
                providers.controlPlane, providers.infrastructure, providers.ipam, includeNamespace, includeCrd);
        try (ManagementTarget.Connection connection = management.open()) {
            ProviderDeletion deletion = new ProviderDeletion(connection.client());
            ProviderDeletion.Plan plan = deletion.plan(request);
            out.print(DeletionText.describe(connection.context().name(), plan));
            out.flush();
            if (dryRun) {
                out.println("Dry run: nothing was deleted.");
                out.flush();
                return 0;
            }
            if (!yes && !confirmed(out)) {
                out.println("Nothing was deleted.");
                out.flush();
                return 1;
            }
            deletion.apply(plan, out::println);
            out.println("Deleted " + plan.providers().size() + " provider(s).");
            out.flush();
            return 0;
        }
    }

    private static boolean confirmed(PrintWriter out) {
        out.print("Delete these providers? [y/N] ");
        out.flush();
        try {
            String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            return line != null && (line.trim().equalsIgnoreCase("y") || line.trim().equalsIgnoreCase("yes"));
        } catch (IOException e) {
            return false;
        }
    }
}
