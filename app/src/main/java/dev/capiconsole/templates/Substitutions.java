package dev.capiconsole.templates;

import dev.capiconsole.templates.TemplateNode.Substitution;
import dev.capiconsole.templates.TemplateNode.Text;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.Function;

/**
 * Evaluates parsed templates the way clusterctl does. Every operator that is not a string operation
 * ({@code =}, {@code :=}, {@code :-}, {@code :?}, {@code :+} and a plain reference) means "the value, or when it
 * is empty the arguments joined": unlike a shell, {@code ${A:+x}} and {@code ${A:?x}} are defaults too, and an
 * empty value counts as unset.
 */
public final class Substitutions {

    private Substitutions() {
    }

    /** Parses and evaluates {@code template}; {@code values} answers {@code null} for an unset variable. */
    public static String evaluate(String template, Function<String, String> values) {
        return evaluate(TemplateParser.parse(template), values);
    }

    public static String evaluate(List<TemplateNode> nodes, Function<String, String> values) {
        StringBuilder out = new StringBuilder();
        for (TemplateNode node : nodes) {
            out.append(evaluate(node, values));
        }
        return out.toString();
    }

    private static String evaluate(TemplateNode node, Function<String, String> values) {
        if (node instanceof Text text) {
            return text.value();
        }
        Substitution substitution = (Substitution) node;
        List<String> arguments = new ArrayList<>(substitution.arguments().size());
        for (TemplateNode argument : substitution.arguments()) {
            arguments.add(evaluate(argument, values));
        }
        String value = values.apply(substitution.variable());
        return apply(substitution.operator(), value == null ? "" : value, arguments);
    }

    static String apply(String operator, String value, List<String> arguments) {
        switch (operator) {
            case ",":
                return mapFirst(value, false);
            case ",,":
                return mapAll(value, false);
            case "^":
                return mapFirst(value, true);
            case "^^":
                return mapAll(value, true);
            case "#":
                return arguments.isEmpty()
                        ? String.valueOf(GoStrings.bytes(value).length)
                        : trimPrefix(value, arguments.get(0), false);
            case "##":
                return trimPrefix(value, arguments.get(0), true);
            case "%":
                return trimSuffix(value, arguments.get(0), false);
            case "%%":
                return trimSuffix(value, arguments.get(0), true);
            case ":":
                return substring(value, arguments);
            case "/#":
                return arguments.size() == 2 && value.startsWith(arguments.get(0))
                        ? GoStrings.replace(value, arguments.get(0), arguments.get(1), 1)
                        : value;
            case "/%":
                return arguments.size() == 2 && value.endsWith(arguments.get(0))
                        ? value.substring(0, value.length() - arguments.get(0).length()) + arguments.get(1)
                        : value;
            case "/":
                return GoStrings.replace(value, arguments.get(0), arguments.size() > 1 ? arguments.get(1) : "", 1);
            case "//":
                return GoStrings.replace(value, arguments.get(0), arguments.size() > 1 ? arguments.get(1) : "", -1);
            default:
                return value.isEmpty() && !arguments.isEmpty() ? String.join("", arguments) : value;
        }
    }

    private static String mapAll(String value, boolean upper) {
        StringBuilder out = new StringBuilder(value.length());
        value.codePoints().forEach(c -> out.appendCodePoint(upper ? Character.toUpperCase(c) : Character.toLowerCase(c)));
        return out.toString();
    }

    private static String mapFirst(String value, boolean upper) {
        if (value.isEmpty()) {
            return value;
        }
        int first = value.codePointAt(0);
        int mapped = upper ? Character.toUpperCase(first) : Character.toLowerCase(first);
        return new StringBuilder().appendCodePoint(mapped).append(value, Character.charCount(first), value.length())
                .toString();
    }

    /** {@code ${V:pos}} and {@code ${V:pos:len}} on UTF-8 bytes; an argument that is not a number gives V. */
    private static String substring(String value, List<String> arguments) {
        byte[] bytes = GoStrings.bytes(value);
        OptionalLong parsedPosition = GoStrings.atoi(arguments.get(0));
        if (parsedPosition.isEmpty()) {
            return value;
        }
        long position = parsedPosition.getAsLong();
        if (position < 0) {
            position = Math.max(0, bytes.length + position);
        }
        if (arguments.size() == 1) {
            return position < bytes.length ? GoStrings.string(bytes, (int) position, bytes.length) : "";
        }
        OptionalLong parsedLength = GoStrings.atoi(arguments.get(1));
        if (parsedLength.isEmpty()) {
            return value;
        }
        long length = parsedLength.getAsLong();
        if (position + length >= bytes.length) {
            return position < bytes.length ? GoStrings.string(bytes, (int) position, bytes.length) : "";
        }
        if (length < 0) {
            // clusterctl itself crashes here (a slice with its end before its start).
            throw new TemplateEvaluationException("negative length " + length + " in a substring of \"" + value + "\"");
        }
        return GoStrings.string(bytes, (int) position, (int) (position + length));
    }

    private static String trimPrefix(String value, String pattern, boolean longest) {
        byte[] bytes = GoStrings.bytes(value);
        int cut = matchedPrefix(bytes, GoStrings.bytes(pattern), longest);
        return cut <= 0 ? value : GoStrings.string(bytes, cut, bytes.length);
    }

    private static String trimSuffix(String value, String pattern, boolean longest) {
        byte[] reversed = GoStrings.bytes(GoStrings.reverse(value));
        int cut = matchedPrefix(reversed, GoStrings.bytes(GoStrings.reverse(pattern)), longest);
        return cut <= 0 ? value : GoStrings.reverse(GoStrings.string(reversed, cut, reversed.length));
    }

    /**
     * Length of the longest (or shortest) non-empty prefix that the pattern matches, 0 for none. A malformed
     * pattern gives 0 as soon as matching meets it, even when an earlier, longer prefix matched.
     */
    private static int matchedPrefix(byte[] value, byte[] pattern, boolean longest) {
        int found = 0;
        for (int length = value.length; length > 0; length--) {
            try {
                if (GlobPattern.matches(pattern, value, length)) {
                    if (longest) {
                        return length;
                    }
                    found = length;
                }
            } catch (GlobPattern.BadPattern e) {
                return 0;
            }
        }
        return found;
    }
}
