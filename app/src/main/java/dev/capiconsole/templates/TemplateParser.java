package dev.capiconsole.templates;

import dev.capiconsole.templates.TemplateNode.Substitution;
import dev.capiconsole.templates.TemplateNode.Text;
import dev.capiconsole.templates.TemplateSyntaxException.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * Parses templates with the grammar of the drone/envsubst library that clusterctl uses, including its
 * quirks: only the braced form {@code ${...}} is a substitution ({@code $NAME} stays text), {@code $$} is a
 * literal {@code $} outside braces, default values are taken literally up to the closing brace unless they
 * contain a nested {@code ${...}}, and replacement patterns honour {@code \/}, {@code \\} and {@code $$}.
 */
public final class TemplateParser {

    private final String source;
    private int pos;
    private int substitutionStart;

    private TemplateParser(String source) {
        this.source = source;
    }

    public static List<TemplateNode> parse(String source) {
        return new TemplateParser(source).document();
    }

    private List<TemplateNode> document() {
        List<TemplateNode> nodes = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        while (!atEnd()) {
            if (opensSubstitution()) {
                if (text.length() > 0) {
                    nodes.add(new Text(text.toString()));
                    text.setLength(0);
                }
                substitutionStart = pos;
                pos += 2;
                nodes.add(substitution());
            } else if (at('$') && next() == '$') {
                text.append('$');
                pos += 2;
            } else {
                appendCurrent(text);
            }
        }
        if (text.length() > 0) {
            nodes.add(new Text(text.toString()));
        }
        return nodes;
    }

    /** After {@code ${}: the variable and whatever operator follows it, through the closing brace. */
    private TemplateNode substitution() {
        if (at('#')) {
            return length();
        }
        String name = identifier();
        if (name.isEmpty()) {
            throw error(Kind.VARIABLE_NAME);
        }
        int c = atEnd() ? -1 : current();
        switch (c) {
            case ':':
                int afterColon = pos + 1 < source.length() ? source.codePointAt(pos + 1) : -1;
                if (afterColon > 0x7F || afterColon == -1) {
                    // The library steps back by the width of this character (or not at all at the end), reads
                    // something that is not the colon it expects, and gives up.
                    throw error(Kind.BAD_SUBSTITUTION);
                }
                if (afterColon == '=' || afterColon == '-' || afterColon == '?' || afterColon == '+') {
                    pos += 2;
                    return withDefault(name, ":" + (char) afterColon);
                }
                pos++;
                return substring(name);
            case '=':
                pos++;
                return withDefault(name, "=");
            case ',':
            case '^':
                return casing(name);
            case '/':
                return replacement(name);
            case '#':
            case '%':
                return removal(name, (char) c);
            case '}':
                pos++;
                return new Substitution(name, "", List.of());
            default:
                throw error(Kind.MISSING_CLOSING_BRACE);
        }
    }

    private TemplateNode length() {
        pos++;
        String name = identifier();
        if (name.isEmpty()) {
            throw error(Kind.BAD_SUBSTITUTION);
        }
        closingBrace();
        return new Substitution(name, "#", List.of());
    }

    private TemplateNode withDefault(String name, String operator) {
        List<TemplateNode> arguments = new ArrayList<>();
        while (!at('}')) {
            arguments.add(argument(c -> c != '}', false));
        }
        pos++;
        return new Substitution(name, operator, arguments);
    }

    private TemplateNode substring(String name) {
        List<TemplateNode> arguments = new ArrayList<>();
        arguments.add(argument(c -> c != ':' && c != '}', false));
        if (at('}')) {
            pos++;
            return new Substitution(name, ":", arguments);
        }
        if (!at(':')) {
            throw error(Kind.BAD_SUBSTITUTION);
        }
        while (at(':')) {
            pos++;
        }
        arguments.add(argument(c -> c != '}', false));
        closingBrace();
        return new Substitution(name, ":", arguments);
    }

