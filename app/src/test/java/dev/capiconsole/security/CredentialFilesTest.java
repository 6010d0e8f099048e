package dev.capiconsole.security;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClasses;
import dev.capiconsole.lab.SecretFiles;
import dev.capiconsole.workload.KubeconfigMerge;
import java.io.FileOutputStream;
import java.io.FileWriter;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files with credentials are written 0600: new ones, and existing wider ones replaced without the secret ever
 * reaching the old, wider file. Every other file write of the console is one of a named list that writes no
 * credentials, so a new writer of kubeconfigs or keys has to go through {@link SecretFiles}.
 */
class CredentialFilesTest {

    private static final String WORKLOAD = """
            apiVersion: v1
            kind: Config
            clusters:
            - name: w1
              cluster: {server: "https://127.0.0.1:20001", certificate-authority-data: Q0E=}
            users:
            - name: w1-admin
              user: {token: not-a-real-token-but-secret-all-the-same}
            contexts:
            - name: w1-admin@w1
              context: {cluster: w1, user: w1-admin}
            current-context: w1-admin@w1
            """;

    /** Classes that write files, none of them credentials: what each writes. */
    private static final Set<String> PLAIN_WRITERS = Set.of(
            "dev.capiconsole.ui.install.ImagesViewModel",       // a list of image names
            "dev.capiconsole.ui.shell.StartupProbe",            // startup timings
            "dev.capiconsole.ui.clusters.DiagramViewModel",     // an SVG diagram
            "dev.capiconsole.cli.DescribeCommand",              // an SVG diagram
            "dev.capiconsole.settings.Settings",                // window and connection settings, no credentials
            "dev.capiconsole.bootstrap.KindRunner",             // the kind cluster config (kind writes the kubeconfig)
            "dev.capiconsole.lab.LabProcess",                   // process logs
            "dev.capiconsole.lab.LabClusters",                  // an empty clusterctl config
            "dev.capiconsole.lab.LabPorts",                     // port numbers
            "dev.capiconsole.lab.LabBinaries",                  // the build script
            "dev.capiconsole.lab.Watchdog",                     // pids
            "dev.capiconsole.lab.LabState",                     // state of the lab's processes
            "dev.capiconsole.lab.CertificateAuthority$Pem",     // certificates (keys go through SecretFiles)
            "dev.capiconsole.lab.SecretFiles");                 // the 0600 writer itself

    @TempDir
    Path dir;

    @Test
    void aWiderExistingFileIsReplacedByANew0600OneAndTheOldOneNeverSeesTheSecret() throws Exception {
        Path file = dir.resolve("workload.kubeconfig");
        Files.writeString(file, "old\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        Path oldInode = Files.createLink(dir.resolve("old-inode"), file);

        KubeconfigMerge.save(file, WORKLOAD);

        assertThat(mode(file)).isEqualTo("rw-------");
        assertThat(Files.readString(file)).isEqualTo(WORKLOAD);
        // The secret went into a new file made 0600 before its first byte; the world-readable one kept "old".
        assertThat(Files.readString(oldInode)).isEqualTo("old\n");
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void aMergedKubeconfigAndItsBackupAre0600() throws Exception {
        Path target = dir.resolve("config");
        Files.writeString(target, """
                apiVersion: v1
                kind: Config
                clusters: []
                users: []
                contexts: []
                """);
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-rw-r--"));

        KubeconfigMerge.Result result = KubeconfigMerge.merge(target, WORKLOAD, false);

        assertThat(mode(target)).isEqualTo("rw-------");
        assertThat(result.backup()).isNotNull();
        assertThat(mode(result.backup())).isEqualTo("rw-------");
        assertThat(Files.readString(target)).contains("not-a-real-token-but-secret-all-the-same");
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void aNewCredentialFileIs0600() throws Exception {
        Path file = dir.resolve("sub/cluster.yaml");
        SecretFiles.write(file, WORKLOAD);
        assertThat(mode(file)).isEqualTo("rw-------");
    }

    @Test
    void onlyTheNamedPlainWritersWriteFilesAnyOtherWriteGoesThroughSecretFiles() {
        JavaClasses production = ProductionClasses.all();
        DescribedPredicate<JavaCall<?>> writesAFile = new DescribedPredicate<>("write a file") {
            @Override
            public boolean test(JavaCall<?> call) {
                String owner = call.getTargetOwner().getName();
                String name = call.getName();
                return owner.equals(Files.class.getName()) && List.of("write", "writeString", "newBufferedWriter",
                        "newOutputStream", "copy", "newByteChannel").contains(name)
                        || Set.of(FileOutputStream.class.getName(), FileWriter.class.getName(),
                        RandomAccessFile.class.getName()).contains(owner) && name.equals("<init>");
            }
        };
        noClasses().that(new DescribedPredicate<>("are not a named plain writer") {
                    @Override
                    public boolean test(com.tngtech.archunit.core.domain.JavaClass c) {
                        return !PLAIN_WRITERS.contains(c.getName().replaceAll("\\$.*", ""))
                                && !PLAIN_WRITERS.contains(c.getName());
                    }
                })
                .should().callCodeUnitWhere(writesAFile)
                .because("files with credentials are written 0600 through SecretFiles (issue 20); a class that "
                        + "writes plain files is named in PLAIN_WRITERS with what it writes")
                .check(production);
    }

    private List<String> leftovers() throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".tmp")).toList();
        }
    }

    private static String mode(Path file) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
    }
}
