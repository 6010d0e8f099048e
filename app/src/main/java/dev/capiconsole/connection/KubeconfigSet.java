package dev.capiconsole.connection;

import dev.capiconsole.yaml.YamlLimits;
import io.fabric8.kubernetes.client.Config;
import java.io.File;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Kubeconfig files merged the way kubectl merges them: {@code KUBECONFIG} lists files (missing ones are
 * skipped), else {@code ~/.kube/config}; for clusters, users and contexts the first file that names an entry
 * wins, and so does the first non-empty {@code current-context}. Relative file paths inside a file are taken
 * relative to that file.
 */
public final class KubeconfigSet {

    private static final List<String> PATH_FIELDS_CLUSTER = List.of("certificate-authority");
    private static final List<String> PATH_FIELDS_USER = List.of("client-certificate", "client-key", "tokenFile");

    private final List<Path> files;
    private final Map<String, Entry> clusters = new LinkedHashMap<>();
    private final Map<String, Entry> users = new LinkedHashMap<>();
    private final Map<String, Entry> contexts = new LinkedHashMap<>();
    private String currentContext = "";

    private record Entry(Map<String, Object> body, Path file) {
    }

    private KubeconfigSet(List<Path> files) {
        this.files = files;
    }

    /** The files kubectl would read in this environment. */
    public static List<Path> defaultFiles(Map<String, String> environment, Path home) {
        String variable = environment.get("KUBECONFIG");
        if (variable == null || variable.isBlank()) {
            return List.of(home.resolve(".kube").resolve("config"));
        }
        List<Path> files = new ArrayList<>();
        for (String part : variable.split(File.pathSeparator)) {
            if (!part.isBlank()) {
                files.add(Path.of(part));
            }
        }
        return files;
    }

