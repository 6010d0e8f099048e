package dev.capiconsole.clusterctl;

import dev.capiconsole.providers.Provider;
import dev.capiconsole.providers.ProviderCatalog;
import dev.capiconsole.settings.XdgFolders;
import dev.capiconsole.yaml.YamlLimits;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * clusterctl's configuration file: {@code $XDG_CONFIG_HOME/cluster-api/clusterctl.yaml}, else
 * {@code ~/.cluster-api/clusterctl.yaml}, or a file named with {@code --config}.
 */
public final class ClusterctlConfigFile {

    private final Path path;
    private final Map<String, Object> content;

    private ClusterctlConfigFile(Path path, Map<String, Object> content) {
        this.path = path;
        this.content = content;
    }

    /** The file clusterctl would read when no {@code --config} is given, if there is one. */
    public static Optional<Path> locateDefault(Map<String, String> environment, Path home) {
        Path xdgFolder = XdgFolders.configHome(environment, home).resolve("cluster-api");
        for (Path folder : List.of(xdgFolder, home.resolve(".cluster-api"))) {
            for (String name : List.of("clusterctl.yaml", "clusterctl.yml")) {
                Path candidate = folder.resolve(name);
                if (Files.isRegularFile(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    public static ClusterctlConfigFile read(Path path) {
        if (!Files.exists(path) || Files.isDirectory(path)) {
            throw new ClusterctlConfigException("the clusterctl config file " + path + " does not exist");
        }
        try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            Object document = YamlLimits.CONFIG.load(reader);
            if (document == null) {
                return new ClusterctlConfigFile(path, Map.of());
            }
            if (!(document instanceof Map<?, ?> map)) {
                throw new ClusterctlConfigException("the clusterctl config file " + path + " must be a YAML map");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> content = (Map<String, Object>) map;
            return new ClusterctlConfigFile(path, content);
        } catch (YAMLException e) {
            throw new ClusterctlConfigException("the clusterctl config file " + path + " is not valid YAML: "
                    + YamlLimits.problem(e));
        } catch (IOException e) {
            throw new ClusterctlConfigException("cannot read the clusterctl config file " + path + ": " + e.getMessage());
        }
    }

    public Path path() {
        return path;
    }

    /** Every top-level entry: template variables live here, next to {@code providers:}. */
    public Map<String, Object> values() {
        return content;
    }

    /** The entries of the {@code providers:} section. */
    public List<Provider> providers() {
        return ProviderCatalog.parseEntries(content.get("providers"), path.toString());
    }
}
