package dev.capiconsole.problems;

/** How bad a problem is: an error stops a cluster from working, a warning may, a note is worth knowing. */
public enum Severity {
    ERROR, WARNING, NOTE
}