    /** Reads and merges the files; a file that does not exist is skipped, one that cannot be read is an error. */
    public static KubeconfigSet load(List<Path> files) {
        KubeconfigSet set = new KubeconfigSet(List.copyOf(files));
        for (Path file : files) {
            if (Files.exists(file)) {
                set.merge(file, read(file));
            }
        }
        return set;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> read(Path file) {
        try (Reader reader = Files.newBufferedReader(file)) {
            Object document = YamlLimits.CONFIG.load(reader);
            if (document == null) {
                return Map.of();
            }
            if (!(document instanceof Map<?, ?> map)) {
                throw new ConnectionException("the kubeconfig " + file + " is not a kubeconfig: its top level is not a "
                        + "map of clusters, users and contexts", null);
            }
            return (Map<String, Object>) map;
        } catch (YAMLException e) {
            throw new ConnectionException("the kubeconfig " + file + " is not valid YAML: " + YamlLimits.problem(e), e);
        } catch (IOException e) {
            throw new ConnectionException("cannot read the kubeconfig " + file + ": " + e.getMessage(), e);
        }
    }

    private void merge(Path file, Map<String, Object> document) {
        mergeList(file, document.get("clusters"), "cluster", clusters);
        mergeList(file, document.get("users"), "user", users);
        mergeList(file, document.get("contexts"), "context", contexts);
        Object current = document.get("current-context");
        if (currentContext.isEmpty() && current != null) {
            currentContext = current.toString();
        }
    }

    @SuppressWarnings("unchecked")
    private static void mergeList(Path file, Object list, String field, Map<String, Entry> into) {
        if (list == null) {
            return;
        }
        if (!(list instanceof List<?> entries)) {
            throw new ConnectionException("the kubeconfig " + file + " has '" + field + "s' that is not a list", null);
        }
        for (Object item : entries) {
            if (!(item instanceof Map<?, ?> map) || map.get("name") == null) {
                throw new ConnectionException("the kubeconfig " + file + " has a " + field + " entry without a name",
                        null);
            }
            Object body = map.get(field);
            Map<String, Object> bodyMap = body instanceof Map<?, ?> b ? new LinkedHashMap<>((Map<String, Object>) b)
                    : new LinkedHashMap<>();
            into.putIfAbsent(map.get("name").toString(), new Entry(bodyMap, file));
        }
    }

    public List<Path> files() {
        return files;
    }

    /** The contexts in the order the files define them. */
    public List<KubeContext> contexts() {
        List<KubeContext> result = new ArrayList<>();
        contexts.forEach((name, entry) -> {
            String cluster = text(entry.body().get("cluster"));
            String namespace = text(entry.body().get("namespace"));
            Entry clusterEntry = clusters.get(cluster);
            String server = clusterEntry == null ? "" : text(clusterEntry.body().get("server"));
            result.add(new KubeContext(name, cluster, text(entry.body().get("user")),
                    namespace.isEmpty() ? "default" : namespace, server, entry.file()));
        });
        return result;
    }

    public Optional<String> currentContext() {
        return currentContext.isEmpty() ? Optional.empty() : Optional.of(currentContext);
    }

    /**
     * A self-contained kubeconfig for one context: its context, cluster and user, with file paths made absolute
     * and, when {@code execPath} is given, the exec plugin's command resolved to the program it finds.
     */
    public String kubeconfigFor(String contextName, ExecPath execPath) {
        Entry context = contexts.get(contextName);
        if (context == null) {
            throw new ConnectionException("no context named '" + contextName + "' in " + files, null);
        }
        String clusterName = text(context.body().get("cluster"));
        String userName = text(context.body().get("user"));
        Entry cluster = clusters.get(clusterName);
        if (cluster == null) {
            throw new ConnectionException("context '" + contextName + "' (" + context.file() + ") names the cluster '"
                    + clusterName + "', which no kubeconfig file defines", null);
        }
        Entry user = users.get(userName);
        Map<String, Object> userBody = user == null ? new LinkedHashMap<>() : absolutePaths(user, PATH_FIELDS_USER);
        if (execPath != null && userBody.get("exec") instanceof Map<?, ?> exec) {
            @SuppressWarnings("unchecked")
            Map<String, Object> execCopy = new LinkedHashMap<>((Map<String, Object>) exec);
            execCopy.put("command", execPath.resolve(text(execCopy.get("command")), userName, user.file()).toString());
            execCopy.put("env", withSearchPath(execCopy.get("env"), execPath));
            userBody.put("exec", execCopy);
        }
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("apiVersion", "v1");
        document.put("kind", "Config");
        document.put("clusters", List.of(Map.of("name", clusterName, "cluster",
                absolutePaths(cluster, PATH_FIELDS_CLUSTER))));
        document.put("users", List.of(Map.of("name", userName, "user", userBody)));
        document.put("contexts", List.of(Map.of("name", contextName, "context", context.body())));
        document.put("current-context", contextName);
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        return new Yaml(options).dump(document);
    }

    /**
     * The plugin's environment with {@code PATH} set to every folder the console searched, unless the kubeconfig sets
     * it: plugins run other programs (gcloud, az, python...), which a desktop menu's short PATH would hide from them.
     */
    private static List<Object> withSearchPath(Object env, ExecPath execPath) {
        List<Object> entries = new ArrayList<>();
        if (env instanceof List<?> list) {
            entries.addAll(list);
        }
        boolean setsPath = entries.stream()
                .anyMatch(entry -> entry instanceof Map<?, ?> map && "PATH".equals(map.get("name")));
        if (!setsPath) {
            Map<String, Object> path = new LinkedHashMap<>();
            path.put("name", "PATH");
            path.put("value", execPath.searchPath());
            entries.add(path);
        }
        return entries;
    }

    /** A fabric8 client configuration for one context. */
    public Config configFor(String contextName, ExecPath execPath) {
        return configOf(contextName, kubeconfigFor(contextName, execPath));
    }

    /** As above, from the context's self-contained kubeconfig already made by {@link #kubeconfigFor}. */
    Config configOf(String contextName, String kubeconfig) {
        try {
            return Config.fromKubeconfig(contextName, kubeconfig, null);
        } catch (RuntimeException e) {
            throw new ConnectionException("context '" + contextName + "' in " + files + " cannot be used: "
                    + ServerErrors.rootMessage(e), e);
        }
    }

    private static Map<String, Object> absolutePaths(Entry entry, List<String> fields) {
        Map<String, Object> body = new LinkedHashMap<>(entry.body());
        Path folder = entry.file().toAbsolutePath().getParent();
        for (String field : fields) {
            Object value = body.get(field);
            if (value != null && !value.toString().isEmpty() && !Path.of(value.toString()).isAbsolute()) {
                body.put(field, folder.resolve(value.toString()).normalize().toString());
            }
        }
        return body;
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }
}
