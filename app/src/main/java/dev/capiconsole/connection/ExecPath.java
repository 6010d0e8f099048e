package dev.capiconsole.connection;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where exec credential plugins (aws, gke-gcloud-auth-plugin, kubelogin...) are looked for: the process's PATH
 * plus folders the operator adds, because an app started from a desktop menu often has a short PATH.
 */
public final class ExecPath {

    private final List<Path> folders;

    public ExecPath(String systemPath, List<Path> extraFolders) {
        List<Path> all = new ArrayList<>();
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

    public static ExecPath system(List<Path> extraFolders) {
        return new ExecPath(System.getenv("PATH"), extraFolders);
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
