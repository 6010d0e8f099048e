package dev.capiconsole.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capiconsole.testing.Await;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kind flow up to the process boundary. This machine has no Docker engine, so real kind cannot run here:
 * stand-in {@code kind} and {@code docker} executables (src/test/resources/kind-standin) are put first on the
 * PATH of the packaged CLI. They check the arguments and the config file they get and replay the output kind
 * v0.33.0 prints without a terminal, including its failure when the name is taken.
 */
class KindStandInIT {

    private static final Path JAR = Path.of(System.getProperty("app.jar", "target/capi-console.jar"));

    @TempDir
    Path folder;
    private Path bin;
    private Path log;

    record Result(int exitCode, String out, String err) {
    }

    @BeforeEach
    void standIns() throws IOException {
        bin = Files.createDirectories(folder.resolve("bin"));
        for (String tool : List.of("kind", "docker")) {
            try (InputStream in = KindStandInIT.class.getResourceAsStream("/kind-standin/" + tool)) {
                Path target = bin.resolve(tool);
                Files.copy(in, target);
                Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
        }
        log = folder.resolve("kind.log");
    }

    private Result run(Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectOutput(folder.resolve("out.txt").toFile()).redirectError(folder.resolve("err.txt").toFile());
        builder.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        builder.environment().put("KIND_STANDIN_LOG", log.toString());
        builder.environment().put("KIND_STANDIN_STATE", folder.resolve("clusters").toString());
        builder.environment().putAll(env);
        Process process = builder.start();
        process.getOutputStream().close();
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        return new Result(process.exitValue(), Files.readString(folder.resolve("out.txt")),
                Files.readString(folder.resolve("err.txt")));
    }

    @Test
    void createPassesItsConfigAndReportsKindsStepsThenListAndDelete() throws Exception {
        Path kubeconfig = folder.resolve("kubeconfig");
        Result created = run(Map.of(), "kind", "create", "capi-mgmt", "--kubernetes-version", "v1.33.1",
                "--workers", "1", "--kubeconfig", kubeconfig.toString());
        assertThat(created.exitCode()).as(created.err()).isZero();
        assertThat(created.out()).contains("Using kind v0.33.0").contains("Docker engine 28.3.3")
                .contains("✓ Ensuring node image (kindest/node:v1.33.1)").contains("✓ Preparing nodes")
                .contains("✓ Installing CNI").contains("Set kubectl context to \"kind-capi-mgmt\"")
                .contains("Kind cluster capi-mgmt is ready: context kind-capi-mgmt");
        assertThat(Files.readString(log)).contains("kind create cluster --name capi-mgmt --config ")
                .contains("--wait 2m --kubeconfig " + kubeconfig);
        String config = Files.readString(Path.of(log + ".config.yaml"));
        assertThat(config).contains("hostPath: /var/run/docker.sock").contains("image: kindest/node:v1.33.1")
                .contains("role: worker");
        assertThat(Files.readString(kubeconfig)).contains("current-context: kind-capi-mgmt");

        Result listed = run(Map.of(), "kind", "list");
        assertThat(listed.out().strip()).isEqualTo("capi-mgmt");
        Result deleted = run(Map.of(), "kind", "delete", "capi-mgmt");
        assertThat(deleted.exitCode()).as(deleted.err()).isZero();
        assertThat(deleted.out()).contains("Deleting cluster \"capi-mgmt\"");
        assertThat(run(Map.of(), "kind", "list").out().strip()).isEqualTo("No kind clusters.");
    }

    @Test
    void kindsFailureIsReportedInItsOwnWords() throws Exception {
        Result taken = run(Map.of(), "kind", "create", "taken");
        assertThat(taken.exitCode()).isEqualTo(1);
        assertThat(taken.err()).contains("kind create cluster failed (exit 1): failed to create cluster: node(s) "
                + "already exist for a cluster with the name \"taken\"");
    }

    @Test
    void missingOrStoppedToolsSayWhatToDo() throws Exception {
        Result stopped = run(Map.of("DOCKER_STANDIN_DOWN", "1"), "kind", "create", "x");
        assertThat(stopped.exitCode()).isEqualTo(1);
        assertThat(stopped.err()).contains("docker is installed at").contains("Is the Docker engine running?");
        Files.delete(bin.resolve("kind"));
        Result missing = run(Map.of("PATH", bin + ":/usr/bin:/bin"), "kind", "create", "x");
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.err()).contains("kind is not installed (not found on the PATH)")
                .contains("go install sigs.k8s.io/kind@v0.33.0");
    }

