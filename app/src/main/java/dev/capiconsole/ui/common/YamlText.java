package dev.capiconsole.ui.common;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.scene.text.Text;

/** YAML as coloured text: keys, strings, numbers and booleans, comments and document separators. */
public final class YamlText {

    private static final Pattern KEY_LINE = Pattern.compile("^(\\s*(?:- )*)([^\\s#'\"][^:#]*?|\"[^\"]*\"|'[^']*'):(\\s.*|)$");
    private static final Pattern ITEM_LINE = Pattern.compile("^(\\s*(?:- )+)(.*)$");
    private static final Pattern NUMBER_OR_WORD = Pattern.compile("-?\\d+(\\.\\d+)?|true|false|null|\\{\\}|\\[\\]");

    private YamlText() {
    }

    public static List<Text> of(String yaml) {
        List<Text> out = new ArrayList<>();
        for (String line : yaml.split("\n", -1)) {
            line(line, out);
            out.add(new Text("\n"));
        }
        if (!out.isEmpty()) {
            out.remove(out.size() - 1);
        }
        return out;
    }

    private static void line(String line, List<Text> out) {
        if (line.equals("---")) {
            add(out, line, "yaml-separator");
            return;
        }
        if (line.stripLeading().startsWith("#")) {
            add(out, line, "yaml-comment");
            return;
        }
        Matcher key = KEY_LINE.matcher(line);
        if (key.matches()) {
            add(out, key.group(1), "yaml-plain");
            add(out, key.group(2), "yaml-key");
            add(out, ":", "yaml-plain");
            value(key.group(3), out);
            return;
        }
        Matcher item = ITEM_LINE.matcher(line);
        if (item.matches()) {
            add(out, item.group(1), "yaml-plain");
            value(item.group(2), out);
            return;
        }
        add(out, line, "yaml-string");
    }

    private static void value(String text, List<Text> out) {
        String trimmed = text.trim();
        if (trimmed.isEmpty() || trimmed.equals("|") || trimmed.equals("|-") || trimmed.equals(">")) {
            add(out, text, "yaml-plain");
        } else if (NUMBER_OR_WORD.matcher(trimmed).matches()) {
            add(out, text, "yaml-number");
        } else {
            add(out, text, "yaml-string");
        }
    }

    private static Text styled(String text, String styleClass) {
        Text node = new Text(text);
        node.getStyleClass().addAll("yaml-text", styleClass);
        return node;
    }

    /** Adds a piece of text; empty pieces are left out (an empty Text node upsets the layout of the next one). */
    private static void add(List<Text> out, String text, String styleClass) {
        if (!text.isEmpty()) {
            out.add(styled(text, styleClass));
        }
    }
}
