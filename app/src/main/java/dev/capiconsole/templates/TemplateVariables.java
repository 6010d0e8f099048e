package dev.capiconsole.templates;

import dev.capiconsole.templates.TemplateNode.Substitution;
import dev.capiconsole.templates.TemplateNode.Text;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * clusterctl's variable handling around the substitution library: the legacy {@code ${ NAME }} spelling, which
 * variables a template has and which of them are required, and processing that refuses to run while a required
 * variable has no value.
 */
public final class TemplateVariables {

    /** {@code ${ NAME }}, {@code ${ NAME}} and {@code ${NAME }}: older templates; the spaces are dropped. */
    private static final Pattern LEGACY = Pattern.compile(
            "(\\$\\{([\\t\\n\\f\\r ]+([A-Za-z0-9_$]+)[\\t\\n\\f\\r ]+)\\})"
                    + "|(\\$\\{([\\t\\n\\f\\r ]+([A-Za-z0-9_$]+))\\})"
                    + "|(\\$\\{(([A-Za-z0-9_$]+)[\\t\\n\\f\\r ]+)\\})");
    private static final Pattern SPACE = Pattern.compile("[\\t\\n\\f\\r ]");

    private TemplateVariables() {
    }

    static String withoutLegacySpaces(String template) {
        Matcher matcher = LEGACY.matcher(template);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(out, Matcher.quoteReplacement(SPACE.matcher(matcher.group()).replaceAll("")));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    /**
     * The variables of a template, sorted by name, each with its default or {@code null} when it is required.
     * As in clusterctl, only substitutions at the top level count (a variable used only inside another one's
     * default is not listed), the first use of a name decides its default, and a default is the operator's
     * arguments joined, nested substitutions written back as {@code ${NAME}}.
     */
    public static Map<String, String> of(String template) {
        return of(TemplateParser.parse(withoutLegacySpaces(template)));
    }

    private static Map<String, String> of(List<TemplateNode> nodes) {
        Map<String, String> variables = new TreeMap<>();
        for (TemplateNode node : nodes) {
            if (node instanceof Substitution substitution && !variables.containsKey(substitution.variable())) {
                StringBuilder defaultValue = new StringBuilder();
                for (TemplateNode argument : substitution.arguments()) {
                    if (argument instanceof Text text) {
                        defaultValue.append(text.value());
                    } else {
                        defaultValue.append("${").append(((Substitution) argument).variable()).append('}');
                    }
                }
                variables.put(substitution.variable(), defaultValue.length() == 0 ? null : defaultValue.toString());
            }
        }
        return variables;
    }

    /**
     * Substitutes every variable; {@code values} answers {@code null} for a variable that is not set (an empty
     * string is set). Fails naming every required variable that has no value.
     */
    public static String process(String template, Function<String, String> values) {
        return processAndList(template, values).text();
    }

    /** A processed template and its variables (as {@link #of(String)} lists them), from one parse. */
    public record Processed(String text, Map<String, String> variables) {
    }

    /** {@link #process} and {@link #of(String)} together, parsing the template once. */
    public static Processed processAndList(String template, Function<String, String> values) {
        List<TemplateNode> nodes = TemplateParser.parse(withoutLegacySpaces(template));
        Map<String, String> variables = of(nodes);
        List<String> missing = new ArrayList<>();
        variables.forEach((name, defaultValue) -> {
            if (defaultValue == null && values.apply(name) == null) {
                missing.add(name);
            }
        });
        if (!missing.isEmpty()) {
            throw new MissingVariablesException(missing);
        }
        return new Processed(Substitutions.evaluate(nodes, values), variables);
    }
}
