package dev.capiconsole.connection;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Where exec credential plugins (aws, gke-gcloud-auth-plugin, kubelogin...) are looked for: the process's PATH,
 * folders the operator adds, then the folders such tools are usually installed in, because an app started from a
 * desktop menu often has a short PATH. The plugin itself runs with all of them as its PATH.
 */
public final class ExecPath {

    private final List<Path> folders;

    public ExecPath(String systemPath, List<Path> extraFolders) {
        Set<Path> all = new LinkedHashSet<>();
        if (systemPath != null) {
            for (String part : systemPath.split(File.pathSeparator)) {
                if (!part.isBlank()) {
                    all.add(Path.of(part));
                }
            }
        }
        all.addAll(extraFolders);
        this.folders = List.copyOf(all);
    }

    /** The process's PATH, then {@code extraFolders}, then the {@link #commonToolFolders()} of this machine. */
    public static ExecPath system(List<Path> extraFolders) {
        List<Path> extra = new ArrayList<>(extraFolders);
        extra.addAll(commonToolFolders());
        return new ExecPath(System.getenv("PATH"), extra);
    }

    /** The folders searched, in order. */
    public List<Path> folders() {
        return folders;
    }

    /** The folders as a PATH value, for the programs the console runs. */
    public String searchPath() {
        return String.join(File.pathSeparator, folders.stream().map(Path::toString).toList());
    }

    /**
     * The folders of this machine where kubectl's credential plugins, kind, docker and Go are commonly installed
     * and which exist; see {@link #commonToolFolders(String, Map, Path, Predicate)}.
     */
    public static List<Path> commonToolFolders() {
        return commonToolFolders(System.getProperty("os.name"), System.getenv(),
                Path.of(System.getProperty("user.home")), Files::isDirectory);
    }

    /**
     * Where package managers and installers put command-line tools on each platform (Homebrew, snap, Go's
     * {@code go install}, krew, pip's {@code --user}, the Google Cloud SDK, Docker and Rancher Desktop), keeping
     * only the folders {@code exists} accepts. A terminal's PATH usually has them; a desktop menu's often does not.
     */
    static List<Path> commonToolFolders(String osName, Map<String, String> environment, Path home,
            Predicate<Path> exists) {
        String os = osName == null ? "" : osName.toLowerCase(Locale.ROOT);
        List<Path> candidates = new ArrayList<>();
        candidates.add(goBin(environment, home));
        candidates.add(env(environment, "KREW_ROOT").map(root -> root.resolve("bin"))
                .orElse(home.resolve(".krew").resolve("bin")));
        if (os.startsWith("windows")) {
            env(environment, "LOCALAPPDATA").ifPresent(local -> {
                candidates.add(local.resolve("Microsoft").resolve("WinGet").resolve("Links"));
                candidates.add(local.resolve("Google").resolve("Cloud SDK").resolve("google-cloud-sdk").resolve("bin"));
            });
            env(environment, "ProgramFiles").ifPresent(programs ->
                    candidates.add(programs.resolve("Docker").resolve("Docker").resolve("resources").resolve("bin")));
            env(environment, "ProgramData").ifPresent(data ->
                    candidates.add(data.resolve("chocolatey").resolve("bin")));
            candidates.add(home.resolve("scoop").resolve("shims"));
        } else {
            candidates.add(home.resolve(".local").resolve("bin"));
            candidates.add(home.resolve("bin"));
            candidates.add(home.resolve("google-cloud-sdk").resolve("bin"));
            candidates.add(home.resolve(".rd").resolve("bin"));
            candidates.add(home.resolve(".docker").resolve("bin"));
            if (os.startsWith("mac") || os.startsWith("darwin")) {
                candidates.add(Path.of("/opt/homebrew/bin"));
                candidates.add(Path.of("/usr/local/bin"));
                candidates.add(Path.of("/usr/local/go/bin"));
                candidates.add(Path.of("/Applications/Docker.app/Contents/Resources/bin"));
                candidates.add(Path.of("/opt/local/bin"));
            } else {
                candidates.add(Path.of("/usr/local/bin"));
                candidates.add(Path.of("/usr/local/go/bin"));
                candidates.add(Path.of("/snap/bin"));
                candidates.add(Path.of("/home/linuxbrew/.linuxbrew/bin"));
            }
            candidates.add(Path.of("/usr/bin"));
            candidates.add(Path.of("/bin"));
        }
        return candidates.stream().distinct().filter(exists).toList();
    }

    /** {@code go install}'s target: {@code $GOBIN}, else the first {@code $GOPATH} entry's bin, else ~/go/bin. */
    private static Path goBin(Map<String, String> environment, Path home) {
        String gopath = environment.getOrDefault("GOPATH", "").split(File.pathSeparator)[0];
        return env(environment, "GOBIN").orElse(gopath.isBlank() ? home.resolve("go").resolve("bin")
                : Path.of(gopath).resolve("bin"));
    }

    private static Optional<Path> env(Map<String, String> environment, String name) {
        String value = environment.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(Path.of(value));
    }

    /** The program a kubeconfig's {@code exec.command} runs, or a message naming what is missing and where. */
    Path resolve(String command, String user, Path kubeconfig) {
        if (command.isEmpty()) {
            throw new ConnectionException("the user '" + user + "' in " + kubeconfig
                    + " has an exec credential plugin without a command", null);
        }
        Path direct = Path.of(command);
        if (command.contains(File.separator)) {
            Path absolute = direct.isAbsolute() ? direct : kubeconfig.toAbsolutePath().getParent().resolve(direct);
            if (Files.isExecutable(absolute)) {
                return absolute;
            }
            throw missing(command, user, kubeconfig, List.of(absolute.getParent()));
        }
        for (Path folder : folders) {
            Path candidate = folder.resolve(command);
            if (Files.isExecutable(candidate) && !Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw missing(command, user, kubeconfig, folders);
    }

    private static ConnectionException missing(String command, String user, Path kubeconfig, List<Path> searched) {
        return new ConnectionException("the credential plugin '" + command + "' of user '" + user + "' (" + kubeconfig
                + ") is not installed or not on the PATH the console sees. Searched: " + searched
                + ". Install it, or add its folder to the console's extra PATH setting.", null);
    }
}
