package dev.capiconsole.templates;

import dev.capiconsole.clusterctl.ClusterctlConfigFile;
import dev.capiconsole.providers.ProviderCatalog;
import dev.capiconsole.settings.XdgFolders;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Everything around a template that comes from the machine: the process environment, the clusterctl config file
 * (variables, {@code providers:}, {@code overridesFolder}), the provider catalog and where GitHub releases are read.
 */
public final class TemplateEnvironment {

    /** Environment variable naming a GitHub mirror (or a test server) to read release files from. */
    public static final String GITHUB_URL_VARIABLE = "CAPI_CONSOLE_GITHUB_URL";

    private final Map<String, String> environment;
    private final Map<String, Object> configValues;
    private final ProviderCatalog catalog;
    private final Path overridesFolder;
    private final String githubBase;

    private TemplateEnvironment(Map<String, String> environment, Optional<ClusterctlConfigFile> config, Path home) {
        this.environment = Map.copyOf(environment);
        this.configValues = config.map(ClusterctlConfigFile::values).orElse(Map.of());
        ProviderCatalog builtIn = ProviderCatalog.builtIn();
        this.catalog = config.map(c -> builtIn.withUserDefined(c.providers())).orElse(builtIn);
        Path configFolder = config.map(c -> c.path().toAbsolutePath().getParent())
                .orElse(XdgFolders.configHome(environment, home).resolve("cluster-api"));
        Object overrides = configValues.get("overridesFolder");
        this.overridesFolder = overrides != null ? Path.of(String.valueOf(overrides)) : configFolder.resolve("overrides");
        this.githubBase = environment.getOrDefault(GITHUB_URL_VARIABLE, "https://github.com");
    }

    /** The machine's environment, with the clusterctl config file at {@code config} or at its default place. */
    public static TemplateEnvironment load(Map<String, String> environment, Path home, Path config) {
        Optional<Path> file = config != null ? Optional.of(config) : ClusterctlConfigFile.locateDefault(environment, home);
        return new TemplateEnvironment(environment, file.map(ClusterctlConfigFile::read), home);
    }

    public static TemplateEnvironment ofThisProcess() {
        return load(System.getenv(), Path.of(System.getProperty("user.home")), null);
    }

    /** Fresh values for one generation (generating sets the standard variables on them). */
    public VariableValues values() {
        return new VariableValues(environment, configValues);
    }

    public ProviderCatalog catalog() {
        return catalog;
    }

    /** clusterctl's overrides folder: {@code overridesFolder:} of the config file, else beside the config file. */
    public Path overridesFolder() {
        return overridesFolder;
    }

    /** Where GitHub release files are read: {@code https://github.com}, a mirror, or a test server. */
    public String githubBase() {
        return githubBase;
    }

    /** A top-level entry of the clusterctl config file (e.g. {@code cert-manager}), or {@code null}. */
    public Object configValue(String key) {
        return configValues.get(key);
    }

    public TemplateFetcher fetcher(KubernetesClient client, Supplier<InputStream> stdin) {
        return new TemplateFetcher(catalog, overridesFolder, githubBase, stdin, client);
    }

}
