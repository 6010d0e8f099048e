package dev.capiconsole.yaml;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * The limits every YAML text the console reads is held to, set explicitly rather than left to SnakeYAML's
 * defaults, so that a hostile or broken file fails with a message instead of exhausting memory or time.
 */
public enum YamlLimits {
    /** Files people write: kubeconfig, clusterctl.yaml, variable values, an edited object. */
    CONFIG(16 * 1024 * 1024, 100, 2_000_000),
    /** Machine-written manifests: templates, provider components, add-ons, the lab's objects. */
    MANIFEST(128 * 1024 * 1024, 1_000, 5_000_000);

    /** Deeper than any Kubernetes object; deep enough that a stack overflow cannot happen first. */
    static final int NESTING_DEPTH = 200;

    private final int codePoints;
    private final int aliases;
    private final long expandedNodes;

    YamlLimits(int codePoints, int aliases, long expandedNodes) {
        this.codePoints = codePoints;
        this.aliases = aliases;
        this.expandedNodes = expandedNodes;
    }

    public LoaderOptions loaderOptions() {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(codePoints);
        options.setMaxAliasesForCollections(aliases);
        options.setNestingDepthLimit(NESTING_DEPTH);
        options.setAllowRecursiveKeys(false);
        return options;
    }

    /** SnakeYAML's safe constructor within these limits, for loaders that need their own resolver. */
    public SafeConstructor constructor() {
        return new CheckedConstructor(loaderOptions());
    }

    /** One YAML document as plain maps, lists and scalars, within these limits; a YAMLException otherwise. */
    @SuppressWarnings("unchecked")
    public <T> T load(String text) {
        Object document = new Yaml(constructor()).load(text);
        checkExpansion(document);
        return (T) document;
    }

    /** As {@link #load(String)}, from a reader. */
    @SuppressWarnings("unchecked")
    public <T> T load(Reader reader) {
        Object document = new Yaml(constructor()).load(reader);
        checkExpansion(document);
        return (T) document;
    }

    /** What is wrong with a text SnakeYAML refused, for a person: the line and problem, or the encoding. */
    public static String problem(YAMLException refused) {
        if (refused instanceof MarkedYAMLException marked) {
            Mark mark = marked.getProblemMark();
            return (mark == null ? "" : "at line " + (mark.getLine() + 1) + ": ") + marked.getProblem();
        }
        if (refused.getCause() instanceof CharacterCodingException) {
            return "it is not UTF-8 text (is it a binary file?)";
        }
        if (refused.getCause() instanceof IOException unreadable) {
            // SnakeYAML wraps read errors with the exception's class name in its message.
            return "it cannot be read (" + unreadable.getMessage() + ")";
        }
        return refused.getMessage();
    }

    public long expandedNodes() {
        return expandedNodes;
    }

    /**
     * Refuses a document whose aliases make it expand past the node budget ("billion laughs"): SnakeYAML shares
     * an aliased collection instead of copying it, so loading is cheap, but everything that walks the result
     * (templates, JSON conversion, apply) would visit each share again.
     */
    public void checkExpansion(Object document) {
        long visited = 0;
        Deque<Object> pending = new ArrayDeque<>();
        push(pending, document);
        while (!pending.isEmpty()) {
            Object node = pending.pop();
            if (++visited > expandedNodes) {
                throw new YAMLException("the YAML expands to more than " + expandedNodes
                        + " values through its anchors and aliases (&name/*name)");
            }
            if (node instanceof Map<?, ?> map) {
                map.forEach((key, value) -> {
                    push(pending, key);
                    push(pending, value);
                });
            } else if (node instanceof Collection<?> collection) {
                collection.forEach(item -> push(pending, item));
            }
        }
    }

    private static void push(Deque<Object> pending, Object node) {
        if (node != null) {
            pending.push(node);
        }
    }
}
