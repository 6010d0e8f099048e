package dev.capiconsole.templates;

import dev.capiconsole.clusterctl.ClusterctlEnvironment;
import dev.capiconsole.connection.ServerErrors;
import dev.capiconsole.providers.Provider;
import dev.capiconsole.providers.ProviderCatalog;
import dev.capiconsole.providers.ProviderType;
import dev.capiconsole.providers.Release;
import dev.capiconsole.providers.ReleaseException;
import dev.capiconsole.providers.ReleaseResolver;
import dev.capiconsole.templates.BuiltInTemplates.BuiltInTemplate;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

    private static final Pattern GITHUB_BLOB = Pattern.compile("https://github\\.com/([^/]+)/([^/]+)/blob/(.+)");

    private final ProviderCatalog catalog;
    private final ReleaseResolver releases;
    private final Supplier<InputStream> stdin;
    private final KubernetesClient client;

    /** @param client the management cluster, for ConfigMap sources; may be null */
    public TemplateFetcher(ProviderCatalog catalog, ReleaseResolver releases, Supplier<InputStream> stdin,
            KubernetesClient client) {
        this.catalog = catalog;
        this.releases = releases;
        this.stdin = stdin;
        this.client = client;
    }

    /** Templates of the environment's providers, releases and overrides folder. */
    public static TemplateFetcher of(ClusterctlEnvironment environment, KubernetesClient client,
            Supplier<InputStream> stdin) {
        return new TemplateFetcher(environment.catalog(), environment.releases(), stdin, client);
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
        String file = release.fileName();
        Release found = explained(() -> releases.resolve(provider, release.version(), file), release.provider(),
                List.of());
        ClassFinder classes = name -> {
            String classFile = "clusterclass-" + name + ".yaml";
            return explained(() -> found.find(classFile), release.provider(), List.of())
                    .map(text -> new Fetched(text, found.locate(classFile), ClassFinder.NONE));
        };
        return new Fetched(explained(() -> found.read(file), release.provider(), found.files()), found.locate(file),
                classes);
    }

    /** Runs release work; its failure says which flavors there are, or how to work offline. */
    private static <T> T explained(Supplier<T> work, String provider, List<String> filesThere) {
        try {
            return work.get();
        } catch (ReleaseException e) {
            throw new TemplateSourceException(e.getMessage() + switch (e.reason()) {
                case MISSING_FILE -> filesThere.isEmpty() ? knownFlavors(provider) : flavorsAmong(filesThere);
                case NEEDS_NETWORK -> e.offlinePlace() == null ? "" : "; to work offline, put "
                        + e.offlinePlace().getFileName() + " into " + e.offlinePlace().getParent();
                case OTHER -> "";
            });
        }
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
                return new Fetched(releases.readUrl(url).orElseThrow(() -> new TemplateSourceException(url
                        + " answered 404: there is no template there")), location, ClassFinder.NONE);
            } catch (ReleaseException e) {
                throw new TemplateSourceException(e.getMessage());
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

    private static String knownFlavors(String provider) {
        List<String> flavors = BuiltInTemplates.ofProvider(provider).stream().map(BuiltInTemplate::flavor).toList();
        return flavors.isEmpty() ? "" : "; built-in flavors of " + provider + ": " + String.join(", ", flavors);
    }

    private static String flavorsAmong(List<String> files) {
        List<String> flavors = files.stream().filter(n -> n.startsWith("cluster-template") && n.endsWith(".yaml"))
                .map(n -> n.equals("cluster-template.yaml") ? "(default)"
                        : n.substring("cluster-template-".length(), n.length() - ".yaml".length()))
                .toList();
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
