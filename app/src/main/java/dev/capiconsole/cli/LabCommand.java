package dev.capiconsole.cli;

import dev.capiconsole.lab.Lab;
import dev.capiconsole.lab.LabBinaries;
import dev.capiconsole.lab.LabException;
import dev.capiconsole.lab.LabOptions;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code capi-console lab start|stop|status}: the embedded management plane from a terminal. */
@Command(
        name = "lab",
        mixinStandardHelpOptions = true,
        description = {
            "The embedded lab: a real Cluster API management plane (etcd, kube-apiserver, CAPI core, kubeadm",
            "bootstrap and control plane, docker provider with in-memory machines) as local processes, no Docker."
        },
        subcommands = {LabCommand.Start.class, LabCommand.Stop.class, LabCommand.Status.class})
final class LabCommand {

    static class DataDirOption {
        @Option(names = "--data-dir", paramLabel = "DIR",
                description = "Where the lab keeps its data (default: $XDG_DATA_HOME/capi-console/lab, "
                        + "else ~/.local/share/capi-console/lab).")
        Path dataDir;

        LabOptions options() {
            LabOptions defaults = LabOptions.defaults();
            return dataDir == null ? defaults : defaults.withDataDir(dataDir.toAbsolutePath());
        }
    }

    @Command(name = "start", mixinStandardHelpOptions = true,
            description = {"Start the lab and leave it running; stop it with 'capi-console lab stop'.",
                "The first start builds the upstream binaries from the Go module proxy (several minutes)."})
    static final class Start implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @picocli.CommandLine.Mixin
        DataDirOption dataDir = new DataDirOption();

        @Option(names = "--apiserver-only", description = "Start only etcd and kube-apiserver, no Cluster API.")
        boolean apiServerOnly;

        @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "120",
                description = "How long each part may take to become ready (default: ${DEFAULT-VALUE}).")
        long timeoutSeconds;

        @Override
        public Integer call() {
            LabOptions options = dataDir.options().detached();
            if (apiServerOnly) {
                options = options.apiServerOnly();
            }
            options = new LabOptions(options.dataDir(), options.controllers(), false,
                    Duration.ofSeconds(timeoutSeconds));
            PrintWriter err = spec.commandLine().getErr();
            Lab lab = Lab.start(options, line -> err.println(line));
            PrintWriter out = spec.commandLine().getOut();
            out.println("The lab is running: " + lab.serverUrl());
            out.println("Use it with:  export KUBECONFIG=" + lab.kubeconfig());
            out.println("Stop it with: capi-console lab stop"
                    + (dataDir.dataDir == null ? "" : " --data-dir " + options.dataDir()));
            return 0;
        }
    }

    @Command(name = "stop", mixinStandardHelpOptions = true,
            description = "Stop the running lab; its data stays for the next start.")
    static final class Stop implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @picocli.CommandLine.Mixin
        DataDirOption dataDir = new DataDirOption();

        @Override
        public Integer call() {
            Path dir = dataDir.options().dataDir();
            boolean stopped = Lab.stop(dir);
            spec.commandLine().getOut().println(stopped ? "The lab in " + dir + " is stopped."
                    : "No lab is running in " + dir + ".");
            return 0;
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true,
            description = {"Say whether the lab is running (exit code 0 if it is, 3 if not), whether its binaries",
                "are built and, if not, what building them needs."})
    static final class Status implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @picocli.CommandLine.Mixin
        DataDirOption dataDir = new DataDirOption();

        @Override
        public Integer call() {
            Path dir = dataDir.options().dataDir();
            PrintWriter out = spec.commandLine().getOut();
            int exit = Lab.status(dir).map(running -> {
                out.println("running: " + running);
                out.println("kubeconfig: " + dir.resolve("kubeconfig"));
                return 0;
            }).orElseGet(() -> {
                out.println("not running (data directory " + dir + ")");
                return 3;
            });
            describeBinaries(out);
            return exit;
        }

        /** Whether the upstream binaries are built and, when they are not, what building them needs. */
        private static void describeBinaries(PrintWriter out) {
            LabBinaries.BuildStatus build;
            try {
                build = LabBinaries.check();
            } catch (LabException | UncheckedIOException e) {
                out.println("binaries: cannot check them: " + e.getMessage());
                return;
            }
            if (build.built()) {
                out.println("binaries: built, in " + build.binDir());
                return;
            }
            out.println("binaries: " + String.join(", ", build.missing()) + " not built yet; 'capi-console lab start'"
                    + " builds them from the Go module proxy into " + build.binDir()
                    + " (several minutes the first time; needs Go and access to proxy.golang.org)");
            out.println(build.canBuild() ? "go: " + build.goVersion() + " at " + build.go() + " (needs "
                    + build.goMinVersion() + " or newer)" : "go: " + build.goProblem());
        }
    }
}
