package dev.capiconsole.templates;

/** A template that clusterctl's substitution library would refuse, with where it went wrong. */
public final class TemplateSyntaxException extends RuntimeException {

    /** The library's own error categories; {@link #text} is the wording clusterctl prints. */
    public enum Kind {
        BAD_SUBSTITUTION("bad substitution"),
        MISSING_CLOSING_BRACE("missing closing brace"),
        VARIABLE_NAME("unable to parse variable name"),
        FUNCTION_ARGUMENT("unable to parse substitution within function"),
        DEFAULT_FUNCTION("unable to parse default function");

        private final String text;

        Kind(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }
    }

    private final Kind kind;
    private final int line;
    private final int column;

    TemplateSyntaxException(Kind kind, int line, int column, String excerpt) {
        super(kind.text() + " at line " + line + ", column " + column + ": " + excerpt);
        this.kind = kind;
        this.line = line;
        this.column = column;
    }

    public Kind kind() {
        return kind;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }
}
