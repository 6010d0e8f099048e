package dev.capiconsole.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.capiconsole.lab.LabOptions;
import dev.capiconsole.settings.PlatformFolders;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * After the whole suite (its own failsafe execution, after the default one: app/pom.xml), no credential is left in
 * what the suite wrote: test reports and logs of both modules, the screenshots' texts, the console's and the
 * default lab's logs, and the files the suite left in the temporary folder. Files that hold credentials on purpose
 * (the lab's keys and kubeconfig, kubeconfigs written by tests) must be readable by their owner only.
 * {@code -DsecretScan.roots=DIR,...} scans more folders (another checkout's target folders, for instance).
 */
class SecretScanIT {

    private static final Path HOME = Path.of(System.getProperty("user.home"));
    /** WebView content is a browser page, not scene-graph nodes: its screenshot has no text file. */
    private static final List<String> SCREENSHOTS_WITHOUT_TEXT = List.of("diagram-svg-in-webkit");

    @Test
    void noCredentialIsLeftInLogsReportsScreenshotTextsOrTemporaryFiles() throws IOException {
        SecretScan scan = new SecretScan();
        Path defaultLab = LabOptions.defaults().dataDir();
        List<Path> pkiFolders = Stream.of(defaultLab.resolve("pki"), Path.of("target"), Path.of("../controllers-embedded/target"))
                .filter(Files::isDirectory).toList();
        for (Path folder : pkiFolders) {
            try (Stream<Path> files = Files.walk(folder, 6)) {
                files.filter(f -> f.getFileName().toString().endsWith(".key") && Files.isRegularFile(f))
                        .forEach(scan::addPrivateKey);
            }
        }

        FileTime since = suiteStart();
        scan.scan(Path.of("target"), null, 12);
        scan.scan(Path.of("../controllers-embedded/target"), null, 12);
        scan.scan(PlatformFolders.logs(System.getProperty("os.name"), System.getenv(), HOME), null, 3);
        scan.scan(defaultLab, null, 4);
        for (String extra : System.getProperty("secretScan.roots", "").split(",")) {
            if (!extra.isBlank()) {
                scan.scan(Path.of(extra.trim()), null, 12);
            }
        }
        // The temporary folder is shared: only what changed since this build started.
        scan.scan(Path.of(System.getProperty("java.io.tmpdir")), since, 8);

        System.out.printf("[secret-scan] %d files scanned, %d known secrets looked for, %d credential files "
                + "(owner-only) seen, since %s%n", scan.filesScanned(), scan.knownSecrets(),
                scan.credentialFiles().size(), since);
        scan.findings().forEach(f -> System.out.println("[secret-scan] " + f));
        assertThat(scan.filesScanned()).as("files scanned").isPositive();
        assertThat(scan.findings()).as("credentials found (file:line: kind (fingerprint))").isEmpty();
    }

    @Test
    void everyScreenshotOfASceneHasItsTextBesideIt() throws IOException {
        Path screenshots = Path.of(System.getProperty("screenshots.dir", "target/screenshots"));
        assumeTrue(Files.isDirectory(screenshots), "no screenshots in " + screenshots + " (GUI tests did not run)");
        try (Stream<Path> files = Files.list(screenshots)) {
            List<String> withoutText = files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".png"))
                    .map(n -> n.substring(0, n.length() - 4))
                    .filter(n -> !Files.exists(screenshots.resolve(n + ".txt")))
                    .filter(n -> !SCREENSHOTS_WITHOUT_TEXT.contains(n)).toList();
            assertThat(withoutText).as("screenshots whose text the scan cannot read").isEmpty();
        }
    }

    /** When this build started ({@code secretScan.since}, set by the pom), else an hour ago. */
    private static FileTime suiteStart() {
        String since = System.getProperty("secretScan.since", "");
        Instant start = since.isBlank() ? Instant.now().minus(1, ChronoUnit.HOURS) : Instant.parse(since);
        return FileTime.from(start.minus(1, ChronoUnit.MINUTES));
    }
}
