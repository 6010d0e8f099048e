package dev.capiconsole.cli;

import dev.capiconsole.controllerlogs.LogFilter;
import dev.capiconsole.controllerlogs.LogLevel;
import dev.capiconsole.controllerlogs.LogLine;
import dev.capiconsole.controllerlogs.LogSubject;
import dev.capiconsole.controllerlogs.ManagerLogs;
import dev.capiconsole.controllerlogs.ObjectLogs;
import dev.capiconsole.install.GoDuration;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code capi-console get controller-logs KIND/NAME}: what the Cluster API managers logged about one object. */
@Command(name = "controller-logs", mixinStandardHelpOptions = true, description = {
    "Print the Cluster API managers' log lines about one object: the lines whose structured keys name it",
    "(e.g. Machine=\"NS/NAME\") and the other lines of the same reconciles, as '<manager> <line>', by time.",
    "On the embedded lab they come from the managers' log files; elsewhere from the provider controller pods."})
final class ControllerLogsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "KIND/NAME",
            description = "The object, e.g. Machine/my-cluster-md-0-abcde or KubeadmControlPlane/my-cluster-x7k2p.")
    String object;

    @Mixin
    ClusterTarget target = new ClusterTarget();

    @Option(names = "--since", paramLabel = "DURATION", description = "Only lines of the last DURATION, e.g. 10m, 1h.")
    String since;

    @Option(names = {"-f", "--follow"}, description = "Keep printing new lines until interrupted.")
    boolean follow;

    @Option(names = "--level", paramLabel = "LEVEL", defaultValue = "info",
            description = "The least severe level to print: info (all), warning, or error (default: ${DEFAULT-VALUE}).")
    String level;

    @Override
    public Integer call() throws InterruptedException {
        LogFilter filter = filter(Clock.systemUTC());
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (ManagementTarget.Connection connection = target.open()) {
            LogSubject subject = subject(connection.namespace());
            ManagerLogs managers = ManagerLogs.find(connection.client(), connection.context().file());
            if (!follow) {
                List<LogLine> lines = ObjectLogs.read(managers.logs(), subject, filter, Clock.systemUTC());
                lines.forEach(line -> out.println(line.printed()));
                out.flush();
                if (lines.isEmpty()) {
                    err.println("No lines about " + subject + " in " + managers.where() + ".");
                    err.flush();
                }
                return 0;
            }
            try (ObjectLogs following = ObjectLogs.follow(managers.logs(), subject, filter.from(), Clock.systemUTC(),
                    batch -> print(out, batch, filter))) {
                following.problems().forEach(err::println);
                err.flush();
                new CountDownLatch(1).await();
            }
            return 0;
        }
    }

    private static void print(PrintWriter out, List<LogLine> batch, LogFilter filter) {
        synchronized (out) {
            batch.stream().filter(filter).forEach(line -> out.println(line.printed()));
            out.flush();
        }
    }

    private LogFilter filter(Clock clock) {
        LogFilter filter;
        try {
            filter = LogFilter.all().atLeast(LogLevel.named(level));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--level: " + e.getMessage());
        }
        if (since == null) {
            return filter;
        }
        Duration window = GoDuration.parse(since).orElseThrow(() -> new ParameterException(spec.commandLine(),
                "--since takes a duration such as 10m, 1h or 90s, got '" + since + "'"));
        return filter.window(clock.instant().minus(window), null);
    }

    private LogSubject subject(String namespace) {
        try {
            return LogSubject.parse(object, namespace);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }
}
