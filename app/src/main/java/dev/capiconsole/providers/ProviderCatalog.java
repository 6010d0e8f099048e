package dev.capiconsole.providers;

import dev.capiconsole.yaml.YamlLimits;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The providers the console knows: clusterctl's built-in list, shipped as {@code catalog/providers.yaml},
 * with the entries of a clusterctl config file's {@code providers:} section added or overriding by name and type.
 */
public final class ProviderCatalog {

    private static final String BUILT_IN = "/catalog/providers.yaml";
    private static final Pattern DNS1123_SUBDOMAIN =
            Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");

    private final List<Provider> providers;

    private ProviderCatalog(List<Provider> providers) {
        List<Provider> sorted = new ArrayList<>(providers);
        sorted.sort(Provider.CLUSTERCTL_ORDER);
        this.providers = List.copyOf(sorted);
    }

    public static ProviderCatalog builtIn() {
        try (InputStream in = ProviderCatalog.class.getResourceAsStream(BUILT_IN)) {
            if (in == null) {
                throw new IllegalStateException("the provider catalog " + BUILT_IN + " is missing from the class path");
            }
            Map<String, Object> document = YamlLimits.CONFIG.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return new ProviderCatalog(parseEntries(document.get("providers"), "built-in catalog"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the provider catalog " + BUILT_IN, e);
        }
    }

    /**
     * The catalog with user-defined entries merged in, as clusterctl does: an entry with the name and type of
     * a known provider replaces it, any other is added.
     */
    public ProviderCatalog withUserDefined(List<Provider> userDefined) {
        List<Provider> merged = new ArrayList<>(providers);
        for (Provider entry : userDefined) {
            validate(entry);
            boolean replaced = false;
            for (int i = 0; i < merged.size(); i++) {
                if (merged.get(i).sameAs(entry)) {
                    merged.set(i, entry);
                    replaced = true;
                }
            }
            if (!replaced) {
                merged.add(entry);
            }
        }
        return new ProviderCatalog(merged);
    }

    public List<Provider> all() {
        return providers;
    }

    public List<Provider> ofType(ProviderType type) {
        return providers.stream().filter(p -> p.type() == type).toList();
    }

    public Optional<Provider> find(String name, ProviderType type) {
        return providers.stream().filter(p -> p.name().equals(name) && p.type() == type).findFirst();
    }

    /**
     * Reads a YAML list of {@code {name, type, url}} maps, as in clusterctl's config file.
     *
     * @param source names the list's origin in error messages
     */
    public static List<Provider> parseEntries(Object list, String source) {
        if (list == null) {
            return List.of();
        }
        if (!(list instanceof List<?> entries)) {
            throw new InvalidProviderException(source + ": 'providers' must be a list of {name, type, url}");
        }
        List<Provider> result = new ArrayList<>();
        for (Object entry : entries) {
            if (!(entry instanceof Map<?, ?> map)) {
                throw new InvalidProviderException(source + ": each provider must be a map with name, type and url");
            }
            String name = text(map.get("name"));
            String typeName = text(map.get("type"));
            ProviderType type = ProviderType.fromClusterctlName(typeName).orElseThrow(() -> new InvalidProviderException(
                    source + ": provider '" + name + "' has type '" + typeName + "'; allowed are "
                            + ProviderType.allowedNames()));
            Provider provider = new Provider(name, type, text(map.get("url")));
            try {
                validate(provider);
            } catch (InvalidProviderException e) {
                throw new InvalidProviderException(source + ": " + e.getMessage());
            }
            result.add(provider);
        }
        return result;
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    /** clusterctl's checks on a provider entry, with messages that name the entry. */
    static void validate(Provider provider) {
        String name = provider.name();
        String what = "provider '" + name + "' (" + provider.type().clusterctlName() + ")";
        if (name.isEmpty()) {
            throw new InvalidProviderException("a " + provider.type().clusterctlName() + " has no name");
        }
        if (!name.equals(name.toLowerCase(Locale.ROOT))) {
            throw new InvalidProviderException(what + ": the name must be in lower case");
        }
        if (name.equals("cluster-api") != (provider.type() == ProviderType.CORE)) {
            throw new InvalidProviderException(what + ": the name cluster-api goes with the type CoreProvider, and only it");
        }
        if (name.length() > 253 || !DNS1123_SUBDOMAIN.matcher(name).matches()) {
            throw new InvalidProviderException(what + ": the name must be a DNS-1123 subdomain "
                    + "(lower case letters, digits, '-' and '.', starting and ending with a letter or digit)");
        }
        if (provider.url().isEmpty()) {
            throw new InvalidProviderException(what + ": the url is empty");
        }
    }
}
