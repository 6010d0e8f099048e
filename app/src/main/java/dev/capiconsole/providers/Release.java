package dev.capiconsole.providers;

import java.util.List;
import java.util.Optional;

/**
 * One release of a provider (or of cert-manager, MetalLB): its version, where it was found, and how to read its
 * files.
 */
public record Release(String label, String version, String componentsFile, String origin, Source source) {

    /** The files of one release. */
    public interface Source {
        /** The file's text; throws {@link ReleaseException} when it cannot be read. */
        String read(String file);

        /** Where the file is read from, for messages: its URL, or its folder's origin and name. */
        String locate(String file);

        /** The names of the release's files, when the source can list them (a folder can, a web server cannot). */
        default List<String> files() {
            return List.of();
        }
    }

    public String read(String file) {
        return source.read(file);
    }

    /** The file, or empty when the release has no such file (other failures still throw). */
    public Optional<String> find(String file) {
        try {
            return Optional.of(source.read(file));
        } catch (ReleaseException e) {
            if (e.reason() == ReleaseException.Reason.MISSING_FILE) {
                return Optional.empty();
            }
            throw e;
        }
    }

    public String locate(String file) {
        return source.locate(file);
    }

    /** The names of the release's files, or none when its source cannot list them. */
    public List<String> files() {
        return source.files();
    }

    public String components() {
        return read(componentsFile);
    }
}
