package dev.capiconsole.settings;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Makes the folder the log file goes to, readable by its owner only, and tells {@code logback.xml} where it is.
 * Runs first thing in {@code main}, before anything starts Logback.
 */
public final class LogFolder {

    /** The folder, as {@code logback.xml} reads it; set it on the command line to log elsewhere. */
    public static final String DIR_PROPERTY = "capi.console.log.dir";
    /** The log file's name without {@code .log}: one for the window, another for the commands. */
    public static final String NAME_PROPERTY = "capi.console.log.name";

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");

    private LogFolder() {
    }

    /**
     * Prepares the platform's log folder ({@link PlatformFolders#logs}) or the one named by {@value #DIR_PROPERTY},
     * falling back to a private temporary folder when it cannot be made, and sets both properties.
     */
    public static Path prepare(String name) {
        String override = System.getProperty(DIR_PROPERTY);
        Path wanted = override != null ? Path.of(override)
                : PlatformFolders.logs(System.getProperty("os.name"), System.getenv(),
                        Path.of(System.getProperty("user.home")));
        Path folder = usable(wanted, Path.of(System.getProperty("java.io.tmpdir"),
                "capi-console-" + System.getProperty("user.name") + "-logs"));
        System.setProperty(DIR_PROPERTY, folder.toString());
        System.setProperty(NAME_PROPERTY, name);
        return folder;
    }

    /** The wanted folder made private, else the fallback: a read-only home must not keep the console from starting. */
    static Path usable(Path wanted, Path fallback) {
        try {
            return makePrivate(wanted);
        } catch (IOException | RuntimeException e) {
            try {
                return makePrivate(fallback);
            } catch (IOException | RuntimeException again) {
                return wanted;
            }
        }
    }

    /** Creates the folder (and its parents) if needed and makes it readable and writable by its owner only. */
    static Path makePrivate(Path folder) throws IOException {
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        if (!Files.isDirectory(folder)) {
            Files.createDirectories(folder.getParent());
            try {
                if (posix) {
                    Files.createDirectory(folder, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
                } else {
                    Files.createDirectory(folder);
                }
            } catch (FileAlreadyExistsException raced) {
                // Another capi-console process made it a moment ago.
            }
        }
        if (posix && !Files.getPosixFilePermissions(folder).equals(OWNER_ONLY)) {
            Files.setPosixFilePermissions(folder, OWNER_ONLY);
        }
        if (!Files.isWritable(folder)) {
            throw new IOException(folder + " is not writable");
        }
        return folder;
    }
}
