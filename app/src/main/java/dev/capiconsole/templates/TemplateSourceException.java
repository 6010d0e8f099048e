package dev.capiconsole.templates;

/** A template source that cannot be read, with why and what to do. */
public final class TemplateSourceException extends RuntimeException {
    public TemplateSourceException(String message) {
        super(message);
    }
}
