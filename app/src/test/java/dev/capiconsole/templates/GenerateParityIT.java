package dev.capiconsole.templates;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capiconsole.lab.LabBinaries;
import dev.capiconsole.lab.LabProgress;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code capi-console generate} against the lab's clusterctl v1.14, both run as processes with the same flags and
 * environment: the upstream docker provider templates from the module cache, several variable sets, from a file
 * and from a provider repository (which brings the ClusterClass); same objects (parsed, not bytes) and the same
 * {@code --list-variables} text.
 */
class GenerateParityIT {

    @TempDir
    static Path home;

    static Path templates;
    static SideBySide peers;

    /** Variable sets: what the environment says, and the flags given. */
    record Case(String name, Map<String, String> env, List<String> flags) {
    }

    static final List<Case> CASES = List.of(
            new Case("defaults", Map.of("KUBERNETES_VERSION", "v1.33.0"), List.of()),
            new Case("flags", Map.of(), List.of("--kubernetes-version", "v1.34.1", "--control-plane-machine-count",
                    "3", "--worker-machine-count", "5")),
            new Case("environment", Map.of("KUBERNETES_VERSION", "v1.32.4+k3s1", "CONTROL_PLANE_MACHINE_COUNT", "5",
                    "WORKER_MACHINE_COUNT", "7", "POD_CIDR", "[\"10.10.0.0/16\"]", "SERVICE_DOMAIN", "corp.local",
                    "POD_SECURITY_STANDARD_ENABLED", "false"), List.of()),
            new Case("flags win", Map.of("KUBERNETES_VERSION", "v1.30.0", "WORKER_MACHINE_COUNT", "9"),
                    List.of("--kubernetes-version", "v1.31.2", "--worker-machine-count", "1")),
            new Case("empty value", Map.of("KUBERNETES_VERSION", "v1.33.0", "SERVICE_DOMAIN", ""), List.of()));

    @BeforeAll
    static void peers() {
        templates = LabBinaries.ensure(LabProgress.NONE, "clusterctl").source("CAPD_TEMPLATES_DIR");
        peers = new SideBySide(home);
    }

    static List<Path> clusterTemplates() throws IOException {
        try (Stream<Path> files = Files.list(templates)) {
            return files.filter(f -> f.getFileName().toString().startsWith("cluster-template"))
                    .sorted(Comparator.naturalOrder()).toList();
        }
    }

    @Test
    void sameObjectsFromEveryUpstreamTemplateFile() throws IOException {
        List<Path> files = clusterTemplates();
        assertThat(files).hasSizeGreaterThanOrEqualTo(3);
        int compared = 0;
        for (Path file : files) {
            for (Case c : CASES) {
                List<String> args = new ArrayList<>(List.of("generate", "cluster", "parity-" + compared,
                        "--target-namespace", "team-a", "--from", file.toString()));
                args.addAll(c.flags());
                SideBySide.Result theirs = peers.clusterctl(c.env(), args.toArray(String[]::new));
                SideBySide.Result ours = peers.console(c.env(), args.toArray(String[]::new));
                assertThat(theirs.exitCode()).as("clusterctl on %s (%s): %s", file.getFileName(), c.name(),
                        theirs.err()).isZero();
                assertThat(ours.exitCode()).as("capi-console on %s (%s): %s", file.getFileName(), c.name(),
                        ours.err()).isZero();
                assertThat(objects(ours.out())).as("%s (%s)", file.getFileName(), c.name())
                        .isEqualTo(objects(theirs.out()));
                // Beyond the same objects, the printed YAML is the same to the byte (key order, quoting, folding).
                assertThat(ours.out()).as("%s (%s) bytes", file.getFileName(), c.name()).isEqualTo(theirs.out());
                compared++;
            }
        }
        System.out.printf("generate parity: %d template x variable-set runs, identical objects%n", compared);
    }

