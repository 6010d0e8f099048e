package dev.capiconsole.providers;

import dev.capiconsole.providers.ReleaseException.Reason;
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
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds a provider's release the way clusterctl does, for installing and for cluster templates alike: the overrides
 * folders ({@code <label>/<version>/<file>}) first, else the repository of the provider's URL: a GitHub release
 * (read from {@code githubBase}, so a mirror or a test server can stand in for github.com) or a local folder laid
 * out as {@code <base>/<label>/<version>/<file>}.
 *
 * <p>Without a version, the newest override holding the wanted file is taken (so no network is needed), else the
 * repository's latest release: GitHub's {@code releases/latest} tag, or a local repository's newest version folder.
 */
public final class ReleaseResolver {

    private static final Pattern GITHUB_RELEASE =
            Pattern.compile("https://github\\.com/([^/]+)/([^/]+)/releases/([^/]+)/([^/]+)");
    private static final Pattern TAG_LOCATION = Pattern.compile(".*/releases/tag/([^/?#]+).*");
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final List<Path> overridesFolders;
    private final String githubBase;
    private final HttpClient http;

    /**
     * @param overridesFolders searched in order before any repository
     * @param githubBase where {@code https://github.com} release downloads are read from
     */
    public ReleaseResolver(List<Path> overridesFolders, String githubBase) {
        this.overridesFolders = List.copyOf(overridesFolders);
        this.githubBase = githubBase.endsWith("/") ? githubBase.substring(0, githubBase.length() - 1) : githubBase;
        this.http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    /** The release of a provider whose newest override is the newest holding its components file. */
    public Release resolve(Provider provider, String version) {
        return resolve(provider.manifestLabel(), provider.url(), version, provider.componentsFile());
    }

    /** A release of any repository URL in clusterctl's forms; {@code version} {@code null} means the newest. */
    public Release resolve(String label, String url, String version) {
        return resolve(label, url, version, fileOf(url));
    }

    /**
     * A release of a provider; without a version the newest override is the newest holding {@code wantedFile}
     * (e.g. a cluster template: overrides for generating need not hold the components).
     */
    public Release resolve(Provider provider, String version, String wantedFile) {
        return resolve(provider.manifestLabel(), provider.url(), version, wantedFile);
    }

    private Release resolve(String label, String url, String version, String wantedFile) {
        String file = fileOf(url);
        Optional<Release> override = fromOverrides(label, file, version, wantedFile);
        if (override.isPresent()) {
            return override.get();
        }
        Matcher github = GITHUB_RELEASE.matcher(url);
        if (github.matches()) {
            String owner = github.group(1);
            String repo = github.group(2);
            String chosen = version != null ? version
                    : !"latest".equals(github.group(3)) ? github.group(3) : latestTag(owner, repo, label, wantedFile);
            String base = githubBase + "/" + owner + "/" + repo + "/releases/download/" + chosen + "/";
            return new Release(label, chosen, file, "GitHub release " + owner + "/" + repo + " " + chosen,
                    new Downloads(base, label, chosen));
        }
        if (url.startsWith("https://") || url.startsWith("http://")) {
            throw new ReleaseException(Reason.NEEDS_NETWORK, "the repository of " + label + " (" + url
                    + ") is not a GitHub release; only GitHub releases, local folders and overrides folders are read",
                    offlinePlace(label, version, wantedFile), null);
        }
        return fromLocalRepository(localPath(url), label, version);
    }

    /**
     * The versions a provider's sources offer, oldest first: the overrides folders' and a local repository's version
     * folders holding its components file, and for a GitHub repository its latest release (GitHub's list of every
     * release needs its API, which a mirror of release downloads does not serve).
     */
    public List<String> versions(Provider provider) {
        String file = provider.componentsFile();
        TreeMap<Semver, String> found = new TreeMap<>();
        for (Path folder : overridesFolders) {
            versionsWith(folder.resolve(provider.manifestLabel()), file).forEach(v -> found.put(parsed(v), v));
        }
        Matcher github = GITHUB_RELEASE.matcher(provider.url());
        if (github.matches()) {
            String tag = !"latest".equals(github.group(3)) ? github.group(3)
                    : latestTag(github.group(1), github.group(2), provider.manifestLabel(), file);
            Semver.tryParse(tag).ifPresent(v -> found.put(v, tag));
        } else if (!provider.url().startsWith("https://") && !provider.url().startsWith("http://")) {
            Path versionFolder = localPath(provider.url()).getParent();
            if (versionFolder != null && versionFolder.getParent() != null) {
                versionsWith(versionFolder.getParent(), file).forEach(v -> found.put(parsed(v), v));
            }
        }
        return List.copyOf(found.values());
    }

    /**
     * A file published at a fixed URL (not as a release asset), e.g. MetalLB's manifest: the overrides folder's
     * {@code <label>/<version>/<file>} first, else the URL itself.
     */
    public Release resolveFile(String label, String url, String version) {
        String file = fileOf(url);
        Optional<Release> override = fromOverrides(label, file, version, file);
        if (override.isPresent()) {
            return override.get();
        }
        if (url.startsWith("https://") || url.startsWith("http://")) {
            String base = url.substring(0, url.lastIndexOf('/') + 1);
            return new Release(label, version, file, base, new Downloads(base, label, version));
        }
        Path path = localPath(url);
        String origin = path.getParent().toString();
        return new Release(label, version, file, origin, new Folder(path.getParent(), origin));
    }

    /** Where a file of a release goes to be read without network: the first overrides folder. */
    private Path offlinePlace(String label, String version, String file) {
        Path first = overridesFolders.isEmpty() ? Path.of("overrides") : overridesFolders.get(0);
        return first.resolve(label).resolve(version == null ? "<version>" : version).resolve(file);
    }

    private Optional<Release> fromOverrides(String label, String file, String version, String wantedFile) {
        for (Path folder : overridesFolders) {
            Path providerFolder = folder.resolve(label);
            String chosen = version != null ? version : newestVersionWith(providerFolder, wantedFile).orElse(null);
            if (chosen != null && Files.isRegularFile(providerFolder.resolve(chosen).resolve(wantedFile))) {
                Path versionFolder = providerFolder.resolve(chosen);
                String origin = "overrides folder " + versionFolder;
                return Optional.of(new Release(label, chosen, file, origin, new Folder(versionFolder, origin)));
            }
        }
        return Optional.empty();
    }

    private Release fromLocalRepository(Path componentsPath, String label, String version) {
        Path versionFolder = componentsPath.getParent();
        Path providerFolder = versionFolder == null ? null : versionFolder.getParent();
        if (providerFolder == null) {
            throw new ReleaseException(Reason.OTHER, "the local repository " + componentsPath
                    + " is not laid out as <base>/<provider>/<version>/<components file>");
        }
        String file = componentsPath.getFileName().toString();
        String chosen = version != null ? version : "latest".equals(versionFolder.getFileName().toString())
                ? newestVersionWith(providerFolder, file).orElseThrow(() -> new ReleaseException(Reason.OTHER,
                        "no release folder with " + file + " in the local repository " + providerFolder))
                : versionFolder.getFileName().toString();
        Path folder = providerFolder.resolve(chosen);
        if (!Files.isRegularFile(folder.resolve(file))) {
            throw new ReleaseException(Reason.MISSING_FILE, "the local repository " + folder + " has no " + file);
        }
        String origin = "local repository " + folder;
        return new Release(label, chosen, file, origin, new Folder(folder, origin));
    }

    /** GitHub answers {@code /releases/latest} with a redirect to {@code /releases/tag/<tag>}. */
    private String latestTag(String owner, String repo, String label, String file) {
        String url = githubBase + "/" + owner + "/" + repo + "/releases/latest";
        HttpResponse<Void> response;
        try {
            response = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT)
                    .followRedirects(HttpClient.Redirect.NEVER).build()
                    .send(HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT).GET().build(),
                            HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            throw unreachable(url, label, null, file, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ReleaseException(Reason.OTHER, "interrupted while asking " + url + " for the newest release");
        }
        Optional<String> location = response.headers().firstValue("location");
        Matcher tag = TAG_LOCATION.matcher(location.orElse(""));
        if (response.statusCode() / 100 == 3 && tag.matches()) {
            return tag.group(1);
        }
        throw new ReleaseException(Reason.OTHER, owner + "/" + repo + " has no latest release (" + url
                + " answered HTTP " + response.statusCode() + "); name a version, e.g. " + label + ":v1.2.3");
    }

    /** The files of a release on a web server, next to each other under {@code base}. */
    private final class Downloads implements Release.Source {
        private final String base;
        private final String label;
        private final String version;

        Downloads(String base, String label, String version) {
            this.base = base;
            this.label = label;
            this.version = version;
        }

        @Override
        public String read(String file) {
            String url = base + file;
            return get(url, e -> unreachable(url, label, version, file, e)).orElseThrow(() -> new ReleaseException(
                    Reason.MISSING_FILE, "the release " + version + " of " + label + " has no " + file + " (" + url
                    + " answered 404)"));
        }

        @Override
        public String locate(String file) {
            return base + file;
        }
    }

    /** The files of a release in a local folder. */
    private record Folder(Path folder, String origin) implements Release.Source {
        @Override
        public String read(String file) {
            if (!Files.isRegularFile(folder.resolve(file))) {
                throw new ReleaseException(Reason.MISSING_FILE, "there is no " + file + " in " + origin);
            }
            return readLocal(folder.resolve(file));
        }

        @Override
        public String locate(String file) {
            return origin + "/" + file;
        }

        @Override
        public List<String> files() {
            try (Stream<Path> children = Files.list(folder)) {
                return children.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).sorted().toList();
            } catch (IOException e) {
                return List.of();
            }
        }
    }

