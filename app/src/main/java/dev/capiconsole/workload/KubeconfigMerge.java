package dev.capiconsole.workload;

import dev.capiconsole.lab.SecretFiles;
import dev.capiconsole.yaml.YamlLimits;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Adds a workload cluster's kubeconfig to a user's kubeconfig file as its own context, keeping every other entry.
 * Entries of the same name are replaced (the caller asks first); the previous file is kept as
 * {@code <file>.bak}, and both are written 0600.
 */
public final class KubeconfigMerge {

    /** What the merge did, for the confirmation and the message afterwards. */
    public record Result(String context, List<String> replaced, Path backup) {
    }

    private KubeconfigMerge() {
    }

    /** The entry names the workload kubeconfig brings that already exist in {@code target}. */
    public static List<String> conflicts(Path target, String workload) throws IOException {
        Map<String, Object> existing = load(target);
        Map<String, Object> incoming = parse(workload);
        List<String> conflicts = new ArrayList<>();
        for (String section : List.of("clusters", "users", "contexts")) {
            for (String name : names(incoming, section)) {
                if (names(existing, section).contains(name)) {
                    conflicts.add(section.substring(0, section.length() - 1) + " " + name);
                }
            }
        }
        return conflicts;
    }

    public static Result merge(Path target, String workload, boolean makeCurrent) throws IOException {
        Map<String, Object> existing = load(target);
        Map<String, Object> incoming = parse(workload);
        List<String> replaced = conflicts(target, workload);
        for (String section : List.of("clusters", "users", "contexts")) {
            List<Object> entries = new ArrayList<>(list(existing, section));
            for (Object entry : list(incoming, section)) {
                String name = String.valueOf(((Map<?, ?>) entry).get("name"));
                entries.removeIf(e -> e instanceof Map<?, ?> m && name.equals(String.valueOf(m.get("name"))));
                entries.add(entry);
            }
            existing.put(section, entries);
        }
        existing.putIfAbsent("apiVersion", "v1");
        existing.putIfAbsent("kind", "Config");
        List<String> contexts = names(incoming, "contexts");
        String context = contexts.isEmpty() ? "" : contexts.get(0);
        if (makeCurrent || !existing.containsKey("current-context") || "".equals(existing.get("current-context"))) {
            existing.put("current-context", context);
        }
        Path backup = null;
        if (Files.exists(target)) {
            backup = target.resolveSibling(target.getFileName() + ".bak");
            SecretFiles.write(backup, Files.readString(target, StandardCharsets.UTF_8));
        }
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        SecretFiles.write(target, new Yaml(options).dump(existing));
        return new Result(context, replaced, backup);
    }

    /** Writes the workload kubeconfig to its own file, readable only by its owner. */
    public static void save(Path file, String workload) throws IOException {
        SecretFiles.write(file, workload);
    }

    private static Map<String, Object> load(Path target) throws IOException {
        if (!Files.exists(target)) {
            return new LinkedHashMap<>();
        }
        try {
            return parse(Files.readString(target, StandardCharsets.UTF_8));
        } catch (YAMLException e) {
            throw new WorkloadException("the kubeconfig " + target + " is not valid YAML, so nothing was merged "
                    + "into it: " + e.getMessage());
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> parse(String text) {
        Object document = YamlLimits.CONFIG.load(text);
        if (document == null) {
            return new LinkedHashMap<>();
        }
        if (!(document instanceof Map<?, ?>)) {
            throw new WorkloadException("not a kubeconfig: the file is not a YAML map");
        }
        return new LinkedHashMap<>((Map<String, Object>) document);
    }

    private static List<?> list(Map<String, Object> config, String section) {
        return config.get(section) instanceof List<?> l ? l : List.of();
    }

    private static List<String> names(Map<String, Object> config, String section) {
        return list(config, section).stream().filter(e -> e instanceof Map<?, ?>)
                .map(e -> String.valueOf(((Map<?, ?>) e).get("name"))).toList();
    }
}
