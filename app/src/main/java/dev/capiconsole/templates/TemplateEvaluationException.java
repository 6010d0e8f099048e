package dev.capiconsole.templates;

/** A substitution that cannot be evaluated (where clusterctl itself would crash). */
public final class TemplateEvaluationException extends RuntimeException {
    TemplateEvaluationException(String message) {
        super(message);
    }
}
