package dev.capiconsole.clusterctl;

import dev.capiconsole.providers.ProviderCatalog;
import dev.capiconsole.providers.ReleaseResolver;
import dev.capiconsole.settings.XdgFolders;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * clusterctl's environment on this machine: the process environment, the clusterctl config file (variables,
 * {@code providers:}, {@code overridesFolder}), the effective provider catalog and where GitHub releases are read.
 * The CLI and every page of the window take the catalog from here. Loading reads files: do it off the FX thread.
 */
public final class ClusterctlEnvironment {

    /** Environment variable naming a GitHub mirror (or a test server) to read release files from. */
    public static final String GITHUB_URL_VARIABLE = "CAPI_CONSOLE_GITHUB_URL";

    private final Map<String, String> environment;
    private final Map<String, Object> configValues;
    private final ProviderCatalog catalog;
    private final Path overridesFolder;
    private final String githubBase;

    private ClusterctlEnvironment(Map<String, String> environment, Optional<ClusterctlConfigFile> config, Path home) {
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
    public static ClusterctlEnvironment load(Map<String, String> environment, Path home, Path config) {
        Optional<Path> file = config != null ? Optional.of(config) : ClusterctlConfigFile.locateDefault(environment, home);
        return new ClusterctlEnvironment(environment, file.map(ClusterctlConfigFile::read), home);
    }

    public static ClusterctlEnvironment ofThisProcess() {
        return ofThisProcess(null);
    }

    /** This process's environment, with the clusterctl config file given by {@code --config} (may be null). */
    public static ClusterctlEnvironment ofThisProcess(Path config) {
        return load(System.getenv(), Path.of(System.getProperty("user.home")), config);
    }

    /** The process environment: variables there win over the config file's. */
    public Map<String, String> environmentVariables() {
        return environment;
    }

    /** Every top-level entry of the clusterctl config file (variables among them); empty without a file. */
    public Map<String, Object> configValues() {
        return configValues;
    }

    /** The built-in catalog with the config file's {@code providers:} merged in as clusterctl merges them. */
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

    /** Provider releases from the overrides folder and the providers' repositories. */
    public ReleaseResolver releases() {
        return releases(List.of(overridesFolder));
    }

    /** Provider releases from the given overrides folders (in order) and the providers' repositories. */
    public ReleaseResolver releases(List<Path> overridesFolders) {
        return new ReleaseResolver(overridesFolders, githubBase);
    }
}
