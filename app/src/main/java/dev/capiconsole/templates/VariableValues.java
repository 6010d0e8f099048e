package dev.capiconsole.templates;

import dev.capiconsole.clusterctl.ClusterctlEnvironment;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Where clusterctl finds a variable's value, highest first: values the command sets itself (cluster name,
 * namespace, counts, version) and the wizard's form; the process environment (an empty variable counts as set);
 * the clusterctl config file, whose keys match case-insensitively.
 */
public final class VariableValues {

    /** Where a value came from, for the wizard to show. */
    public enum Origin { SET, ENVIRONMENT, CONFIG_FILE }

    public record Value(String value, Origin origin) {
    }

    private final Map<String, String> set = new LinkedHashMap<>();
    private final Map<String, String> environment;
    private final Map<String, String> configFile = new HashMap<>();

    public VariableValues(Map<String, String> environment, Map<String, ?> configFile) {
        this.environment = Map.copyOf(environment);
        configFile.forEach((key, value) -> {
            if (value != null && !(value instanceof Map) && !(value instanceof Iterable)) {
                this.configFile.put(key.toLowerCase(Locale.ROOT), String.valueOf(value));
            }
        });
    }

    /** Fresh values for one generation from clusterctl's environment (generating sets the standard variables). */
    public static VariableValues of(ClusterctlEnvironment environment) {
        return new VariableValues(environment.environmentVariables(), environment.configValues());
    }

    public static VariableValues none() {
        return new VariableValues(Map.of(), Map.of());
    }

    public VariableValues set(String name, String value) {
        set.put(name, value);
        return this;
    }

    public VariableValues setAll(Map<String, String> values) {
        set.putAll(values);
        return this;
    }

    /** The value, or {@code null} when no source has the variable. */
    public String get(String name) {
        return find(name).map(Value::value).orElse(null);
    }

    public Optional<Value> find(String name) {
        if (set.containsKey(name)) {
            return Optional.of(new Value(set.get(name), Origin.SET));
        }
        String environmentName = name.toUpperCase(Locale.ROOT).replace('-', '_');
        if (environment.containsKey(environmentName)) {
            return Optional.of(new Value(environment.get(environmentName), Origin.ENVIRONMENT));
        }
        String configValue = configFile.get(name.toLowerCase(Locale.ROOT));
        return configValue == null ? Optional.empty() : Optional.of(new Value(configValue, Origin.CONFIG_FILE));
    }

    /** Whether the process environment sets the variable (clusterctl's variable listing asks only this). */
    public Optional<String> fromEnvironment(String name) {
        return Optional.ofNullable(environment.get(name));
    }
}
