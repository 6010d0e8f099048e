package dev.capiconsole.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.capiconsole.connection.ClusterProbe;
import dev.capiconsole.connection.ConnectionException;
import dev.capiconsole.connection.ExecPath;
import dev.capiconsole.connection.KubeconfigSet;
import dev.capiconsole.connection.ManagementCluster;
import dev.capiconsole.lab.CertificateAuthority;
import dev.capiconsole.lab.SecretFiles;
import java.io.IOException;
import java.io.Reader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.util.Base64;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console's connection (ClusterProbe, the path every management cluster takes) against an HTTPS server whose
 * certificate a lab-style CA signed: the right CA connects, another CA is refused with a certificate error, and only
 * the kubeconfig's own {@code insecure-skip-tls-verify: true} lets the other CA through. The same against the real
 * lab API server: ConnectionIT.
 */
class TlsBehaviourTest {

    @TempDir
    Path dir;

    private HttpsServer server;
    private String url;

    @BeforeEach
    void startServer() throws Exception {
        CertificateAuthority ca = CertificateAuthority.loadOrCreate(dir.resolve("ca"));
        CertificateAuthority.IssuedCertificate serving = ca.issueServing(dir.resolve("ca"), "server", List.of());
        KeyStore keys = KeyStore.getInstance("PKCS12");
        keys.load(null, null);
        keys.setKeyEntry("server", privateKey(serving.keyFile()), new char[0],
                new Certificate[] {serving.certificate(), ca.certificate()});
        KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        factory.init(keys, new char[0]);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(factory.getKeyManagers(), null, null);
        server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(tls));
        server.createContext("/", this::answer);
        server.start();
        url = "https://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    @Test
    void theRightAuthorityConnects() throws Exception {
        Path file = kubeconfig("right.yaml", caData(dir.resolve("ca")), false);
        assertThat(probe(file).kubernetesVersion()).isEqualTo("v1.36.3");
    }

    @Test
    void anotherAuthorityIsRefusedWithACertificateError() throws Exception {
        Path file = kubeconfig("wrong.yaml", caData(dir.resolve("other-ca")), false);
        assertThatThrownBy(() -> probe(file))
                .isInstanceOf(ConnectionException.class)
                .hasMessageContaining("cannot reach " + url)
                .hasMessageContaining("its certificate is not trusted")
                .hasMessageContaining("certificate-authority");
    }

    @Test
    void onlyTheKubeconfigsInsecureSkipTlsVerifyLetsAnotherAuthorityThrough() throws Exception {
        Path file = kubeconfig("insecure.yaml", caData(dir.resolve("other-ca")), true);
        assertThat(probe(file).kubernetesVersion()).isEqualTo("v1.36.3");
    }

    private ManagementCluster probe(Path file) {
        return ClusterProbe.probe(KubeconfigSet.load(List.of(file)), "ctx", new ExecPath("/usr/bin", List.of()));
    }

    private void answer(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String body;
        int code = 200;
        if (path.equals("/version")) {
            body = "{\"major\":\"1\",\"minor\":\"36\",\"gitVersion\":\"v1.36.3\"}";
        } else if (path.equals("/apis")) {
            body = "{\"kind\":\"APIGroupList\",\"apiVersion\":\"v1\",\"groups\":[]}";
        } else {
            code = 404;
            body = "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"reason\":\"NotFound\",\"code\":404}";
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(code, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private Path kubeconfig(String name, String caData, boolean insecure) throws IOException {
        Path file = dir.resolve(name);
        SecretFiles.write(file, """
                apiVersion: v1
                kind: Config
                current-context: ctx
                contexts:
                - name: ctx
                  context: {cluster: c, user: u}
                clusters:
                - name: c
                  cluster: {server: "%s", certificate-authority-data: %s%s}
                users:
                - name: u
                  user: {token: not-checked-by-this-server}
                """.formatted(url, caData, insecure ? ", insecure-skip-tls-verify: true" : ""));
        return file;
    }

    private static String caData(Path folder) {
        String pem = CertificateAuthority.loadOrCreate(folder).certificatePem();
        return Base64.getEncoder().encodeToString(pem.getBytes(StandardCharsets.UTF_8));
    }

    private static PrivateKey privateKey(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file); PEMParser parser = new PEMParser(reader)) {
            Object read = parser.readObject();
            JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
            return read instanceof PEMKeyPair pair ? converter.getKeyPair(pair).getPrivate()
                    : converter.getPrivateKey((PrivateKeyInfo) read);
        }
    }
}
