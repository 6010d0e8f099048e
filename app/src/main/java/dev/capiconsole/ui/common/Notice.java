package dev.capiconsole.ui.common;

/** A message shown in the banner above the content: what happened and what to do next. */
public record Notice(Kind kind, String title, String detail) {

    public enum Kind { INFO, WARNING, ERROR }
}