    private TemplateNode removal(String name, char sign) {
        String operator = operator(c -> c == sign);
        List<TemplateNode> arguments = List.of(argument(c -> c != '}', false));
        closingBrace();
        return new Substitution(name, operator, arguments);
    }

    private TemplateNode replacement(String name) {
        String operator = operator(c -> c == '/' || c == '#' || c == '%');
        List<TemplateNode> arguments = new ArrayList<>();
        arguments.add(argument(c -> c != '/', true));
        if (!at('/')) {
            throw error(Kind.BAD_SUBSTITUTION);
        }
        while (at('/')) {
            pos++;
        }
        if (!at('}')) {
            arguments.add(argument(c -> c != '}', true));
        }
        closingBrace();
        return new Substitution(name, operator, arguments);
    }

    private TemplateNode casing(String name) {
        String operator = operator(c -> c == ',' || c == '^');
        closingBrace();
        return new Substitution(name, operator, List.of());
    }

    /** An operator of one or two characters; the caller has checked that the first one is there. */
    private String operator(IntPredicate second) {
        StringBuilder operator = new StringBuilder();
        operator.append((char) current());
        pos++;
        if (!atEnd() && second.test(current())) {
            operator.append((char) current());
            pos++;
        }
        return operator.toString();
    }

    /**
     * One argument of an operator: a nested substitution, or text up to the first character that
     * {@code accepted} refuses (or up to a nested {@code ${}). With {@code escapes}, {@code $$}, {@code \/} and
     * {@code \\} stand for their second character.
     */
    private TemplateNode argument(IntPredicate accepted, boolean escapes) {
        if (atEnd()) {
            throw error(Kind.FUNCTION_ARGUMENT);
        }
        if (opensSubstitution()) {
            pos += 2;
            return substitution();
        }
        StringBuilder text = new StringBuilder();
        boolean first = true;
        while (!atEnd() && !opensSubstitution()) {
            if (escapes && escaped()) {
                text.appendCodePoint(source.codePointAt(pos + 1));
                pos += 2;
            } else if (accepted.test(current())) {
                appendCurrent(text);
            } else if (first) {
                throw error(Kind.FUNCTION_ARGUMENT);
            } else {
                break;
            }
            first = false;
        }
        return new Text(text.toString());
    }

    private boolean escaped() {
        int c = current();
        int n = next();
        return (c == '$' && n == '$') || (c == '\\' && (n == '/' || n == '\\'));
    }

    private String identifier() {
        int begin = pos;
        while (!atEnd()) {
            int c = current();
            if (!Character.isLetter(c) && !Character.isDigit(c) && c != '_') {
                break;
            }
            pos += Character.charCount(c);
        }
        return source.substring(begin, pos);
    }

    private void closingBrace() {
        if (!at('}')) {
            throw error(Kind.BAD_SUBSTITUTION);
        }
        pos++;
    }

    private boolean opensSubstitution() {
        return at('$') && next() == '{';
    }

    private boolean atEnd() {
        return pos >= source.length();
    }

    private boolean at(char c) {
        return pos < source.length() && source.charAt(pos) == c;
    }

    private int current() {
        return source.codePointAt(pos);
    }

    private int next() {
        return pos + 1 < source.length() ? source.charAt(pos + 1) : -1;
    }

    private void appendCurrent(StringBuilder text) {
        int c = current();
        text.appendCodePoint(c);
        pos += Character.charCount(c);
    }

    private TemplateSyntaxException error(Kind kind) {
        int line = 1;
        int lineStart = 0;
        int limit = Math.min(pos, source.length());
        for (int i = 0; i < limit; i++) {
            if (source.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        int end = Math.min(source.length(), Math.max(pos + 1, substitutionStart + 40));
        int newline = source.indexOf('\n', substitutionStart);
        if (newline >= 0 && newline < end) {
            end = newline;
        }
        String excerpt = source.substring(Math.min(substitutionStart, end), end);
        return new TemplateSyntaxException(kind, line, limit - lineStart + 1, excerpt);
    }
}
