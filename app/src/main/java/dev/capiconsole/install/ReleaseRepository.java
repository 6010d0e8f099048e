package dev.capiconsole.install;

import dev.capiconsole.providers.Provider;
import dev.capiconsole.providers.ProviderCatalog;
import dev.capiconsole.templates.Semver;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Where a provider's release files come from, in clusterctl's order: an overrides folder
 * ({@code <label>/<version>/<file>}), else the repository of the provider's URL: a GitHub release (read from
 * {@code githubBase}, so a mirror or a test server can stand in for github.com) or a local folder laid out as
 * {@code <base>/<label>/<version>/<file>}.
 */
public final class ReleaseRepository {

    private static final Pattern GITHUB_RELEASE =
            Pattern.compile("https://github\\.com/([^/]+)/([^/]+)/releases/([^/]+)/([^/]+)");
    private static final Pattern TAG_LOCATION = Pattern.compile(".*/releases/tag/([^/?#]+).*");
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    /** One release of a provider (or of cert-manager): its version and how to read its files. */
    public record Release(String label, String version, String componentsFile, String origin, Source source) {
        public String read(String file) {
            return source.read(file);
        }

        public String components() {
            return read(componentsFile);
        }
    }

    /** Reads a file of one release. */
    @FunctionalInterface
    public interface Source {
        String read(String file);
    }

    private final ProviderCatalog catalog;
    private final List<Path> overridesFolders;
    private final String githubBase;
    private final HttpClient http;

