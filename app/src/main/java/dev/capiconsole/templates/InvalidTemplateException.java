package dev.capiconsole.templates;

/** A template that cannot be turned into Kubernetes objects, with what is wrong and where. */
public final class InvalidTemplateException extends RuntimeException {
    public InvalidTemplateException(String message) {
        super(message);
    }
}
