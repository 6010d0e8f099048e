package dev.capiconsole.bootstrap;

/**
 * One line of kind's output, read: a step starting ({@code " • Preparing nodes 📦  ..."}), done ({@code " ✓ ..."})
 * or failed ({@code " ✗ ..."}), kind's final error ({@code "ERROR: ..."}), or any other line.
 */
public record KindProgress(Kind kind, String text, String line) {

    public enum Kind { STEP_STARTED, STEP_DONE, STEP_FAILED, ERROR, OUTPUT }

    private static final String ANSI = "\u001B\\[[0-9;]*m";

    /** kind's text without its emoji (most desktop fonts have no glyphs for them) and without colour codes. */
    public static String plain(String text) {
        StringBuilder out = new StringBuilder();
        text.replaceAll(ANSI, "").codePoints().filter(c -> Character.getType(c) != Character.OTHER_SYMBOL
                || c == 0x2713 || c == 0x2717).filter(c -> c != 0xFE0F && c != 0x200D).forEach(out::appendCodePoint);
        return out.toString().replaceAll(" {2,}", " ").strip();
    }

    public static KindProgress read(String raw) {
        String line = raw.replaceAll(ANSI, "");
        String trimmed = line.strip();
        if (trimmed.startsWith("• ")) {
            String step = trimmed.substring(2).strip();
            // A step starts with "...". Other bullets are notes: "Ready after 14s", "WARNING: Timed out...".
            return step.endsWith("...")
                    ? new KindProgress(Kind.STEP_STARTED, plain(step.substring(0, step.length() - 3)), line)
                    : new KindProgress(Kind.OUTPUT, plain(step), line);
        }
        if (trimmed.startsWith("✓ ")) {
            return new KindProgress(Kind.STEP_DONE, plain(trimmed.substring(2)), line);
        }
        if (trimmed.startsWith("✗ ")) {
            return new KindProgress(Kind.STEP_FAILED, plain(trimmed.substring(2)), line);
        }
        if (trimmed.startsWith("ERROR: ")) {
            return new KindProgress(Kind.ERROR, trimmed.substring("ERROR: ".length()), line);
        }
        return new KindProgress(Kind.OUTPUT, plain(trimmed), line);
    }
}
