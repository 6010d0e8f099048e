package dev.capiconsole.security;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.net.ssl.HostnameVerifier;
import javax.net.ssl.TrustManager;
import org.junit.jupiter.api.Test;

/**
 * The console never turns TLS verification off by itself: fabric8 does it only when a kubeconfig says
 * {@code insecure-skip-tls-verify: true} (Config.fromKubeconfig), and no code of ours sets trust-all, disables host
 * name checks, brings its own trust manager or passes an insecure flag to a tool. The behaviour against the lab is
 * checked in ConnectionIT (a wrong CA is refused; the kubeconfig's own flag lets it through).
 */
class TlsVerificationTest {

    private static final JavaClasses PRODUCTION = ProductionClasses.all();

    /** Methods that weaken verification: fabric8's Config/ConfigBuilder and the JDK's TLS plumbing. */
    private static final Set<String> WEAKENING = Set.of("setTrustCerts", "withTrustCerts",
            "setDisableHostnameVerification", "withDisableHostnameVerification", "setDefaultHostnameVerifier",
            "setHostnameVerifier", "setDefaultSSLSocketFactory", "setSSLSocketFactory", "setDefault",
            "setDefaultSSLContext");

    /**
     * The one place that builds its own SSLContext: the lab's health check, trusting exactly the lab's CA
     * (TrustManagerFactory initialised with a key store holding ca.crt), so verification stays on.
     */
    private static final Set<String> OWN_SSL_CONTEXT = Set.of("dev.capiconsole.lab.LabHealth");

    @Test
    void noCodeTurnsTrustAllOrHostnameChecksOn() {
        noClasses().should().callCodeUnitWhere(new DescribedPredicate<JavaCall<?>>("weaken TLS verification") {
            @Override
            public boolean test(JavaCall<?> call) {
                String owner = call.getTargetOwner().getName();
                return WEAKENING.contains(call.getName()) && (owner.startsWith("io.fabric8.kubernetes.client.")
                        || owner.startsWith("javax.net.ssl.") || owner.startsWith("java.net.http."));
            }
        }).because("only the kubeconfig's insecure-skip-tls-verify may turn verification off").check(PRODUCTION);
    }

    @Test
    void noTrustManagerOrHostnameVerifierOfOurOwn() {
        noClasses().should().implement(TrustManager.class).orShould().implement(HostnameVerifier.class)
                .orShould().beAssignableTo(javax.net.ssl.X509ExtendedTrustManager.class)
                .because("a trust manager of our own is how trust-all creeps in").check(PRODUCTION);
    }

    @Test
    void onlyTheLabHealthCheckBuildsItsOwnSslContextAndItTrustsTheLabCa() throws IOException {
        noClasses().that(new DescribedPredicate<JavaClass>("are not the lab health check") {
            @Override
            public boolean test(JavaClass c) {
                return OWN_SSL_CONTEXT.stream().noneMatch(name -> c.getName().equals(name)
                        || c.getName().startsWith(name + "$"));
            }
        }).should().callCodeUnitWhere(new DescribedPredicate<JavaCall<?>>("build an SSLContext or give one to a client") {
            @Override
            public boolean test(JavaCall<?> call) {
                String owner = call.getTargetOwner().getName();
                return owner.equals("javax.net.ssl.SSLContext") && call.getName().equals("init")
                        || owner.startsWith("java.net.http.HttpClient") && call.getName().equals("sslContext");
            }
        }).check(PRODUCTION);
        String health = Files.readString(source("controllers-embedded", "dev/capiconsole/lab/LabHealth.java"));
        assertThat(health).contains("store.setCertificateEntry(").contains("trust.init(store)")
                .doesNotContain("X509TrustManager");
    }

    @Test
    void noInsecureFlagIsPassedToToolsOrDownloads() throws IOException {
        Pattern insecure = Pattern.compile(
                "--insecure-skip-tls-verify|insecure-skip-tls-verify\\s*[:=]\\s*true|curl[^\\n]*\\s-k\\b"
                        + "|--insecure(?![-\\w])|--no-check-certificate|InsecureSkipVerify|trustAll");
        List<String> hits = new ArrayList<>();
        for (Path root : List.of(Path.of("src/main"), Path.of("../controllers-embedded/src/main"), Path.of("dev"),
                Path.of("../installers"))) {
            if (!Files.isDirectory(root)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    String text = Files.readString(file, StandardCharsets.ISO_8859_1);
                    String[] lines = text.split("\n");
                    for (int i = 0; i < lines.length; i++) {
                        if (insecure.matcher(lines[i]).find()) {
                            hits.add(file + ":" + (i + 1) + ": " + lines[i].strip());
                        }
                    }
                }
            }
        }
        assertThat(hits).as("places that would turn TLS verification off").isEmpty();
    }

    private static Path source(String module, String path) {
        Path here = Path.of("src/main/java", path);
        return Files.exists(here) ? here : Path.of("..", module, "src/main/java", path);
    }
}
