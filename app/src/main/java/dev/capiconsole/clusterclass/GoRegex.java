package dev.capiconsole.clusterclass;

import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A schema {@code pattern} as the API server applies it: Go's RE2 syntax, matched unanchored (Go's
 * {@code MatchString}: the pattern may match anywhere unless it says {@code ^...$}). Java's regex differs in a few
 * places that are translated here: {@code (?P<name>...)} groups, POSIX classes such as {@code [[:alpha:]]}, {@code $}
 * (Go: only the end of the text; Java: also before a final line break) and {@code .} (Go excludes only {@code \n}).
 * What RE2 refuses and Java accepts (look-arounds, back-references) the ClusterClass webhook refuses already.
 */
final class GoRegex {

    private static final Map<String, String> POSIX = Map.ofEntries(Map.entry("alnum", "Alnum"),
            Map.entry("alpha", "Alpha"), Map.entry("ascii", "ASCII"), Map.entry("blank", "Blank"),
            Map.entry("cntrl", "Cntrl"), Map.entry("digit", "Digit"), Map.entry("graph", "Graph"),
            Map.entry("lower", "Lower"), Map.entry("print", "Print"), Map.entry("punct", "Punct"),
            Map.entry("space", "Space"), Map.entry("upper", "Upper"), Map.entry("word", "Alnum_"),
            Map.entry("xdigit", "XDigit"));

    private final Pattern pattern;

    private GoRegex(Pattern pattern) {
        this.pattern = pattern;
    }

    /** The Go pattern compiled; fails with the reason when Java cannot read it. */
    static GoRegex compile(String goPattern) {
        try {
            return new GoRegex(Pattern.compile(toJava(goPattern), Pattern.UNIX_LINES));
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("the pattern " + goPattern + " cannot be read: " + e.getDescription(), e);
        }
    }

    /** Whether the pattern matches anywhere in {@code text}, as Go's {@code MatchString}. */
    boolean matches(String text) {
        return pattern.matcher(text).find();
    }

    static String toJava(String go) {
        boolean multiLine = go.matches("(?s).*\\(\\?[a-zA-Z]*m[a-zA-Z]*[):].*");
        StringBuilder java = new StringBuilder();
        boolean inClass = false;
        for (int i = 0; i < go.length(); i++) {
            char c = go.charAt(i);
            if (c == '\\' && i + 1 < go.length()) {
                java.append(c).append(go.charAt(++i));
            } else if (inClass && go.startsWith("[:", i) && go.indexOf(":]", i + 2) > 0) {
                int end = go.indexOf(":]", i + 2);
                String name = go.substring(i + 2, end);
                boolean negated = name.startsWith("^");
                String javaName = POSIX.get(negated ? name.substring(1) : name);
                if (javaName == null) {
                    java.append(c);
                    continue;
                }
                java.append(javaName.equals("Alnum_") ? (negated ? "[^\\p{Alnum}_]" : "\\p{Alnum}_")
                        : (negated ? "\\P{" : "\\p{") + javaName + "}");
                i = end + 1;
            } else if (c == '[' && !inClass) {
                inClass = true;
                java.append(c);
                if (i + 1 < go.length() && go.charAt(i + 1) == '^') {
                    java.append(go.charAt(++i));
                }
                if (i + 1 < go.length() && go.charAt(i + 1) == ']') {
                    java.append("\\]");
                    i++;
                }
            } else if (c == ']' && inClass) {
                inClass = false;
                java.append(c);
            } else if (inClass && (c == '[' || c == '&')) {
                java.append('\\').append(c);
            } else if (!inClass && go.startsWith("(?P<", i)) {
                java.append("(?<");
                i += 3;
            } else if (!inClass && c == '$' && !multiLine) {
                java.append("\\z");
            } else {
                java.append(c);
            }
        }
        return java.toString();
    }
}
