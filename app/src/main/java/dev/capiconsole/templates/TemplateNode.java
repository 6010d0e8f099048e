package dev.capiconsole.templates;

import java.util.List;

/** One piece of a parsed template: literal text or a {@code ${...}} substitution. */
public sealed interface TemplateNode {

    /** Literal text, with {@code $$} escapes already resolved. */
    record Text(String value) implements TemplateNode {
    }

    /**
     * A substitution such as {@code ${NAME}}, {@code ${NAME:=default}} or {@code ${NAME//a/b}}.
     * {@code operator} is what follows the name ({@code ""} for a plain reference, {@code ":="}, {@code "//"},
     * {@code "#"} for the length form {@code ${#NAME}}, ...); each argument is one text or one nested substitution.
     */
    record Substitution(String variable, String operator, List<TemplateNode> arguments) implements TemplateNode {
        public Substitution {
            arguments = List.copyOf(arguments);
        }
    }
}
