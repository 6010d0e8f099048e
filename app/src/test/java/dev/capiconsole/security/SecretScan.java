package dev.capiconsole.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Looks for credentials in files: private keys (PEM, and base64 as kubeconfigs embed them), JSON web tokens,
 * bearer tokens, {@code token:} and {@code client-key-data:} values, and the known secrets it was given (pieces of
 * the lab's keys and of the tokens of kubeconfigs found). A finding names the file, the line, the kind and a
 * fingerprint of the secret, never the secret. Credential files (keys, kubeconfigs) may hold secrets when only
 * their owner can read them.
 */
final class SecretScan {

    /** Something that looks like a secret, where it is, and a fingerprint to tell findings apart. */
    record Finding(Path file, int line, String kind, String fingerprint) {

        @Override
        public String toString() {
            return file + ":" + line + ": " + kind + " (sha256 " + fingerprint + ")";
        }
    }

    private static final long MAX_BYTES = 32L * 1024 * 1024;
    private static final Set<String> BINARY = Set.of("png", "jpg", "gif", "jar", "class", "zip", "gz", "deb", "rpm",
            "so", "ico", "ttf", "otf", "woff", "woff2", "bin", "db", "wal", "snap");
    private static final Set<String> SKIPPED_FOLDERS = Set.of("classes", "test-classes", "lib", "generated-sources",
            "generated-test-sources", "maven-status", "maven-archiver", "member", "wal", "snap", ".git");
    private static final Set<PosixFilePermission> GROUP_OR_OTHER = Set.of(PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_READ,
            PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    private static final Map<String, Pattern> PATTERNS = patterns();

    private final Map<String, String> known = new LinkedHashMap<>();
    private final List<Finding> findings = new ArrayList<>();
    private final List<Path> credentialFiles = new ArrayList<>();
    private int filesScanned;

    private static Map<String, Pattern> patterns() {
        Map<String, Pattern> patterns = new LinkedHashMap<>();
        patterns.put("PEM private key", Pattern.compile("-----BEGIN ([A-Z0-9]+ )?PRIVATE KEY-----"));
        for (String header : List.of("-----BEGIN RSA PRIVATE KEY-----", "-----BEGIN PRIVATE KEY-----",
                "-----BEGIN EC PRIVATE KEY-----")) {
            String encoded = Base64.getEncoder().encodeToString(header.getBytes(StandardCharsets.US_ASCII));
            patterns.put("base64 " + header.replace("-", "").toLowerCase(),
                    Pattern.compile(Pattern.quote(encoded.substring(0, header.length() / 3 * 4))));
        }
        patterns.put("JSON web token",
                Pattern.compile("eyJ[A-Za-z0-9_-]{8,}\\.eyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{16,}"));
        patterns.put("bearer token", Pattern.compile("(?i)\\bbearer\\s+([A-Za-z0-9._~+/=-]{16,})"));
        patterns.put("token value", Pattern.compile("(?i)\\btoken[\"']?\\s*[:=]\\s*[\"']?([A-Za-z0-9._~+/=-]{20,})"));
        patterns.put("client-key-data value", Pattern.compile("client-key-data[\"']?\\s*[:=]\\s*[\"']?(\\S{20,})"));
        return patterns;
    }

    /** A secret to look for literally, such as a piece of a private key the suite used. */
    void addKnown(String kind, String secret) {
        if (secret != null && secret.length() >= 16) {
            known.put(secret, kind);
        }
    }

    /**
     * Adds pieces of a private key file as known secrets: each full line of its PEM body, and a piece of the same
     * key as a kubeconfig carries it (base64 of the whole file).
     */
    void addPrivateKey(Path keyFile) {
        String pem = read(keyFile);
        if (pem == null) {
            return;
        }
        pem.lines().filter(l -> !l.startsWith("-----") && l.length() >= 40)
                .forEach(line -> addKnown("private key " + keyFile.getFileName(), line));
        String encoded = Base64.getEncoder().encodeToString(pem.getBytes(StandardCharsets.UTF_8));
        int middle = encoded.length() / 2 / 4 * 4;
        if (encoded.length() > middle + 48) {
            addKnown("base64 private key " + keyFile.getFileName(), encoded.substring(middle, middle + 48));
        }
    }

    /** Scans every text file under {@code root} (all files when {@code since} is null, else those changed since). */
    void scan(Path root, FileTime since, int maxDepth) {
        if (!Files.isDirectory(root)) {
            return;
        }
        try {
            Files.walkFileTree(root, Set.of(), maxDepth, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
                    // bash_jobs.*: the machinery that runs sessions on a development machine, not the suite's files
                    return !dir.equals(root) && (SKIPPED_FOLDERS.contains(name) || name.startsWith("bash_jobs."))
                            ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (attrs.isRegularFile() && attrs.size() <= MAX_BYTES && !BINARY.contains(extension(file))
                            && (since == null || attrs.lastModifiedTime().compareTo(since) >= 0)) {
                        scanFile(file);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void scanFile(Path file) {
        String text = read(file);
        if (text == null) {
            return;
        }
        filesScanned++;
        List<Finding> inFile = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            for (Map.Entry<String, Pattern> pattern : PATTERNS.entrySet()) {
                Matcher matcher = pattern.getValue().matcher(line);
                while (matcher.find()) {
                    String secret = matcher.groupCount() > 0 && matcher.group(1) != null ? matcher.group(1)
                            : matcher.group();
                    inFile.add(new Finding(file, i + 1, pattern.getKey(), fingerprint(secret)));
                }
            }
            for (Map.Entry<String, String> secret : known.entrySet()) {
                if (line.contains(secret.getKey())) {
                    inFile.add(new Finding(file, i + 1, "known secret: " + secret.getValue(),
                            fingerprint(secret.getKey())));
                }
            }
        }
        if (inFile.isEmpty()) {
            return;
        }
        if (isCredentialFile(file, text)) {
            credentialFiles.add(file);
            if (ownerOnly(file)) {
                return;
            }
            findings.add(new Finding(file, 0, "credential file readable by others (mode "
                    + mode(file) + ", must be 0600)", inFile.get(0).fingerprint()));
        }
        findings.addAll(inFile);
    }

    List<Finding> findings() {
        return List.copyOf(findings);
    }

    /** The files that hold credentials on purpose (keys, kubeconfigs), owner-only or reported. */
    List<Path> credentialFiles() {
        return List.copyOf(credentialFiles);
    }

    int filesScanned() {
        return filesScanned;
    }

    int knownSecrets() {
        return known.size();
    }

    /**
     * A file meant to hold credentials: a key or certificate file, anything in a {@code pki} folder, or a kubeconfig.
     * Logs, reports and screenshot texts never are.
     */
    static boolean isCredentialFile(Path file, String text) {
        String name = file.getFileName().toString();
        String extension = extension(file);
        if (Set.of("log", "txt", "xml", "out", "dumpstream", "dump", "html").contains(extension)) {
            return false;
        }
        for (Path part : file) {
            if (part.toString().equals("pki")) {
                return true;
            }
        }
        return Set.of("key", "pem").contains(extension)
                || (name.contains("kubeconfig") || text.contains("kind: Config") || text.contains("users:"))
                && text.contains("clusters:");
    }

    static boolean ownerOnly(Path file) {
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
            return permissions.stream().noneMatch(GROUP_OR_OTHER::contains);
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    static String mode(Path file) {
        try {
            return java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
        } catch (IOException | UnsupportedOperationException e) {
            return "unknown";
        }
    }

    static String fingerprint(String secret) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String extension(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase();
    }

    /** The file as text, or null when it is binary (a NUL byte in its first 8 KB) or cannot be read. */
    private static String read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readAllBytes();
            for (int i = 0; i < Math.min(bytes.length, 8192); i++) {
                if (bytes[i] == 0) {
                    return null;
                }
            }
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return null;
        }
    }
}
