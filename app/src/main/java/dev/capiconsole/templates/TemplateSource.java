package dev.capiconsole.templates;

import dev.capiconsole.templates.BuiltInTemplates.BuiltInTemplate;

/** Where a cluster template comes from, as clusterctl's {@code generate cluster} source flags say. */
public sealed interface TemplateSource {

    String describe();

    /** A template shipped with the console. */
    record BuiltIn(BuiltInTemplate template) implements TemplateSource {
        @Override
        public String describe() {
            return "built-in template " + template.label();
        }
    }

    /**
     * {@code cluster-template[-flavor].yaml} of an infrastructure provider's release ({@code --infrastructure
     * name[:version] --flavor f}); a null version means the latest release.
     */
    record ProviderRelease(String provider, String version, String flavor) implements TemplateSource {
        public String fileName() {
            return flavor == null || flavor.isEmpty() ? "cluster-template.yaml" : "cluster-template-" + flavor + ".yaml";
        }

        @Override
        public String describe() {
            return fileName() + " of " + provider + " " + (version == null ? "(latest release)" : version);
        }
    }

    /** {@code --from}: an http(s) URL, a local file, or {@code -} for standard input. */
    record Location(String location) implements TemplateSource {
        @Override
        public String describe() {
            return "-".equals(location) ? "standard input" : location;
        }
    }

    /** {@code --from-config-map}: a key of a ConfigMap in the management cluster. */
    record ConfigMap(String namespace, String name, String key) implements TemplateSource {
        public static final String DEFAULT_KEY = "template";

        @Override
        public String describe() {
            return "ConfigMap " + namespace + "/" + name + " key " + key;
        }
    }
}