    /**
     * @param overridesFolders searched in order before any repository (the operator's overrides folder, then the
     *     offline component files when asked for)
     */
    public ReleaseRepository(ProviderCatalog catalog, List<Path> overridesFolders, String githubBase) {
        this.catalog = catalog;
        this.overridesFolders = List.copyOf(overridesFolders);
        this.githubBase = githubBase.endsWith("/") ? githubBase.substring(0, githubBase.length() - 1) : githubBase;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    /** The release of a provider: the version asked for, or the newest one its sources offer. */
    public Release resolve(ProviderSpec spec) {
        Provider provider = catalog.find(spec.name(), spec.type()).orElseThrow(() -> new InstallException(
                "there is no " + spec.type().clusterctlName() + " named \"" + spec.name() + "\"; known: "
                        + String.join(", ", catalog.ofType(spec.type()).stream().map(Provider::name).toList())
                        + " (add others to the providers: section of the clusterctl config file)"));
        return resolve(spec.label(), provider.url(), spec.version());
    }

    /** A release of any repository URL in clusterctl's forms; {@code version} {@code null} means the newest. */
    public Release resolve(String label, String url, String version) {
        String file = url.substring(url.lastIndexOf('/') + 1);
        Optional<Release> override = fromOverrides(label, file, version);
        if (override.isPresent()) {
            return override.get();
        }
        Matcher github = GITHUB_RELEASE.matcher(url);
        if (github.matches()) {
            String owner = github.group(1);
            String repo = github.group(2);
            String chosen = version != null ? version
                    : !"latest".equals(github.group(3)) ? github.group(3) : latestTag(owner, repo, label, file);
            String base = githubBase + "/" + owner + "/" + repo + "/releases/download/" + chosen + "/";
            return new Release(label, chosen, file, "GitHub release " + owner + "/" + repo + " " + chosen,
                    name -> download(base + name, label, chosen, name));
        }
        if (url.startsWith("https://") || url.startsWith("http://")) {
            throw new InstallException("the repository of " + label + " (" + url + ") is not a GitHub release; "
                    + "put its files into an overrides folder: " + overridesHint(label, version, file));
        }
        return fromLocalRepository(Path.of(url.startsWith("file://") ? URI.create(url).getPath() : url), label,
                version);
    }

    /**
     * A file published at a fixed URL (not as a release asset), e.g. MetalLB's manifest: the overrides folder's
     * {@code <label>/<version>/<file>} first, else the URL itself.
     */
    public Release resolveFile(String label, String url, String version) {
        String file = url.substring(url.lastIndexOf('/') + 1);
        Optional<Release> override = fromOverrides(label, file, version);
        if (override.isPresent()) {
            return override.get();
        }
        if (url.startsWith("https://") || url.startsWith("http://")) {
            String base = url.substring(0, url.lastIndexOf('/') + 1);
            return new Release(label, version, file, base, name -> download(base + name, label, version, name));
        }
        Path path = Path.of(url.startsWith("file://") ? URI.create(url).getPath() : url);
        return new Release(label, version, file, path.getParent().toString(),
                name -> readLocal(path.resolveSibling(name)));
    }

    private Optional<Release> fromOverrides(String label, String file, String version) {
        for (Path folder : overridesFolders) {
            Path providerFolder = folder.resolve(label);
            String chosen = version != null ? version : newestVersionWith(providerFolder, file).orElse(null);
            if (chosen != null && Files.isRegularFile(providerFolder.resolve(chosen).resolve(file))) {
                Path versionFolder = providerFolder.resolve(chosen);
                return Optional.of(new Release(label, chosen, file, "overrides folder " + versionFolder,
                        name -> readLocal(versionFolder.resolve(name))));
            }
        }
        return Optional.empty();
    }

    private Release fromLocalRepository(Path componentsPath, String label, String version) {
        Path versionFolder = componentsPath.getParent();
        Path providerFolder = versionFolder == null ? null : versionFolder.getParent();
        if (providerFolder == null) {
            throw new InstallException("the local repository " + componentsPath
                    + " is not laid out as <base>/<provider>/<version>/<components file>");
        }
        String file = componentsPath.getFileName().toString();
        String chosen = version != null ? version : "latest".equals(versionFolder.getFileName().toString())
                ? newestVersionWith(providerFolder, file).orElseThrow(() -> new InstallException(
                        "no release folder with " + file + " in the local repository " + providerFolder))
                : versionFolder.getFileName().toString();
        Path folder = providerFolder.resolve(chosen);
        if (!Files.isRegularFile(folder.resolve(file))) {
            throw new InstallException("the local repository " + folder + " has no " + file);
        }
        return new Release(label, chosen, file, "local repository " + folder, name -> readLocal(folder.resolve(name)));
    }

    /** GitHub answers {@code /releases/latest} with a redirect to {@code /releases/tag/<tag>}. */
    private String latestTag(String owner, String repo, String label, String file) {
        String url = githubBase + "/" + owner + "/" + repo + "/releases/latest";
        HttpResponse<Void> response;
        try {
            response = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                    .followRedirects(HttpClient.Redirect.NEVER).build()
                    .send(HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT).GET().build(),
                            HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            throw unreachable(url, label, null, file, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InstallException("interrupted while asking " + url + " for the newest release");
        }
        Optional<String> location = response.headers().firstValue("location");
        Matcher tag = TAG_LOCATION.matcher(location.orElse(""));
        if (response.statusCode() / 100 == 3 && tag.matches()) {
            return tag.group(1);
        }
        throw new InstallException(owner + "/" + repo + " has no latest release (" + url + " answered HTTP "
                + response.statusCode() + "); name a version, e.g. " + label + ":v1.2.3");
    }

    private String download(String url, String label, String version, String file) {
        HttpResponse<String> response;
        try {
            response = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT).GET().build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw unreachable(url, label, version, file, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InstallException("interrupted while reading " + url);
        }
        if (response.statusCode() == 404) {
            throw new InstallException("the release " + version + " of " + label + " has no " + file + " (" + url
                    + " answered 404)");
        }
        if (response.statusCode() != 200) {
            throw new InstallException(url + " answered HTTP " + response.statusCode());
        }
        return response.body();
    }

    private InstallException unreachable(String url, String label, String version, String file, IOException e) {
        String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return new InstallException("cannot reach " + URI.create(url).getHost() + " to read " + url + " (" + reason
                + "). To install without network, use the offline component files (--offline) or put the files into "
                + "an overrides folder: " + overridesHint(label, version, file), e);
    }

    private String overridesHint(String label, String version, String file) {
        Path first = overridesFolders.isEmpty() ? Path.of("overrides") : overridesFolders.get(0);
        return first.resolve(label).resolve(version == null ? "<version>" : version).resolve(file)
                + ("metadata.yaml".equals(file) ? "" : " (and metadata.yaml beside it)");
    }

    private static Optional<String> newestVersionWith(Path providerFolder, String file) {
        if (!Files.isDirectory(providerFolder)) {
            return Optional.empty();
        }
        try (Stream<Path> children = Files.list(providerFolder)) {
            List<String> versions = new ArrayList<>();
            children.filter(p -> Files.isRegularFile(p.resolve(file))).map(p -> p.getFileName().toString())
                    .filter(name -> Semver.tryParse(name).isPresent()).forEach(versions::add);
            return versions.stream().max(Comparator.comparing(v -> Semver.tryParse(v).orElseThrow()));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static String readLocal(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InstallException("cannot read " + file + ": " + e.getMessage());
        }
    }
}
