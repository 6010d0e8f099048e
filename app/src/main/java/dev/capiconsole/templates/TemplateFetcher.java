package dev.capiconsole.templates;

import dev.capiconsole.connection.ServerErrors;
import dev.capiconsole.providers.Provider;
import dev.capiconsole.providers.ProviderCatalog;
import dev.capiconsole.providers.ProviderType;
import dev.capiconsole.templates.BuiltInTemplates.BuiltInTemplate;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.IOException;
import java.io.InputStream;
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
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads a template's text from its source, and knows where the ClusterClasses that go with it live: next to a
 * provider release's template, or among the built-in templates.
 */
public final class TemplateFetcher {

    /** A template's text, where it came from, and how to read {@code clusterclass-<name>.yaml} beside it. */
    public record Fetched(String text, String origin, ClassFinder clusterClasses) {
    }

    /** Finds the ClusterClass file of a given class name beside a template, if the source has such a place. */
    @FunctionalInterface
    public interface ClassFinder {
        Optional<Fetched> find(String className);

        ClassFinder NONE = name -> Optional.empty();
    }

    private static final Pattern GITHUB_RELEASE =
            Pattern.compile("https://github\\.com/([^/]+)/([^/]+)/releases/([^/]+)/([^/]+)");
    private static final Pattern GITHUB_BLOB = Pattern.compile("https://github\\.com/([^/]+)/([^/]+)/blob/(.+)");
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final ProviderCatalog catalog;
    private final Path overridesFolder;
    private final String githubBase;
    private final Supplier<InputStream> stdin;
    private final KubernetesClient client;
    private final HttpClient http;