    @Test
    void sameVariableListings() throws IOException {
        for (Path file : clusterTemplates()) {
            for (Case c : CASES) {
                List<String> args = new ArrayList<>(List.of("generate", "cluster", "listing", "--target-namespace",
                        "team-a", "--from", file.toString(), "--list-variables"));
                args.addAll(c.flags());
                SideBySide.Result theirs = peers.clusterctl(c.env(), args.toArray(String[]::new));
                SideBySide.Result ours = peers.console(c.env(), args.toArray(String[]::new));
                assertThat(ours.out()).as("%s (%s)", file.getFileName(), c.name()).isEqualTo(theirs.out());
            }
        }
    }

    @Test
    void missingVariablesAreNamedLikeClusterctl() throws IOException {
        Path file = templates.resolve("cluster-template-development.yaml");
        String[] args = {"generate", "cluster", "missing", "--target-namespace", "team-a", "--from", file.toString()};
        SideBySide.Result theirs = peers.clusterctl(Map.of(), args);
        SideBySide.Result ours = peers.console(Map.of(), args);
        assertThat(theirs.exitCode()).isNotZero();
        assertThat(ours.exitCode()).isNotZero();
        assertThat(theirs.err()).contains("value for variables [KUBERNETES_VERSION] is not set");
        assertThat(ours.err()).contains("value for variables [KUBERNETES_VERSION] is not set");
    }

    @Test
    void aProviderRepositoryBringsItsClusterClass() throws IOException {
        // clusterctl's local repository layout: <base>/infrastructure-docker/<version>/<files>
        Path version = home.resolve("repository/infrastructure-docker/v1.14.2");
        Files.createDirectories(version);
        try (Stream<Path> files = Files.list(templates)) {
            for (Path f : files.toList()) {
                Files.copy(f, version.resolve(f.getFileName()));
            }
        }
        Files.writeString(version.resolve("infrastructure-components-development.yaml"), "");
        Files.writeString(version.resolve("metadata.yaml"), "apiVersion: clusterctl.cluster.x-k8s.io/v1alpha3\n"
                + "kind: Metadata\nreleaseSeries:\n- major: 1\n  minor: 14\n  contract: v1beta2\n");
        Path config = home.resolve("clusterctl.yaml");
        Files.writeString(config, "providers:\n- name: docker\n  type: InfrastructureProvider\n  url: "
                + version.resolve("infrastructure-components-development.yaml") + "\n");
        for (String flavor : List.of("in-memory", "development")) {
            String[] args = {"generate", "cluster", "from-repo", "--target-namespace", "team-b", "--config",
                config.toString(), "--infrastructure", "docker:v1.14.2", "--flavor", flavor,
                "--kubernetes-version", "v1.33.0", "--worker-machine-count", "2"};
            SideBySide.Result theirs = peers.clusterctl(Map.of(), args);
            SideBySide.Result ours = peers.console(Map.of(), args);
            assertThat(theirs.exitCode()).as(theirs.err()).isZero();
            assertThat(ours.exitCode()).as(ours.err()).isZero();
            List<Map<String, Object>> expected = objects(theirs.out());
            assertThat(expected).as("clusterctl added the ClusterClass objects")
                    .anyMatch(o -> "ClusterClass".equals(o.get("kind")));
            assertThat(objects(ours.out())).as(flavor).isEqualTo(expected);
            assertThat(ours.out()).as(flavor + " bytes").isEqualTo(theirs.out());
        }
    }

    @Test
    void generateYamlSubstitutesAnyYaml() {
        for (String file : List.of("clusterclass-in-memory.yaml", "clusterclass-quick-start.yaml")) {
            String[] args = {"generate", "yaml", "--from", templates.resolve(file).toString()};
            SideBySide.Result theirs = peers.clusterctl(Map.of(), args);
            SideBySide.Result ours = peers.console(Map.of(), args);
            assertThat(ours.exitCode()).as(ours.err()).isZero();
            assertThat(objects(ours.out())).as(file).isEqualTo(objects(theirs.out())).isNotEmpty();
            assertThat(ours.out()).as(file + " bytes").isEqualTo(theirs.out());
        }
    }

    /** Objects in document order; clusterctl keeps the template's order, and so do we. */
    private static List<Map<String, Object>> objects(String yaml) {
        return TemplateObjects.parse(yaml, "output");
    }
}
