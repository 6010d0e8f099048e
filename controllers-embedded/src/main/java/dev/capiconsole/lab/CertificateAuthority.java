package dev.capiconsole.lab;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The lab's own certificate authority: signs the serving certificates of kube-apiserver and the webhook
 * servers, and the admin client certificate. Keys are written 0600.
 */
public final class CertificateAuthority {

    private static final Duration CA_LIFETIME = Duration.ofDays(3650);
    private static final Duration LEAF_LIFETIME = Duration.ofDays(365);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final X509Certificate certificate;
    private final PrivateKey key;

    private CertificateAuthority(X509Certificate certificate, PrivateKey key) {
        this.certificate = certificate;
        this.key = key;
    }

    /** The CA stored in {@code folder} ({@code ca.crt}, {@code ca.key}), made there first if absent. */
    public static CertificateAuthority loadOrCreate(Path folder) {
        Path crt = folder.resolve("ca.crt");
        Path keyFile = folder.resolve("ca.key");
        try {
            if (Files.isRegularFile(crt) && Files.isRegularFile(keyFile)) {
                return new CertificateAuthority(readCertificate(crt), readKey(keyFile));
            }
            KeyPair pair = newKeyPair();
            X500Name name = subject("capi-console-lab-ca", null);
            Instant now = Instant.now();
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, serial(),
                    Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(CA_LIFETIME)), name, pair.getPublic());
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
            builder.addExtension(Extension.keyUsage, true,
                    new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign | KeyUsage.digitalSignature));
            builder.addExtension(Extension.subjectKeyIdentifier, false,
                    extensions.createSubjectKeyIdentifier(pair.getPublic()));
            X509Certificate ca = sign(builder, pair.getPrivate());
            Files.createDirectories(folder);
            Pem.writePrivate(keyFile, pair.getPrivate());
            Pem.writePublic(crt, ca);
            return new CertificateAuthority(ca, pair.getPrivate());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the lab CA in " + folder, e);
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("cannot make the lab CA", e);
        }
    }

    public X509Certificate certificate() {
        return certificate;
    }

    public String certificatePem() {
        return Pem.encode(certificate);
    }

    /** A serving certificate for 127.0.0.1 and localhost (plus {@code extraNames}), written as name.crt/name.key. */
    public IssuedCertificate issueServing(Path folder, String name, List<String> extraNames) {
        List<GeneralName> sans = new ArrayList<>();
        sans.add(new GeneralName(GeneralName.iPAddress, "127.0.0.1"));
        sans.add(new GeneralName(GeneralName.dNSName, "localhost"));
        extraNames.forEach(n -> sans.add(new GeneralName(GeneralName.dNSName, n)));
        return issue(folder, name, subject(name, null), sans, KeyPurposeId.id_kp_serverAuth);
    }

    /** A client certificate; Kubernetes reads the user from CN and the groups from O. */
    public IssuedCertificate issueClient(Path folder, String fileName, String user, String group) {
        return issue(folder, fileName, subject(user, group), List.of(), KeyPurposeId.id_kp_clientAuth);
    }

    private IssuedCertificate issue(Path folder, String fileName, X500Name subject, List<GeneralName> sans,
                                    KeyPurposeId purpose) {
        Path crt = folder.resolve(fileName + ".crt");
        Path keyFile = folder.resolve(fileName + ".key");
        try {
            KeyPair pair = newKeyPair();
            Instant now = Instant.now();
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(certificate, serial(),
                    Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(LEAF_LIFETIME)), subject,
                    pair.getPublic());
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true,
                    new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
            builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purpose));
            builder.addExtension(Extension.authorityKeyIdentifier, false,
                    extensions.createAuthorityKeyIdentifier(certificate));
            if (!sans.isEmpty()) {
                builder.addExtension(Extension.subjectAlternativeName, false,
                        new GeneralNames(sans.toArray(GeneralName[]::new)));
            }
            X509Certificate leaf = sign(builder, key);
            Files.createDirectories(folder);
            Pem.writePrivate(keyFile, pair.getPrivate());
            Pem.writePublic(crt, leaf);
            return new IssuedCertificate(crt, keyFile, leaf);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the certificate " + crt, e);
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("cannot issue the certificate " + fileName, e);
        }
    }

    /** An RSA key pair for signing service-account tokens, as sa.key and sa.pub. */
    public static void ensureServiceAccountKeys(Path folder) {
        Path keyFile = folder.resolve("sa.key");
        Path pub = folder.resolve("sa.pub");
        if (Files.isRegularFile(keyFile) && Files.isRegularFile(pub)) {
            return;
        }
        try {
            KeyPair pair = newKeyPair();
            Files.createDirectories(folder);
            Pem.writePrivate(keyFile, pair.getPrivate());
            Pem.writePublic(pub, pair.getPublic());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write service-account keys to " + folder, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot make service-account keys", e);
        }
    }

    private static X500Name subject(String commonName, String organization) {
        X500NameBuilder name = new X500NameBuilder(BCStyle.INSTANCE);
        if (organization != null) {
            name.addRDN(BCStyle.O, organization);
        }
        name.addRDN(BCStyle.CN, commonName);
        return name.build();
    }

    private static KeyPair newKeyPair() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048, RANDOM);
        return generator.generateKeyPair();
    }

    private static BigInteger serial() {
        return new BigInteger(127, RANDOM).add(BigInteger.ONE);
    }

    private static X509Certificate sign(JcaX509v3CertificateBuilder builder, PrivateKey signer)
            throws OperatorCreationException, GeneralSecurityException {
        X509CertificateHolder holder = builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(signer));
        return new JcaX509CertificateConverter().getCertificate(holder);
    }

    private static X509Certificate readCertificate(Path file) throws IOException, GeneralSecurityException {
        try (PEMParser parser = new PEMParser(Files.newBufferedReader(file))) {
            return new JcaX509CertificateConverter().getCertificate((X509CertificateHolder) parser.readObject());
        }
    }

    private static PrivateKey readKey(Path file) throws IOException {
        try (PEMParser parser = new PEMParser(Files.newBufferedReader(file))) {
            Object object = parser.readObject();
            JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
            if (object instanceof PEMKeyPair pair) {
                return converter.getKeyPair(pair).getPrivate();
            }
            return converter.getPrivateKey((org.bouncycastle.asn1.pkcs.PrivateKeyInfo) object);
        }
    }

    /** A certificate and key written to disk. */
    public record IssuedCertificate(Path certificateFile, Path keyFile, X509Certificate certificate) {
    }

    /** PEM encoding, with private keys written owner-only. */
    static final class Pem {

        private Pem() {
        }

        static String encode(Object object) {
            StringWriter out = new StringWriter();
            try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
                writer.writeObject(object);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return out.toString();
        }

        static void writePublic(Path file, Object object) throws IOException {
            Files.writeString(file, encode(object));
        }

        static void writePrivate(Path file, PrivateKey key) throws IOException {
            SecretFiles.write(file, encode(key));
        }
    }
}