    @Test
    void printConfigShowsTheKindConfigWithoutRunningAnything() throws Exception {
        Result printed = run(Map.of(), "kind", "create", "demo", "--no-docker-provider", "--print-config");
        assertThat(printed.exitCode()).as(printed.err()).isZero();
        assertThat(printed.out()).contains("apiVersion: kind.x-k8s.io/v1alpha4").contains("name: demo")
                .doesNotContain("docker.sock");
        assertThat(log).doesNotExist();
        Result badName = run(Map.of(), "kind", "create", "Bad_Name", "--print-config");
        assertThat(badName.exitCode()).isEqualTo(1);
        assertThat(badName.err()).contains("invalid kind cluster name");
    }

    @Test
    void cancellingACreateStopsKind() throws Exception {
        Path kind = bin.resolve("kind");
        KindRunner runner = new KindRunner(kind, Map.of("KIND_STANDIN_DELAY", "30", "KIND_STANDIN_LOG",
                log.toString()));
        List<KindProgress> seen = new CopyOnWriteArrayList<>();
        KindRunner.Creation creation = runner.create(new KindClusterConfig("slow", null, 0, true), folder,
                null, seen::add);
        Await.until(Duration.ofSeconds(10), "kind's step Preparing nodes started", () -> seen.stream()
                .anyMatch(p -> p.kind() == KindProgress.Kind.STEP_STARTED && p.text().startsWith("Preparing nodes")));
        creation.cancel();
        int exit = creation.exit().get(10, TimeUnit.SECONDS);
        assertThat(exit).isNotZero();
        assertThat(creation.cancelled()).isTrue();
        assertThat(seen).noneMatch(p -> p.text().startsWith("Preparing nodes") && p.kind()
                == KindProgress.Kind.STEP_DONE);
    }

    @Test
    void loadChecksTheArchiveThenRunsKindLoadImageArchive() throws Exception {
        assertThat(run(Map.of(), "kind", "create", "capi-mgmt").exitCode()).isZero();
        Path content = Files.createDirectories(folder.resolve("content"));
        Files.writeString(content.resolve("manifest.json"),
                "[{\"Config\":\"c.json\",\"RepoTags\":[\"registry.k8s.io/cluster-api/capd-manager:v1.14.2\"]}]");
        Path archive = folder.resolve("images.tar");
        Process tar = new ProcessBuilder("tar", "-cf", archive.toString(), "-C", content.toString(), "manifest.json")
                .start();
        assertThat(tar.waitFor()).isZero();

        Result loaded = run(Map.of(), "kind", "load", "capi-mgmt", "--archive", archive.toString());
        assertThat(loaded.exitCode()).as(loaded.err()).isZero();
        assertThat(loaded.out()).contains("Loading images.tar (")
                .contains("1 image(s): registry.k8s.io/cluster-api/capd-manager:v1.14.2")
                .contains("into the nodes of kind cluster capi-mgmt").contains("Loaded into kind cluster capi-mgmt in ");
        assertThat(Files.readString(log)).contains("kind load image-archive " + archive + " --name capi-mgmt");

        Result otherCluster = run(Map.of(), "kind", "load", "other", "--archive", archive.toString());
        assertThat(otherCluster.exitCode()).isEqualTo(1);
        assertThat(otherCluster.err()).contains("kind load image-archive failed (exit 1): no nodes found for "
                + "cluster \"other\"");

        Path gzipped = folder.resolve("images.tar.gz");
        Files.write(gzipped, new byte[] {0x1f, (byte) 0x8b, 8, 0});
        Path text = Files.writeString(folder.resolve("notes.txt"), "not an archive");
        long loads = Files.readAllLines(log).stream().filter(l -> l.startsWith("kind load")).count();
        assertThat(run(Map.of(), "kind", "load", "capi-mgmt", "--archive", gzipped.toString()).err())
                .contains("is gzip-compressed; kind load image-archive needs a plain tar");
        assertThat(run(Map.of(), "kind", "load", "capi-mgmt", "--archive", text.toString()).err())
                .contains("is not a tar archive");
        assertThat(run(Map.of(), "kind", "load", "capi-mgmt", "--archive", folder.resolve("missing.tar").toString())
                .err()).contains("does not exist");
        assertThat(Files.readAllLines(log).stream().filter(l -> l.startsWith("kind load")).count()).isEqualTo(loads);
    }
}