    /** Reads a file at an http(s) URL (e.g. a template named by URL); empty when the server answers 404. */
    public Optional<String> readUrl(String url) {
        return get(url, e -> new ReleaseException(Reason.NEEDS_NETWORK, "cannot reach " + URI.create(url).getHost()
                + " to read " + url + " (" + reasonOf(e) + ")", null, e));
    }

    private Optional<String> get(String url, Function<IOException, ReleaseException> unreachable) {
        HttpResponse<String> response;
        try {
            response = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT).GET().build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw unreachable.apply(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ReleaseException(Reason.OTHER, "interrupted while reading " + url);
        }
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        if (response.statusCode() != 200) {
            throw new ReleaseException(Reason.OTHER, url + " answered HTTP " + response.statusCode());
        }
        return Optional.of(response.body());
    }

    private ReleaseException unreachable(String url, String label, String version, String file, IOException e) {
        return new ReleaseException(Reason.NEEDS_NETWORK, "cannot reach " + URI.create(url).getHost() + " to read "
                + url + " (" + reasonOf(e) + ")", offlinePlace(label, version, file), e);
    }

    private static String reasonOf(IOException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static Semver parsed(String version) {
        return Semver.tryParse(version).orElseThrow();
    }

    private static List<String> versionsWith(Path providerFolder, String file) {
        if (!Files.isDirectory(providerFolder)) {
            return List.of();
        }
        try (Stream<Path> children = Files.list(providerFolder)) {
            return children.filter(p -> Files.isRegularFile(p.resolve(file))).map(p -> p.getFileName().toString())
                    .filter(name -> Semver.tryParse(name).isPresent()).toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static Optional<String> newestVersionWith(Path providerFolder, String file) {
        if (!Files.isDirectory(providerFolder)) {
            return Optional.empty();
        }
        try (Stream<Path> children = Files.list(providerFolder)) {
            return children.filter(p -> Files.isRegularFile(p.resolve(file))).map(p -> p.getFileName().toString())
                    .filter(name -> Semver.tryParse(name).isPresent())
                    .max(Comparator.comparing(v -> Semver.tryParse(v).orElseThrow()));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static String fileOf(String url) {
        return url.substring(url.lastIndexOf('/') + 1);
    }

    private static Path localPath(String url) {
        return Path.of(url.startsWith("file://") ? URI.create(url).getPath() : url);
    }

    private static String readLocal(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ReleaseException(Reason.OTHER, "cannot read " + file + ": " + e.getMessage(), null, e);
        }
    }
}
