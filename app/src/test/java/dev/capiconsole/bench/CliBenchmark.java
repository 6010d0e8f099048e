package dev.capiconsole.bench;

import dev.capiconsole.lab.LabBinaries;
import dev.capiconsole.lab.LabFixture;
import dev.capiconsole.lab.LabProgress;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Benchmark (not a test): wall time of CLI commands as a new user runs them on the lab's sample cluster, beside the
 * peer each replaces (clusterctl v1.14, or kubectl where clusterctl has no such command), measured alternately in one
 * run: {@code app/capi-console} as the README starts it (its checks and class-data archive included) and the bare
 * {@code java -jar} (JVM start included). Run with {@code app/dev/bench-cli [RUNS] [JAVA_OPTIONS...]}; the options go
 * to the bare jar's JVM.
 */
public final class CliBenchmark {

    private static final double GOAL_SECONDS = 0.5;
    private static final String CLUSTER = "bench";

    private CliBenchmark() {
    }

    /** One command: how the peer runs it and how the console runs it (both without the kubeconfig flag). */
    private record Pair(String name, List<String> peer, List<String> console) {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        Path jar = Path.of("app/target/capi-console.jar").toAbsolutePath();
        List<String> javaOptions = args.length > 1 ? List.of(args).subList(1, args.length) : List.of();
        Path work = Files.createTempDirectory("capi-console-bench-cli");
        LabBinaries binaries = LabBinaries.ensure(LabProgress.NONE, "clusterctl", "kubectl");
        try (LabFixture lab = LabFixture.withReadyCluster(work, CLUSTER, 1, 1)) {
            String machineDeployment = lab.client()
                    .genericKubernetesResources("cluster.x-k8s.io/v1beta2", "MachineDeployment").inNamespace("default")
                    .withLabel("cluster.x-k8s.io/cluster-name", CLUSTER).list().getItems().get(0)
                    .getMetadata().getName();
            Path template = binaries.source("CAPD_TEMPLATES_DIR").resolve("cluster-template-in-memory.yaml");
            Path config = work.resolve("clusterctl.yaml");
            Files.writeString(config, "");
            String clusterctl = binaries.binary("clusterctl").toString();
            String kubectl = binaries.binary("kubectl").toString();
            List<String> generate = List.of("generate", "cluster", "other", "--from", template.toString(),
                    "--kubernetes-version", "v1.36.0", "--worker-machine-count", "2", "--target-namespace", "default");
            List<Pair> pairs = List.of(
                    new Pair("version", List.of(clusterctl, "version", "--config", config.toString()),
                            List.of("--version")),
                    new Pair("describe cluster", List.of(clusterctl, "describe", "cluster", CLUSTER,
                            "--config", config.toString(), "--kubeconfig", lab.kubeconfig().toString()),
                            List.of("describe", "cluster", CLUSTER, "--kubeconfig", lab.kubeconfig().toString())),
                    new Pair("get kubeconfig", List.of(clusterctl, "get", "kubeconfig", CLUSTER,
                            "--config", config.toString(), "--kubeconfig", lab.kubeconfig().toString()),
                            List.of("get", "kubeconfig", CLUSTER, "--kubeconfig", lab.kubeconfig().toString())),
                    new Pair("generate cluster --from", concat(List.of(clusterctl), generate,
                            List.of("--config", config.toString())), generate),
                    new Pair("scale --dry-run (peer: kubectl)", List.of(kubectl, "scale", "machinedeployment/"
                            + machineDeployment, "--replicas=2", "--dry-run=server", "-n", "default",
                            "--kubeconfig", lab.kubeconfig().toString()),
                            List.of("scale", CLUSTER, "--machine-deployment", machineDeployment, "--replicas", "2",
                                    "--dry-run", "--kubeconfig", lab.kubeconfig().toString())));
            List<String> java = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString()));
            java.addAll(javaOptions);
            java.addAll(List.of("-jar", jar.toString()));
            List<String> launcher = List.of(Path.of("app/capi-console").toAbsolutePath().toString());
            System.out.printf("%-34s %10s %12s %8s %12s %8s  %s%n", "command (median of " + runs + ")", "peer",
                    "launcher", "ratio", "java -jar", "ratio", "goal < " + GOAL_SECONDS + " s (launcher)");
            for (Pair pair : pairs) {
                List<Long> peer = new ArrayList<>();
                List<Long> viaLauncher = new ArrayList<>();
                List<Long> viaJar = new ArrayList<>();
                run(pair.peer(), work);
                run(concat(launcher, pair.console()), work);
                run(concat(java, pair.console()), work);
                for (int i = 0; i < runs; i++) {
                    peer.add(run(pair.peer(), work));
                    viaLauncher.add(run(concat(launcher, pair.console()), work));
                    viaJar.add(run(concat(java, pair.console()), work));
                }
                long theirs = Math.max(1, median(peer));
                long ours = median(viaLauncher);
                long jarOnly = median(viaJar);
                System.out.printf("%-34s %7d ms %9d ms %7.1fx %9d ms %7.1fx  %s%n", pair.name(), theirs, ours,
                        (double) ours / theirs, jarOnly, (double) jarOnly / theirs,
                        ours <= GOAL_SECONDS * 1000 ? "met" : "missed");
            }
        }
    }

    /** Runs the command to its end and returns its wall time in milliseconds; fails on a non-zero exit. */
    private static long run(List<String> command, Path work) throws IOException, InterruptedException {
        Path output = work.resolve("output.txt");
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile())
                .start();
        if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + Files.readString(output));
        }
        return (System.nanoTime() - start) / 1_000_000;
    }

    @SafeVarargs
    private static List<String> concat(List<String>... parts) {
        List<String> all = new ArrayList<>();
        for (List<String> part : parts) {
            all.addAll(part);
        }
        return all;
    }

    private static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
