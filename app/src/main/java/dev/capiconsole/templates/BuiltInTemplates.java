package dev.capiconsole.templates;

import dev.capiconsole.yaml.YamlLimits;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The cluster templates shipped with the console ({@code templates/index.yaml} on the class path). */
public final class BuiltInTemplates {

    /** One flavor of one infrastructure provider; {@code clusterClassFile} is null without a ClusterClass. */
    public record BuiltInTemplate(String provider, String flavor, String file, String clusterClassFile,
            String description) {

        public String text() {
            return resource(file);
        }

        public Optional<String> clusterClassText() {
            return Optional.ofNullable(clusterClassFile).map(BuiltInTemplates::resource);
        }

        public String label() {
            return provider + " / " + flavor;
        }
    }

    private static final String ROOT = "/templates/";
    private static final List<BuiltInTemplate> ALL = load();

    private BuiltInTemplates() {
    }

    public static List<BuiltInTemplate> all() {
        return ALL;
    }

    public static Optional<BuiltInTemplate> find(String provider, String flavor) {
        return ALL.stream().filter(t -> t.provider().equals(provider) && t.flavor().equals(flavor)).findFirst();
    }

    public static List<BuiltInTemplate> ofProvider(String provider) {
        return ALL.stream().filter(t -> t.provider().equals(provider)).toList();
    }

    private static List<BuiltInTemplate> load() {
        Map<String, Object> index = YamlLimits.CONFIG.load(resource("index.yaml"));
        List<BuiltInTemplate> templates = new ArrayList<>();
        for (Object entry : (List<?>) index.get("templates")) {
            Map<?, ?> map = (Map<?, ?>) entry;
            templates.add(new BuiltInTemplate((String) map.get("provider"), (String) map.get("flavor"),
                    (String) map.get("file"), (String) map.get("clusterClass"), (String) map.get("description")));
        }
        return List.copyOf(templates);
    }

    private static String resource(String file) {
        try (InputStream in = BuiltInTemplates.class.getResourceAsStream(ROOT + file)) {
            if (in == null) {
                throw new IllegalStateException("the built-in template " + ROOT + file + " is missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