    /**
     * @param overridesFolder clusterctl's overrides folder ({@code <type>-<name>/<version>/<file>} inside)
     * @param githubBase where {@code https://github.com} release downloads are fetched from (a mirror, or a test
     *     server)
     * @param client the management cluster, for ConfigMap sources; may be null
     */
    public TemplateFetcher(ProviderCatalog catalog, Path overridesFolder, String githubBase,
            Supplier<InputStream> stdin, KubernetesClient client) {
        this.catalog = catalog;
        this.overridesFolder = overridesFolder;
        this.githubBase = githubBase.endsWith("/") ? githubBase.substring(0, githubBase.length() - 1) : githubBase;
        this.stdin = stdin;
        this.client = client;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    public Fetched fetch(TemplateSource source) {
        if (source instanceof TemplateSource.BuiltIn builtIn) {
            return builtIn(builtIn.template());
        }
        if (source instanceof TemplateSource.ProviderRelease release) {
            return release(release);
        }
        if (source instanceof TemplateSource.ConfigMap configMap) {
            return configMap(configMap);
        }
        return location(((TemplateSource.Location) source).location());
    }

    private static Fetched builtIn(BuiltInTemplate template) {
        ClassFinder classes = name -> template.clusterClassFile() != null
                && template.clusterClassFile().endsWith("/clusterclass-" + name + ".yaml")
                ? template.clusterClassText().map(text -> new Fetched(text, "built-in " + template.clusterClassFile(),
                        ClassFinder.NONE))
                : Optional.empty();
        return new Fetched(template.text(), "built-in template " + template.label(), classes);
    }

    private Fetched release(TemplateSource.ProviderRelease release) {
        Provider provider = catalog.find(release.provider(), ProviderType.INFRASTRUCTURE)
                .orElseThrow(() -> new TemplateSourceException("there is no infrastructure provider named \""
                        + release.provider() + "\"; known: " + String.join(", ",
                        catalog.ofType(ProviderType.INFRASTRUCTURE).stream().map(Provider::name).toList())));
        String label = "infrastructure-" + provider.name();
        String version = release.version();
        if (version == null) {
            version = newestOverride(label).orElse(null);
        }
        if (version != null) {
            Path override = overridesFolder.resolve(label).resolve(version);
            if (Files.isRegularFile(override.resolve(release.fileName()))) {
                return local(override, release.fileName(), "overrides folder " + override);
            }
        }
        String url = provider.url();
        Matcher github = GITHUB_RELEASE.matcher(url);
        if (github.matches()) {
            String base = githubBase + "/" + github.group(1) + "/" + github.group(2) + "/releases/"
                    + (version == null ? "latest/download/" : "download/" + version + "/");
            return remote(base, release, version, label);
        }
        if (url.startsWith("https://") || url.startsWith("http://")) {
            throw new TemplateSourceException("the repository of " + provider.name() + " (" + url
                    + ") is not on GitHub; only GitHub releases, local folders and the overrides folder are read. "
                    + "Put " + release.fileName() + " into " + overridesFolder.resolve(label).resolve("<version>"));
        }
        return localRepository(Path.of(url.startsWith("file://") ? URI.create(url).getPath() : url), release,
                version);
    }

    private Fetched remote(String base, TemplateSource.ProviderRelease release, String version, String label) {
        String url = base + release.fileName();
        String text;
        try {
            text = get(url);
        } catch (NotFound e) {
            throw new TemplateSourceException("the " + release.provider() + " release "
                    + (version == null ? "(latest)" : version) + " has no " + release.fileName() + " (" + url
                    + " answered 404)" + knownFlavors(release.provider()));
        } catch (TemplateSourceException e) {
            throw new TemplateSourceException(e.getMessage() + "; to work offline, put " + release.fileName()
                    + " into " + overridesFolder.resolve(label).resolve(version == null ? "<version>" : version));
        }
        ClassFinder classes = name -> {
            String classUrl = base + "clusterclass-" + name + ".yaml";
            try {
                return Optional.of(new Fetched(get(classUrl), classUrl, ClassFinder.NONE));
            } catch (NotFound e) {
                return Optional.empty();
            }
        };
        return new Fetched(text, url, classes);
    }

    private Fetched localRepository(Path componentsFile, TemplateSource.ProviderRelease release, String version) {
        // {basepath}/{provider-label}/{version}/{components file}
        Path versionFolder = componentsFile.getParent();
        Path providerFolder = versionFolder == null ? null : versionFolder.getParent();
        if (providerFolder == null) {
            throw new TemplateSourceException("the local repository " + componentsFile
                    + " is not laid out as <base>/<provider>/<version>/<components file>");
        }
        String chosen = version != null ? version : "latest".equals(versionFolder.getFileName().toString())
                ? newestVersion(providerFolder).orElseThrow(() -> new TemplateSourceException(
                        "no version folders in the local repository " + providerFolder))
                : versionFolder.getFileName().toString();
        Path folder = providerFolder.resolve(chosen);
        if (!Files.isRegularFile(folder.resolve(release.fileName()))) {
            throw new TemplateSourceException("the local repository " + folder + " has no " + release.fileName()
                    + localFlavors(folder));
        }
        return local(folder, release.fileName(), "local repository " + folder);
    }

    private static Fetched local(Path folder, String file, String origin) {
        ClassFinder classes = name -> {
            Path classFile = folder.resolve("clusterclass-" + name + ".yaml");
            return Files.isRegularFile(classFile)
                    ? Optional.of(new Fetched(read(classFile), classFile.toString(), ClassFinder.NONE))
                    : Optional.empty();
        };
        return new Fetched(read(folder.resolve(file)), origin + "/" + file, classes);
    }

    private Fetched location(String location) {
        if ("-".equals(location)) {
            try (InputStream in = stdin.get()) {
                return new Fetched(new String(in.readAllBytes(), StandardCharsets.UTF_8), "standard input",
                        ClassFinder.NONE);
            } catch (IOException e) {
                throw new TemplateSourceException("cannot read the template from standard input: " + e.getMessage());
            }
        }
        if (location.startsWith("https://") || location.startsWith("http://")) {
            Matcher blob = GITHUB_BLOB.matcher(location);
            String url = blob.matches() ? "https://raw.githubusercontent.com/" + blob.group(1) + "/" + blob.group(2)
                    + "/" + blob.group(3) : location;
            try {
                return new Fetched(get(url), location, ClassFinder.NONE);
            } catch (NotFound e) {
                throw new TemplateSourceException(url + " answered 404: there is no template there");
            }
        }
        String path = location.startsWith("~/") ? System.getProperty("user.home") + location.substring(1)
                : location.startsWith("file://") ? URI.create(location).getPath() : location;
        Path file = Path.of(path);
        if (!Files.isRegularFile(file)) {
            throw new TemplateSourceException("the template file " + file.toAbsolutePath() + " does not exist");
        }
        return new Fetched(read(file), file.toString(), ClassFinder.NONE);
    }

    private Fetched configMap(TemplateSource.ConfigMap source) {
        if (client == null) {
            throw new TemplateSourceException("reading a template from a ConfigMap needs a management cluster");
        }
        io.fabric8.kubernetes.api.model.ConfigMap map;
        try {
            map = client.configMaps().inNamespace(source.namespace()).withName(source.name()).get();
        } catch (KubernetesClientException e) {
            throw new TemplateSourceException("cannot read ConfigMap " + source.namespace() + "/" + source.name()
                    + ": " + ServerErrors.explain(e));
        }
        if (map == null) {
            throw new TemplateSourceException("there is no ConfigMap " + source.name() + " in namespace "
                    + source.namespace());
        }
        String text = map.getData() == null ? null : map.getData().get(source.key());
        if (text == null) {
            throw new TemplateSourceException("ConfigMap " + source.namespace() + "/" + source.name() + " has no key \""
                    + source.key() + "\"" + (map.getData() == null || map.getData().isEmpty() ? ""
                    : "; its keys: " + String.join(", ", map.getData().keySet())));
        }
        return new Fetched(text, source.describe(), ClassFinder.NONE);
    }

    private static final class NotFound extends Exception {
        NotFound() {
            super(null, null, false, false);
        }
    }

    private String get(String url) throws NotFound {
        HttpResponse<String> response;
        try {
            response = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT).GET().build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new TemplateSourceException("cannot reach " + URI.create(url).getHost() + " to read " + url + ": "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TemplateSourceException("interrupted while reading " + url);
        }
        if (response.statusCode() == 404) {
            throw new NotFound();
        }
        if (response.statusCode() != 200) {
            throw new TemplateSourceException(url + " answered HTTP " + response.statusCode());
        }
        return response.body();
    }

    private Optional<String> newestOverride(String label) {
        return newestVersion(overridesFolder.resolve(label));
    }

    private static Optional<String> newestVersion(Path folder) {
        if (!Files.isDirectory(folder)) {
            return Optional.empty();
        }
        try (Stream<Path> children = Files.list(folder)) {
            return children.filter(Files::isDirectory).map(p -> p.getFileName().toString())
                    .filter(name -> name.matches("v\\d+\\.\\d+\\.\\d+.*"))
                    .max(Comparator.comparing(Semver::parse));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static String knownFlavors(String provider) {
        List<String> flavors = BuiltInTemplates.ofProvider(provider).stream().map(BuiltInTemplate::flavor).toList();
        return flavors.isEmpty() ? "" : "; built-in flavors of " + provider + ": " + String.join(", ", flavors);
    }

    private static String localFlavors(Path folder) {
        List<String> flavors = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("cluster-template") && n.endsWith(".yaml"))
                    .sorted().forEach(n -> flavors.add(n.equals("cluster-template.yaml") ? "(default)"
                            : n.substring("cluster-template-".length(), n.length() - ".yaml".length())));
        } catch (IOException e) {
            return "";
        }
        return flavors.isEmpty() ? "" : "; flavors there: " + String.join(", ", flavors);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new TemplateSourceException("cannot read " + file + ": " + e.getMessage());
        }
    }
}
