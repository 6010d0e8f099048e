package dev.capiconsole.templates;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Random templates and variable sets that reach every operator and the parser's corners. */
final class RandomTemplates {

    private static final List<String> NAMES = List.of("A", "B", "C", "NAME", "x_1", "é");
    private static final List<String> VALUES = List.of("", "hello", "Hello World", "a/b/c", "ÄÖü", "日本語",
            "x*y", "[a]", "ab$c", "-1", "3", "😀x", "aaa", "a.b.c.d", "v1.33.0", "\\/", "my-cluster");
    private static final List<String> OPERATORS = List.of("", ":=", "=", ":-", ":?", ":+", "-", "+", "?", ",", ",,",
            "^", "^^", ",^", "#", "##", "%", "%%", ":", "/", "//", "/#", "/%", "==", ":::");
    private static final List<String> SOUP = List.of("${", "}", "$", "$$", "$$$", ":", "=", "-", "?", "+", "#",
            "%", "/", ",", "^", "\\", "\\/", "\\\\", "*", "?", "[", "]", "[!a]", "[^a]", "[a-c]", "A", "B", "AB",
            "a", "é", "日", "0", "1", "-1", "2", " ", "\n", "x", "_", "ab/c", "😀", "{", "${A}", "$A", "${ A }");
    private static final List<String> ARGUMENT_TEXT = List.of("x", "0", "1", "2", "-1", "-2", "a*", "*a", "*",
            "?", "[a-z]", "[^a]", "a/b", "\\/", "$$", "l", "lo", "b*c", "日", "9999999999999999999", "+1", "*/", "[",
            "\\", "é", "");

    private final Random random;

    RandomTemplates(long seed) {
        this.random = new Random(seed);
    }

    String template() {
        return random.nextBoolean() ? structured(0) + (random.nextInt(4) == 0 ? soup() : "") : soup();
    }

    Map<String, String> values() {
        Map<String, String> values = new LinkedHashMap<>();
        for (String name : NAMES) {
            if (random.nextInt(3) > 0) {
                values.put(name, pick(VALUES));
            }
        }
        return values;
    }

    private String structured(int depth) {
        StringBuilder out = new StringBuilder();
        int parts = 1 + random.nextInt(3);
        for (int i = 0; i < parts; i++) {
            if (random.nextInt(3) == 0) {
                out.append(pick(List.of("text ", "key: ", "$$", "\n", "a$b", "}")));
            }
            out.append(substitution(depth));
        }
        return out.toString();
    }

    private String substitution(int depth) {
        String operator = pick(OPERATORS);
        String name = pick(NAMES);
        if (operator.equals("#") && random.nextBoolean()) {
            return "${#" + name + "}";
        }
        StringBuilder out = new StringBuilder("${").append(name).append(operator);
        if (!operator.isEmpty() && !operator.startsWith(",") && !operator.startsWith("^")) {
            out.append(argument(depth));
            if (operator.equals(":") && random.nextBoolean() || operator.startsWith("/") && random.nextInt(4) > 0) {
                out.append(operator.equals(":") ? ":" : "/").append(argument(depth));
            }
        }
        return out.append(random.nextInt(20) == 0 ? "" : "}").toString();
    }

    private String argument(int depth) {
        if (depth < 2 && random.nextInt(4) == 0) {
            return substitution(depth + 1);
        }
        String text = pick(ARGUMENT_TEXT);
        return random.nextInt(6) == 0 ? text + substitution(depth + 1) : text;
    }

    private String soup() {
        StringBuilder out = new StringBuilder();
        int length = 1 + random.nextInt(8);
        for (int i = 0; i < length; i++) {
            out.append(pick(SOUP));
        }
        return out.toString();
    }

    private <T> T pick(List<T> items) {
        return items.get(random.nextInt(items.size()));
    }
}
