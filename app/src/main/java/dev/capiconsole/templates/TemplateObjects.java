package dev.capiconsole.templates;

import dev.capiconsole.yaml.YamlLimits;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/** Substituted template text to Kubernetes objects and back, as clusterctl reads and prints them. */
public final class TemplateObjects {

    private TemplateObjects() {
    }

    /**
     * Every non-empty document of a multi-document YAML text. Fails naming the document and line when the text
     * is not YAML or a document is not a Kubernetes object.
     */
    public static List<Map<String, Object>> parse(String yaml, String origin) {
        return parse(yaml, origin, true);
    }

    /** As {@link #parse(String, String)}; without {@code objectsOnly} any YAML map is accepted. */
    public static List<Map<String, Object>> parse(String yaml, String origin, boolean objectsOnly) {
        List<Map<String, Object>> objects = new ArrayList<>();
        int index = 0;
        try {
            Yaml loader = new Yaml(YamlLimits.MANIFEST.constructor(), new Representer(new DumperOptions()),
                    new DumperOptions(), YamlLimits.MANIFEST.loaderOptions(), new KubernetesResolver());
            for (Object document : loader.loadAll(yaml)) {
                index++;
                if (document == null) {
                    continue;
                }
                YamlLimits.MANIFEST.checkExpansion(document);
                if (!(document instanceof Map<?, ?> map)) {
                    throw new InvalidTemplateException(origin + ": document " + index + " is not a YAML map but "
                            + document.getClass().getSimpleName().toLowerCase());
                }
                @SuppressWarnings("unchecked")
                Map<String, Object> object = (Map<String, Object>) map;
                if (objectsOnly && (!(object.get("apiVersion") instanceof String)
                        || !(object.get("kind") instanceof String))) {
                    throw new InvalidTemplateException(origin + ": document " + index
                            + " is not a Kubernetes object (it needs apiVersion and kind)");
                }
                objects.add(object);
            }
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String where = mark == null ? "" : " at line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1);
            throw new InvalidTemplateException(origin + " is not valid YAML after substitution" + where + ": "
                    + e.getProblem() + lineOf(yaml, mark));
        } catch (YAMLException e) {
            throw new InvalidTemplateException(origin + " is not valid YAML after substitution: "
                    + YamlLimits.problem(e));
        }
        return objects;
    }

    private static String lineOf(String yaml, Mark mark) {
        if (mark == null) {
            return "";
        }
        String[] lines = yaml.split("\n", -1);
        return mark.getLine() < lines.length ? "\n  " + lines[mark.getLine()].strip() : "";
    }

    /** The objects as clusterctl prints them: keys sorted, documents separated by {@code ---}. */
    public static String toYaml(List<Map<String, Object>> objects) {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setIndent(2);
        options.setIndicatorIndent(0);
        options.setWidth(80);
        options.setSplitLines(true);
        Yaml yaml = new Yaml(new GoStyleRepresenter(options), options);
        StringBuilder out = new StringBuilder();
        for (Map<String, Object> object : objects) {
            if (out.length() > 0) {
                out.append("---\n");
            }
            out.append(yaml.dump(sorted(object)));
        }
        return out.toString();
    }

    private static Object sorted(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new TreeMap<>(GoYamlKeyOrder.INSTANCE);
            map.forEach((k, v) -> copy.put(String.valueOf(k), sorted(v)));
            return copy;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(TemplateObjects::sorted).toList();
        }
        return asJsonNumber(value);
    }

    private static final double EXACT_INTEGERS = 9007199254740992d; // 2^53

    /**
     * clusterctl's objects pass through JSON, where every number is a double: {@code 1.0} prints as {@code 1},
     * and integers beyond 2^53 lose their last digits.
     */
    private static Object asJsonNumber(Object value) {
        double d;
        if (value instanceof Double number) {
            d = number;
        } else if (value instanceof Long || value instanceof Integer) {
            long l = ((Number) value).longValue();
            if (Math.abs((double) l) < EXACT_INTEGERS) {
                return value;
            }
            d = l;
        } else if (value instanceof java.math.BigInteger big) {
            d = big.doubleValue();
        } else {
            return value;
        }
        if (Double.isFinite(d) && d == Math.rint(d) && Math.abs(d) < 1e21) {
            return new java.math.BigDecimal(Double.toString(d)).toBigInteger();
        }
        return d;
    }

    /**
     * Go's YAML printer style: a string that would read back as something else ({@code ""}, {@code "true"},
     * {@code "10"}) is double-quoted, a string of several lines is a literal block, other strings that need
     * quotes get single quotes.
     */
    private static final class GoStyleRepresenter extends Representer {
        private final Resolver resolver = new Resolver();

        GoStyleRepresenter(DumperOptions options) {
            super(options);
            this.representers.put(String.class, data -> {
                String value = (String) data;
                if (value.contains("\n")) {
                    return representScalar(Tag.STR, value, DumperOptions.ScalarStyle.LITERAL);
                }
                if (!Tag.STR.equals(resolver.resolve(NodeId.scalar, value, true))) {
                    return representScalar(Tag.STR, value, DumperOptions.ScalarStyle.DOUBLE_QUOTED);
                }
                return representScalar(Tag.STR, value);
            });
        }
    }

    /** YAML 1.1 scalars as Kubernetes reads them, except that dates stay strings. */
    private static final class KubernetesResolver extends Resolver {
        @Override
        protected void addImplicitResolvers() {
            addImplicitResolver(Tag.BOOL, BOOL, "yYnNtTfFoO");
            addImplicitResolver(Tag.INT, INT, "-+0123456789");
            addImplicitResolver(Tag.FLOAT, FLOAT, "-+0123456789.");
            addImplicitResolver(Tag.MERGE, MERGE, "<");
            addImplicitResolver(Tag.NULL, NULL, "~nN\0");
            addImplicitResolver(Tag.NULL, EMPTY, null);
        }
    }
}
